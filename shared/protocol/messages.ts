import { z } from 'zod';
import { Asset } from '../domain/assets';
import { Alarm } from '../domain/alarms';
import { Command, CommandRequest } from '../domain/commands';
import { Session } from '../domain/users';
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

export const ClientMessage = z.discriminatedUnion('op', [
  LoginRequest,
  ResumeRequest,
  LogoutRequest,
  SubscribeRequest,
  AcknowledgeRequest,
  CommandSendRequest,
  AssetCommandsRequest,
  PingRequest,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientOp = ClientMessage['op'];
export const CLIENT_OPS = ClientMessage.options.map((o) => o.shape.op.value);

// ─── hub → client ────────────────────────────────────────────────────────────────────────────

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
