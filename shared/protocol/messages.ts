import { z } from 'zod';
import { Asset } from '../domain/assets';
import { Alarm, AlarmPriority } from '../domain/alarms';
import { MaintenanceTarget, MaintenanceWindow } from '../domain/maintenance';
import { Command, CommandRequest } from '../domain/commands';
import { AssetKind, DeviceRef, InseeCode } from '../domain/assets';
import { MAX_IMPORT_CSV_CHARS } from '../domain/device-csv';
import { CommandGrant, Role, Session } from '../domain/users';
import { LogbookEntry, LogbookHandover, MAX_LOGBOOK_LINKS, MAX_LOGBOOK_TEXT } from '../domain/logbook';
import { AlarmNotification, OnCallRoster, UserContact } from '../domain/oncall';
import { SourceName, SourceSettings, SourceView } from '../domain/sources';
import { Threshold, ThresholdCondition, ThresholdOverride } from '../domain/thresholds';
import { GateHours, HeatingMode, HeatingProgramme, LightingSchedule } from '../domain/schedules';
import { ProtocolError } from './errors';

/** Version of `hub-contract.md` this protocol implements. */
export const PROTOCOL_VERSION = '1.0';

/**
 * Largest client frame the hub reads. Client messages are small (a login, an acknowledgement with
 * a comment) except a bulk acknowledgement: `MAX_BULK_ALARMS` ids of ~42 bytes each is ~420 KB.
 * Anything bigger is a bug or an attack and is refused before parsing.
 */
export const MAX_CLIENT_FRAME_BYTES = 512 * 1024;

/** Most alarms one bulk acknowledgement takes: a whole flood filtered on screen. */
export const MAX_BULK_ALARMS = 10_000;

const RequestId = z.union([z.string().min(1).max(64), z.number().int()]);
export type RequestId = z.infer<typeof RequestId>;

// ─── client → hub ────────────────────────────────────────────────────────────────────────────

export const LoginRequest = z.object({
  op: z.literal('login'),
  id: RequestId,
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
});
export const ResumeRequest = z.object({ op: z.literal('resume'), id: RequestId, token: z.string().min(1).max(256) });
export const LogoutRequest = z.object({ op: z.literal('logout'), id: RequestId });
export const SubscribeRequest = z.object({
  op: z.literal('subscribe'),
  id: RequestId,
  /** Last journal seq the console saw; the hub then sends only what was missed when it can. */
  since: z.number().int().nonnegative().optional(),
  /**
   * How a full snapshot comes: `json` (the default) as the `snapshot` text message; `columns` as
   * one binary frame (`shared/protocol/snapshot-frame.ts`: the map's columns as typed arrays,
   * each asset's record as JSON bytes decoded on demand). Events are JSON text either way.
   */
  snapshot: z.enum(['json', 'columns']).optional(),
  /**
   * With `columns`: the frame layout version the console reads (`SNAPSHOT_FRAME_VERSION`). A
   * console that does not say, or reads another version than the hub writes, gets the JSON
   * snapshot: a console and a hub upgraded apart still work.
   */
  frameVersion: z.number().int().positive().optional(),
});
export const AcknowledgeRequest = z.object({
  op: z.literal('alarm.acknowledge'),
  id: RequestId,
  alarmId: z.string().min(1).max(64),
  comment: z.string().max(2000).optional(),
});
export const CommandSendRequest = z.object({
  op: z.literal('command.send'),
  id: RequestId,
  assetId: z.string().min(1).max(64),
  command: CommandRequest,
});
/** Most assets one group command takes: every cabinet of a large syndicat's sector (SDEF has 3,900). */
export const MAX_GROUP_ASSETS = 5000;
/**
 * One command for many assets (a lasso or a filtered selection on the map). Each asset is checked
 * like `command.send`; the reply says per asset what became of it, so unknown and foreign ids
 * answer `not-found` one by one and nothing about them leaks.
 */
