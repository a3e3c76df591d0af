import { z } from 'zod';
import { Asset } from '../domain/assets';
import { Alarm } from '../domain/alarms';
import { Command, CommandRequest } from '../domain/commands';
import { InseeCode } from '../domain/assets';
import { Role, Session } from '../domain/users';
import { ProtocolError } from './errors';

/** Version of `hub-contract.md` this protocol implements. */
export const PROTOCOL_VERSION = '1.0';

/**
 * Largest client frame the hub reads. Client messages are small (a login, an acknowledgement with
 * a comment); anything bigger is a bug or an attack and is refused before parsing.
 */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

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
export const AssetCommandsRequest = z.object({
  op: z.literal('asset.commands'),
  id: RequestId,
  assetId: z.string().min(1).max(64),
});
export const PingRequest = z.object({ op: z.literal('ping'), id: RequestId });

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
});
export const UserUpdateRequest = z.object({
  op: z.literal('user.update'),
  id: RequestId,
  username: Username,
  role: Role.optional(),
  communes: z.array(InseeCode).max(500).optional(),
  disabled: z.boolean().optional(),
  password: NewPassword.optional(),
});
export const UserRevokeSessionsRequest = z.object({ op: z.literal('user.revoke-sessions'), id: RequestId, username: Username });
export const AuditListRequest = z.object({
  op: z.literal('audit.list'),
  id: RequestId,
  /** Entries before this id (paging back in time). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  actor: z.string().max(128).optional(),
  action: z.string().max(64).optional(),
});

export const ClientMessage = z.discriminatedUnion('op', [
  LoginRequest,
  ResumeRequest,
  LogoutRequest,
  SubscribeRequest,
  AcknowledgeRequest,
  CommandSendRequest,
  AssetCommandsRequest,
  PingRequest,
  UserListRequest,
  UserCreateRequest,
  UserUpdateRequest,
  UserRevokeSessionsRequest,
  AuditListRequest,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientOp = ClientMessage['op'];
export const CLIENT_OPS = ClientMessage.options.map((o) => o.shape.op.value);

// ─── hub → client ────────────────────────────────────────────────────────────────────────────

/** A user account as administrators see it (never its password hash). */
export const UserAccount = z.object({
  username: z.string(),
  role: Role,
  communes: z.array(z.string()),
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

/** What a successful reply carries, per op. */
export const ReplyPayloads = {
  login: z.object({ session: Session }),
  resume: z.object({ session: Session }),
  logout: z.object({}),
  subscribe: z.object({ seq: z.number().int() }),
  'alarm.acknowledge': z.object({ alarm: Alarm }),
  'command.send': z.object({ commandId: z.string(), command: Command }),
  'asset.commands': z.object({ commands: z.array(Command) }),
  ping: z.object({ seq: z.number().int() }),
  'user.list': z.object({ users: z.array(UserAccount) }),
  'user.create': z.object({ user: UserAccount }),
  'user.update': z.object({ user: UserAccount }),
  'user.revoke-sessions': z.object({ revoked: z.number().int() }),
  'audit.list': z.object({ entries: z.array(AuditEntry) }),
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
export const JournalEvent = z.discriminatedUnion('type', [
  AssetUpdatedEvent,
  AlarmRaisedEvent,
  AlarmUpdatedEvent,
  CommandUpdatedEvent,
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
  ingest: z.object({ queued: z.number().int(), uplinksTotal: z.number().int() }),
  consoles: z.number().int(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