export const CommandSendGroupRequest = z.object({
  op: z.literal('command.send-group'),
  id: RequestId,
  assetIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_GROUP_ASSETS),
  command: CommandRequest,
});
export const AssetCommandsRequest = z.object({
  op: z.literal('asset.commands'),
  id: RequestId,
  assetId: z.string().min(1).max(64),
});
export const PingRequest = z.object({ op: z.literal('ping'), id: RequestId });
/** A camera's live view: where the console reads its stream. Audited (who watched which camera, when). */
export const CameraViewRequest = z.object({
  op: z.literal('camera.view'),
  id: RequestId,
  assetId: z.string().min(1).max(64),
});
/** A building's own setpoint bounds (admins): what anyone may set there, before their own grants narrow it. */
export const AssetSetpointBoundsRequest = z.object({
  op: z.literal('asset.setpoint-bounds'),
  id: RequestId,
  assetId: z.string().min(1).max(64),
  minC: z.number().finite(),
  maxC: z.number().finite(),
});
/** The programmes an asset runs (heating, lighting, gate hours) and what they want now and next. */
export const AssetProgrammesRequest = z.object({
  op: z.literal('asset.programmes'),
  id: RequestId,
  assetId: z.string().min(1).max(64),
});

// Alarm management (issue 4).
const AlarmId = z.string().min(1).max(64);
const IsoInstant = z.iso.datetime({ offset: true });
export const AcknowledgeManyRequest = z.object({
  op: z.literal('alarm.acknowledge-many'),
  id: RequestId,
  alarmIds: z.array(AlarmId).min(1).max(MAX_BULK_ALARMS),
  comment: z.string().max(2000).optional(),
});
export const AlarmCommentRequest = z.object({
  op: z.literal('alarm.comment'),
  id: RequestId,
  alarmId: AlarmId,
  comment: z.string().trim().min(1, 'commentaire vide').max(2000),
});
export const AlarmShelveRequest = z.object({
  op: z.literal('alarm.shelve'),
  id: RequestId,
  alarmId: AlarmId,
  /** Mandatory: why the alarm may be set aside (EEMUA 191). */
  reason: z.string().trim().min(1, 'motif obligatoire').max(500),
  /** When it comes back by itself; at most the hub's `BEFFROI_MAX_SHELVE_H` ahead. */
  untilAt: IsoInstant,
});
export const AlarmUnshelveRequest = z.object({ op: z.literal('alarm.unshelve'), id: RequestId, alarmId: AlarmId });
export const MaintenanceCreateRequest = z.object({
  op: z.literal('maintenance.create'),
  id: RequestId,
  target: MaintenanceTarget,
  fromAt: IsoInstant,
  toAt: IsoInstant,
  reason: z.string().trim().min(1, 'motif obligatoire').max(500),
});
export const MaintenanceListRequest = z.object({ op: z.literal('maintenance.list'), id: RequestId });
export const MaintenanceDeleteRequest = z.object({ op: z.literal('maintenance.delete'), id: RequestId, windowId: z.string().min(1).max(64) });

// Device registry (admin; operators may read the quarantine).
const WireDevEui = z.string().regex(/^[0-9a-fA-F]{16}$/, 'DevEUI : 16 chiffres hexadécimaux').transform((v) => v.toLowerCase());
export const DeviceQuarantineRequest = z.object({ op: z.literal('device.quarantine'), id: RequestId });
export const DeviceDeclareRequest = z.object({
  op: z.literal('device.declare'),
  id: RequestId,
  devEui: WireDevEui,
  model: z.string().min(1).max(64),
  assetId: z.string().min(1).max(64),
  /** Expected uplink period, for silence detection. */
  uplinkPeriodS: z.number().int().min(10).max(7 * 24 * 3600).default(900),
});
/** The radio health of an asset's devices (per gateway), or of a gateway (the devices it hears): command post only. */
export const AssetRadioRequest = z.object({ op: z.literal('asset.radio'), id: RequestId, assetId: z.string().min(1).max(64) });
export const DeviceImportRequest = z.object({
  op: z.literal('device.import'),
  id: RequestId,
  /** One device per line: `devEui;model;assetId[;uplinkPeriodS]` (comma or semicolon, header optional). */
  csv: z.string().max(MAX_IMPORT_CSV_CHARS, `fichier trop gros : ${MAX_IMPORT_CSV_CHARS} caractères au plus`),
});
/** Most registry rows one page carries: the registry may hold 100k devices. */
export const MAX_DEVICE_PAGE = 200;
export const DeviceListRequest = z.object({
  op: z.literal('device.list'),
  id: RequestId,
  /** Words that must all appear in the DevEUI, model, asset name or id, or commune (name or INSEE). */
  query: z.string().max(100).default(''),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(MAX_DEVICE_PAGE).default(50),
});
/** Retires a device: its row goes, its asset no longer hears it; later uplinks land in quarantine. */
export const DeviceRemoveRequest = z.object({ op: z.literal('device.remove'), id: RequestId, devEui: WireDevEui });

// Field sources (admin only). The password is write-only: replies say `hasPassword`, never more.
const SourcePassword = z.string().min(1).max(1024);
export const SourceListRequest = z.object({ op: z.literal('source.list'), id: RequestId });
export const SourceCreateRequest = z.object({ op: z.literal('source.create'), id: RequestId, source: SourceSettings, password: SourcePassword.optional() });
export const SourceUpdateRequest = z.object({
  op: z.literal('source.update'),
  id: RequestId,
  name: SourceName,
  /** Replaces every setting but the name. */
  source: SourceSettings.omit({ name: true }),
  /** A new password; `null` removes it; absent keeps the one stored. */
  password: SourcePassword.nullable().optional(),
});
export const SourceDeleteRequest = z.object({ op: z.literal('source.delete'), id: RequestId, name: SourceName });

// Alarm thresholds: admins and operators read them, admins change them (audited, journaled).
export const ThresholdListRequest = z.object({ op: z.literal('threshold.list'), id: RequestId });
/** Changes some settings of one condition; what is left out keeps its current value. */
export const ThresholdUpdateRequest = z.object({ op: z.literal('threshold.update'), id: RequestId, condition: ThresholdCondition, ...ThresholdOverride.shape });
/** Back to the values shipped in the product. */
export const ThresholdResetRequest = z.object({ op: z.literal('threshold.reset'), id: RequestId, condition: ThresholdCondition });

// Administration (admin role only).
const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'identifiant : minuscules, chiffres, . _ - (2 à 64)');
/** OWASP ASVS: at least 12 characters for a password a person chooses. */
const NewPassword = z.string().min(12, 'mot de passe : 12 caractères au moins').max(1024);
export const UserListRequest = z.object({ op: z.literal('user.list'), id: RequestId });
export const UserCreateRequest = z.object({
  op: z.literal('user.create'),
  id: RequestId,
  username: Username,
  password: NewPassword,
  role: Role,
  communes: z.array(InseeCode).max(500),
  sites: z.array(z.string().min(1).max(64)).max(500).optional(),
  grants: z.array(CommandGrant).max(20).optional(),
});
export const UserUpdateRequest = z.object({
  op: z.literal('user.update'),
  id: RequestId,
  username: Username,
  role: Role.optional(),
  communes: z.array(InseeCode).max(500).optional(),
  disabled: z.boolean().optional(),
  password: NewPassword.optional(),
  sites: z.array(z.string().min(1).max(64)).max(500).optional(),
  /** Replaces the user's grants; `null` returns them to the role's defaults. */
  grants: z.array(CommandGrant).max(20).nullable().optional(),
});
export const UserRevokeSessionsRequest = z.object({ op: z.literal('user.revoke-sessions'), id: RequestId, username: Username });
/** What an admin narrows the audit trail to: who, what, and a time range (ISO instants, `to` excluded). */
const AuditFilter = z.object({
  actor: z.string().max(128).optional(),
  action: z.string().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const AuditListRequest = z.object({
  op: z.literal('audit.list'),
  id: RequestId,
  /** Entries before this id (paging back in time). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  ...AuditFilter.shape,
});
/** The audit trail as CSV (UTF-8, `;`-separated for French spreadsheets); the export is itself audited. */
export const AuditExportRequest = z.object({
  op: z.literal('audit.export'),
  id: RequestId,
  ...AuditFilter.shape,
});

// Main courante (operator logbook): admins, operators and on-call staff.
const LinkedIds = z.array(z.string().min(1).max(64)).max(MAX_LOGBOOK_LINKS);
export const LogbookAddRequest = z.object({
  op: z.literal('logbook.add'),
  id: RequestId,
  text: z.string().trim().min(1, 'texte vide').max(MAX_LOGBOOK_TEXT),
  /** The commune the entry concerns; by default the one its links share, if any. */
  commune: InseeCode.optional(),
  alarmIds: LinkedIds.optional(),
  commandIds: LinkedIds.optional(),
  assetIds: LinkedIds.optional(),
  /** The earlier entry this one corrects (entries are never edited). */
  corrects: z.string().min(1).max(64).optional(),
});
/** Which entries: a time range (`to` excluded), an author, words in the text, a linked alarm. */
const LogbookFilter = z.object({
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
  author: z.string().max(128).optional(),
  text: z.string().max(200).optional(),
  alarmId: AlarmId.optional(),
});
export const LogbookListRequest = z.object({
  op: z.literal('logbook.list'),
  id: RequestId,
  /** Entries older than this one (paging back in time). */
  before: z.string().min(1).max(64).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  ...LogbookFilter.shape,
});
/** A shift: `from`–`to`, by default the last 12 hours. */
const ShiftRange = z.object({ from: IsoInstant.optional(), to: IsoInstant.optional() });
export const LogbookHandoverRequest = z.object({ op: z.literal('logbook.handover'), id: RequestId, ...ShiftRange.shape });
/** The shift handover as CSV for a French spreadsheet; the export is audited. */
export const LogbookExportRequest = z.object({ op: z.literal('logbook.export'), id: RequestId, ...ShiftRange.shape });
// On-call (issue 4): rosters, contacts, who is on call, what escalation sent.
export const OnCallListRequest = z.object({ op: z.literal('oncall.list'), id: RequestId });
export const OnCallSaveRequest = z.object({
  op: z.literal('oncall.save'),
  id: RequestId,
  /** A new roster without `id`; an existing one is replaced whole. */
  roster: OnCallRoster.extend({ id: OnCallRoster.shape.id.optional() }),
});
export const OnCallDeleteRequest = z.object({ op: z.literal('oncall.delete'), id: RequestId, rosterId: z.string().min(1).max(64) });
export const OnCallNowRequest = z.object({
  op: z.literal('oncall.now'),
  id: RequestId,
  /** For this asset (its commune and kind), or for a commune and optionally a kind. */
  assetId: z.string().min(1).max(64).optional(),
  commune: InseeCode.optional(),
  kind: AssetKind.optional(),
  /** When; now by default (e.g. next week, to plan). */
  at: IsoInstant.optional(),
});
export const ContactSetRequest = z.object({
  op: z.literal('contact.set'),
  id: RequestId,
  username: Username,
  /** `null` removes it. */
  email: UserContact.shape.email.unwrap().nullable().optional(),
  phone: UserContact.shape.phone.unwrap().nullable().optional(),
});
export const AlarmNotificationsRequest = z.object({ op: z.literal('alarm.notifications'), id: RequestId, alarmId: AlarmId });

export const ClientMessage = z.discriminatedUnion('op', [
  LoginRequest,
  ResumeRequest,
  LogoutRequest,
  SubscribeRequest,
  AcknowledgeRequest,
  CommandSendRequest,
  CommandSendGroupRequest,
  AssetCommandsRequest,
  AssetProgrammesRequest,
  AssetSetpointBoundsRequest,
  PingRequest,
  CameraViewRequest,
  UserListRequest,
  UserCreateRequest,
  UserUpdateRequest,
  UserRevokeSessionsRequest,
  AuditListRequest,
  AuditExportRequest,
  AcknowledgeManyRequest,
  AlarmCommentRequest,
  AlarmShelveRequest,
  AlarmUnshelveRequest,
  MaintenanceCreateRequest,
  MaintenanceListRequest,
  MaintenanceDeleteRequest,
  DeviceQuarantineRequest,
  DeviceDeclareRequest,
  DeviceImportRequest,
  LogbookAddRequest,
  LogbookListRequest,
  LogbookHandoverRequest,
  LogbookExportRequest,
  DeviceListRequest,
  DeviceRemoveRequest,
  OnCallListRequest,
  OnCallSaveRequest,
  OnCallDeleteRequest,
  OnCallNowRequest,
  ContactSetRequest,
  AlarmNotificationsRequest,
  AssetRadioRequest,
  SourceListRequest,
  SourceCreateRequest,
  SourceUpdateRequest,
  SourceDeleteRequest,
  ThresholdListRequest,
  ThresholdUpdateRequest,
  ThresholdResetRequest,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientOp = ClientMessage['op'];
export const CLIENT_OPS = ClientMessage.options.map((o) => o.shape.op.value);

// ─── hub → client ────────────────────────────────────────────────────────────────────────────

/** Uplinks from an undeclared device, kept for an admin to adopt it. */
export const QuarantinedDevice = z.object({
  devEui: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
  count: z.number().int(),
  fPort: z.number().int(),
  payloadHex: z.string().nullable(),
  gatewayId: z.string().nullable(),
  rssiDbm: z.number().nullable(),
});
export type QuarantinedDevice = z.infer<typeof QuarantinedDevice>;

/**
 * A device's health from what the network server told the hub. The device's own: when it was last
 * heard, through which gateway, whether it went silent. Its asset's latest values (shared by the
 * asset's devices when it has several): link quality of the last uplink, frame-counter gaps
 * counted as lost uplinks, battery. Null where nothing was reported yet.
 */
/** One device's own health, from the network server's metadata and its payloads (not its asset's). */
export const DeviceHealth = z.object({
  lastUplinkAt: z.string().nullable(),
  silent: z.boolean(),
  gatewayId: z.string().nullable(),
  /** Best gateway's RSSI and SNR on the device's last uplink. */
  rssiDbm: z.number().nullable(),
  snrDb: z.number().nullable(),
  /** Uplinks the network never delivered (frame-counter gaps) since the device was declared; null while never heard. */
  uplinksLost: z.number().nullable(),
  batteryPercent: z.number().nullable(),
  batteryV: z.number().nullable(),
  /** Last OTAA join or rejoin the network server reported, and how many the hub recorded. */
  lastJoinAt: z.string().nullable(),
  joinCount: z.number().int(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

/** One row of the device registry. */
export const RegisteredDevice = z.object({
  devEui: z.string(),
  model: z.string(),
  uplinkPeriodS: z.number(),
  asset: z.object({ id: z.string(), name: z.string(), kind: AssetKind, commune: z.string(), communeName: z.string() }),
  health: DeviceHealth,
});
export type RegisteredDevice = z.infer<typeof RegisteredDevice>;
/** What one gateway heard of one device lately, from the network server's metadata. */
export const RadioLink = z.object({
  devEui: z.string(),
  /** The asset the device reports for. */
  assetId: z.string(),
  gatewayId: z.string(),
  /** The gateway on the map. */
  gatewayAssetId: z.string(),
  gatewayName: z.string(),
  lastAt: z.string(),
  uplinks: z.number().int(),
  /** Best RSSI and SNR among the last receptions (`receptions` of them). */
  bestRssiDbm: z.number().optional(),
  bestSnrDb: z.number().optional(),
  receptions: z.number().int(),
});
export type RadioLink = z.infer<typeof RadioLink>;

/** A LoRaWAN gateway as the hub learnt it: when it last relayed an uplink, and where its position comes from. */
export const GatewayInfo = z.object({
  gatewayId: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  uplinks: z.number().int(),
  devicesHeard: z.number().int(),
  /** `metadata`: the network server's; `plan`: the demo's planned network; `estimated`: where its first device stands. */
  locationSource: z.enum(['metadata', 'plan', 'estimated']),
  silent: z.boolean(),
});
export type GatewayInfo = z.infer<typeof GatewayInfo>;

/** A user account as administrators see it (never its password hash). */
const HeatingModeNow = z.enum(['comfort', 'reduced', 'frost', 'override']);
/** An asset's programmes as stored, and what they want now and next (resolved by the hub in Paris time). */
export const AssetProgrammes = z.object({
  heating: HeatingProgramme.optional(),
  override: z.object({ celsius: z.number(), until: z.string() }).optional(),
  lighting: LightingSchedule.optional(),
  gate: GateHours.optional(),
  now: z.object({
    heating: z
      .object({
        mode: HeatingModeNow,
        celsius: z.number(),
        dayOff: z.string().optional(),
        next: z.object({ at: z.string(), mode: HeatingMode, celsius: z.number() }).optional(),
      })
      .optional(),
    lighting: z
      .object({
        percent: z.number(),
        reason: z.enum(['day', 'dusk', 'dimming', 'cut-off', 'exception']),
        exception: z.string().optional(),
        next: z.object({ at: z.string(), percent: z.number() }).optional(),
      })
      .optional(),
    gate: z
      .object({
        position: z.enum(['open', 'closed']),
        hoursLabel: z.string(),
        next: z.object({ at: z.string(), position: z.enum(['open', 'closed']) }).optional(),
      })
      .optional(),
  }),
});
export type AssetProgrammes = z.infer<typeof AssetProgrammes>;

export const UserAccount = z.object({
  username: z.string(),
  role: Role,
  communes: z.array(z.string()),
  sites: z.array(z.string()).optional(),
  grants: z.array(CommandGrant).optional(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserAccount = z.infer<typeof UserAccount>;

/** One line of the audit trail, with its place in the hash chain. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  address: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * What became of one alarm of a bulk acknowledgement. `not-found` also answers a foreign alarm;
 * `already-acknowledged` an alarm someone acknowledged first (`by`), even one that has since left
 * the list; `shelved` one that must be unshelved first.
 */
export const AcknowledgeOutcome = z.object({
  alarmId: z.string(),
  outcome: z.enum(['acknowledged', 'already-acknowledged', 'shelved', 'not-found']),
  by: z.string().optional(),
});
export type AcknowledgeOutcome = z.infer<typeof AcknowledgeOutcome>;

/** What became of one asset of a group command. */
export const GroupCommandOutcome = z.object({ assetId: z.string(), commandId: z.string().optional(), error: ProtocolError.optional() });
export type GroupCommandOutcome = z.infer<typeof GroupCommandOutcome>;

/** What a successful reply carries, per op. */
export const ReplyPayloads = {
  login: z.object({ session: Session }),
  resume: z.object({ session: Session }),
  logout: z.object({}),
  subscribe: z.object({ seq: z.number().int() }),
  'alarm.acknowledge': z.object({ alarm: Alarm }),
  'command.send': z.object({ commandId: z.string(), command: Command }),
  /** In the order asked (duplicates once): `commandId` when sent, else `error` as `command.send` would answer it. */
  'command.send-group': z.object({ sent: z.number().int(), outcomes: z.array(GroupCommandOutcome) }),
  'asset.commands': z.object({ commands: z.array(Command) }),
  'asset.programmes': AssetProgrammes,
  'asset.setpoint-bounds': z.object({ minC: z.number(), maxC: z.number() }),
  ping: z.object({ seq: z.number().int() }),
  'camera.view': z.object({
    assetId: z.string(),
    /** The stream's address as the video system serves it; absent when none is configured. */
    streamUrl: z.string().optional(),
    /** What to tell the user, in French (« Flux non configuré… » when there is no address). */
    message: z.string(),
  }),
  'user.list': z.object({ users: z.array(UserAccount) }),
  'user.create': z.object({ user: UserAccount }),
  'user.update': z.object({ user: UserAccount }),
  'user.revoke-sessions': z.object({ revoked: z.number().int() }),
  'audit.list': z.object({ entries: z.array(AuditEntry) }),
  /** `truncated` when the filter matched more rows than one export carries (the newest are kept). */
  'audit.export': z.object({ csv: z.string(), rows: z.number().int(), truncated: z.boolean() }),
  'alarm.acknowledge-many': z.object({ acknowledged: z.number().int(), outcomes: z.array(AcknowledgeOutcome) }),
  'alarm.comment': z.object({ alarm: Alarm }),
  'alarm.shelve': z.object({ alarm: Alarm }),
  'alarm.unshelve': z.object({ alarm: Alarm }),
  'maintenance.create': z.object({ window: MaintenanceWindow }),
  'maintenance.list': z.object({ windows: z.array(MaintenanceWindow) }),
  'maintenance.delete': z.object({ window: MaintenanceWindow }),
  'device.quarantine': z.object({ devices: z.array(QuarantinedDevice) }),
  /**
   * `replayed` (adopting a quarantined device): its latest quarantined payload was `decoded` into
   * the asset's values, was `unreadable` for that model, was older than the asset's values
   * (`superseded`, left alone), or there was `nothing` to replay.
   */
  'device.declare': z.object({
    device: DeviceRef,
    assetId: z.string(),
    replayed: z.enum(['decoded', 'unreadable', 'superseded', 'nothing']).optional(),
  }),
  /** For a device's asset: its links per gateway; for a gateway: `gateway` and the devices it heard. */
  'asset.radio': z.object({ links: z.array(RadioLink), gateway: GatewayInfo.optional() }),
  'device.import': z.object({
    declared: z.number().int(),
    lines: z.array(
      z.object({
        line: z.number().int(),
        ok: z.boolean(),
        devEui: z.string().optional(),
        error: z.string().optional(),
        /** The column at fault: `devEui`, `model`, `assetId` or `uplinkPeriodS`. */
        field: z.string().optional(),
      }),
    ),
  }),
  'logbook.add': z.object({ entry: LogbookEntry }),
  /** Newest first; `more` when older entries match too (ask again with `before`). */
  'logbook.list': z.object({ entries: z.array(LogbookEntry), more: z.boolean() }),
  'logbook.handover': z.object({ handover: LogbookHandover }),
  'logbook.export': z.object({ csv: z.string(), rows: z.number().int(), from: z.string(), to: z.string() }),
  /** `total` devices match the query (in the user's scope); this page starts at `offset`. */
  'device.list': z.object({ total: z.number().int(), offset: z.number().int(), devices: z.array(RegisteredDevice) }),
  'device.remove': z.object({ device: DeviceRef, assetId: z.string() }),
  /** Admins and operators get every roster; on-call users those they appear in. Contacts: admins all, others their own. */
  'oncall.list': z.object({ rosters: z.array(OnCallRoster), contacts: z.array(UserContact) }),
  'oncall.save': z.object({ roster: OnCallRoster }),
  'oncall.delete': z.object({ roster: OnCallRoster }),
  'oncall.now': z.object({ onCall: z.array(z.object({ rosterId: z.string(), rosterName: z.string(), level: z.number().int(), username: z.string() })) }),
  'contact.set': z.object({ contact: UserContact }),
  'alarm.notifications': z.object({ notifications: z.array(AlarmNotification) }),
  'source.list': z.object({ sources: z.array(SourceView) }),
  'source.create': z.object({ source: SourceView }),
  'source.update': z.object({ source: SourceView }),
  'source.delete': z.object({ name: z.string() }),
  'threshold.list': z.object({ thresholds: z.array(Threshold) }),
  'threshold.update': z.object({ threshold: Threshold }),
  'threshold.reset': z.object({ threshold: Threshold }),
} satisfies Record<ClientOp, z.ZodType>;
export type ReplyPayload<K extends ClientOp> = z.infer<(typeof ReplyPayloads)[K]>;

export const OkReply = z.looseObject({ op: z.literal('reply'), id: RequestId, ok: z.literal(true) });
export const ErrorReply = z.object({ op: z.literal('reply'), id: RequestId, ok: z.literal(false), error: ProtocolError });

export const AssetUpdatedEvent = z.object({ seq: z.number().int(), at: z.string(), type: z.literal('asset.updated'), asset: Asset });
export const AlarmRaisedEvent = z.object({ seq: z.number().int(), at: z.string(), type: z.literal('alarm.raised'), alarm: Alarm });
export const AlarmUpdatedEvent = z.object({ seq: z.number().int(), at: z.string(), type: z.literal('alarm.updated'), alarm: Alarm });
export const CommandUpdatedEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.literal('command.updated'),
  command: Command,
});
/** A maintenance window was created or deleted (`deletedAt` set). */
export const MaintenanceUpdatedEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.literal('maintenance.updated'),
  window: MaintenanceWindow,
});
/**
 * A condition held on an asset under maintenance: no alarm was raised, but it is not lost.
 * Journaled once per (window, asset, condition).
 */
export const AlarmSuppressedEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.literal('alarm.suppressed'),
  assetId: z.string(),
  commune: z.string(),
  condition: z.string(),
  priority: AlarmPriority,
  message: z.string(),
  windowId: z.string(),
});
/** An entry was written in the main courante (by a person or, for an action, by the hub). */
export const LogbookAddedEvent = z.object({ seq: z.number().int(), at: z.string(), type: z.literal('logbook.added'), entry: LogbookEntry });
/** Escalation tried to reach someone about an alarm (one per person and channel). */
export const AlarmNotifiedEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.literal('alarm.notified'),
  notification: AlarmNotification,
});
/** An admin changed (or reset) an alarm condition's settings: consoles showing them fetch again. */
export const ThresholdUpdatedEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.literal('threshold.updated'),
  threshold: Threshold,
});
export const JournalEvent = z.discriminatedUnion('type', [
  AssetUpdatedEvent,
  AlarmRaisedEvent,
  AlarmUpdatedEvent,
  CommandUpdatedEvent,
  MaintenanceUpdatedEvent,
  AlarmSuppressedEvent,
  LogbookAddedEvent,
  AlarmNotifiedEvent,
  ThresholdUpdatedEvent,
]);
export type JournalEvent = z.infer<typeof JournalEvent>;
export type JournalEventType = JournalEvent['type'];
/** An event before the journal gave it its seq and time. */
export type JournalEventBody = JournalEvent extends infer E ? (E extends JournalEvent ? Omit<E, 'seq' | 'at'> : never) : never;

/** The territory a hub supervises, as the console needs it to draw the basemap and name communes. */
export const Territory = z.object({
  name: z.string(),
  label: z.string(),
  /** Département codes whose commune outlines the basemap draws (files in `resources/geo`). */
  departements: z.array(z.string()),
  /** [west, south, east, north] in degrees. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** Communes in the user's scope, with their names. */
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Territory = z.infer<typeof Territory>;

export const SnapshotMessage = z.object({
  op: z.literal('snapshot'),
  seq: z.number().int(),
  territory: Territory,
  assets: z.array(Asset),
  alarms: z.array(Alarm),
  commands: z.array(Command),
  /** Maintenance windows current or to come (absent from hubs before issue 4). */
  maintenance: z.array(MaintenanceWindow).optional(),
});
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;

export const EventsMessage = z.object({ op: z.literal('events'), events: z.array(JournalEvent) });
export type EventsMessage = z.infer<typeof EventsMessage>;

/** An error that answers no request: a frame without a usable id, or the session ending. */
export const ErrorMessage = z.object({ op: z.literal('error'), error: ProtocolError });

export const ServerMessage = z.union([OkReply, ErrorReply, SnapshotMessage, EventsMessage, ErrorMessage]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** `GET /api/health` */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  seq: z.number().int(),
  protocol: z.string(),
  uptimeS: z.number(),
  assets: z.number().int(),
  ingest: z.object({
    queued: z.number().int(),
    uplinksTotal: z.number().int(),
    /**
     * Backpressure: uplinks received from the brokers and not yet committed, the cap beyond which
     * a source stops reading its broker (the broker then holds the excess), whether one is paused
     * now, and how often and how long intake paused since start.
     */
    inFlight: z.number().int(),
    maxInFlight: z.number().int(),
    paused: z.boolean(),
    sourcesPaused: z.number().int(),
    pauses: z.number().int(),
    pausedS: z.number(),
    /** Uplinks the hub acknowledged to its brokers, each after the commit that journaled it. */
    acknowledged: z.number().int(),
    /**
     * Uplinks recognised as ones already applied (same frame counter), acknowledged again and not
     * journaled again: what a broker redelivers after a reconnection, since the hub acknowledges
     * only after the commit. Absent from hubs before issue 8.
     */
    duplicates: z.number().int().optional(),
    /** Connections to the brokers made again after a loss, since start (absent before issue 8). */
    reconnections: z.number().int().optional(),
    /**
     * The single writer's lag over the last 10 s: batches committed since start, items in those
     * batches, each batch's oldest item's wait from queued to committed (the hub's share of an
     * event's latency) and the transaction alone, median and max, in ms.
     */
    writer: z.object({
      batches: z.number().int(),
      items: z.number().int(),
      waitP50Ms: z.number(),
      waitMaxMs: z.number(),
      commitP50Ms: z.number(),
      commitMaxMs: z.number(),
    }),
  }),
  consoles: z.number().int(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
