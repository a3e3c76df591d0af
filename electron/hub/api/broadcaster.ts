import { seesDevices, type SessionUser } from '../../../shared/domain/users';
import { mayKeepLogbook } from '../auth/permissions';
import type { JournalEvent } from '../../../shared/protocol/messages';
import { eventAssetId, scopeOf, type Scope } from '../auth/scope';
import { eventInOnCallScope } from '../oncall/oncall-scope';
import type { HubContext } from './context';
import type { ScopedEvent } from '../store/journal';
import type { ConsoleConnection } from './console-connection';

/**
 * How much a console may fall behind (bytes queued in its socket) before it is cut off. A stalled
 * console must not make the hub hold an unbounded backlog for it; it resyncs by `seq` when it
 * reconnects, so cutting it loses it nothing.
 */
export const MAX_CONSOLE_BACKLOG_BYTES = 16 * 1024 * 1024;

/** The event as a role sees it: devices (radio identifiers) only for admins and operators. */
export function eventFor(event: JournalEvent, withDevices: boolean): JournalEvent {
  if (event.type !== 'asset.updated' || withDevices || !event.asset.devices) return event;
  const { devices: _devices, ...asset } = event.asset;
  return { ...event, asset };
}

/**
 * Whether this user is sent this event: it must be in their scope, and main courante entries only
 * go to those who may read the main courante. (The live path below applies the same two rules.)
 */
export function mayReceive(hub: Pick<HubContext, 'state' | 'rosters'>, user: SessionUser, { event, commune }: ScopedEvent): boolean {
  return (
    scopeOf(user).seesEvent(event, commune) &&
    (event.type !== 'logbook.added' || mayKeepLogbook(user)) &&
    eventInOnCallScope(hub, user, event)
  );
}

/**
 * Sends committed journal events to every subscribed console, each seeing only its scope
 * (communes, and sites when it has some). Each event is serialised once per variant (with or
 * without devices), and each frame once per scope: consoles of users with the same scope, at the
 * same position in the journal, share one frame, encoded to UTF-8 once (not once per socket).
 */
export class Broadcaster {
  readonly connections = new Set<ConsoleConnection>();

  publish(events: readonly ScopedEvent[]): void {
    this.deliver(this.connections, events);
  }

  /** Sends one console the events that arrived while it was catching up. */
  publishTo(connection: ConsoleConnection, events: readonly ScopedEvent[]): void {
    this.deliver([connection], events);
  }

  private deliver(connections: Iterable<ConsoleConnection>, events: readonly ScopedEvent[]): void {
    if (events.length === 0) return;
    const full: string[] = [];
    const restricted: string[] = [];
    const assetIds: (string | undefined)[] = [];
    for (const { event } of events) {
      full.push(JSON.stringify(event));
      restricted.push(event.type === 'asset.updated' ? JSON.stringify(eventFor(event, false)) : full[full.length - 1]!);
      assetIds.push(eventAssetId(event));
    }
    const lastSeq = events[events.length - 1]!.event.seq;
    const frames = new Map<string, { bytes: Buffer; seq: number } | null>();
    for (const connection of connections) {
      const user = connection.user;
      if (!user || !connection.subscribed) continue;
      if (connection.catchUpBuffer) {
        connection.catchUpBuffer.push(...events);
        continue;
      }
      const scope = scopeOf(user);
      const logbook = mayKeepLogbook(user);
      // On-call staff see the alarms of their rosters, read live: their frames are their own.
      const onCall = user.role === 'oncall';
      const frameKey = `${scope.key}|${logbook ? 'logbook' : ''}|${onCall ? `oncall:${user.username}` : ''}|${connection.sentSeq}`;
      let frame = frames.get(frameKey);
      if (frame === undefined) {
        const rosterFilter = onCall ? (event: JournalEvent) => eventInOnCallScope(connection.hub, user, event) : undefined;
        frame = buildFrame(events, seesDevices(user.role) ? full : restricted, assetIds, scope, logbook, rosterFilter, connection.sentSeq);
        frames.set(frameKey, frame);
      }
      connection.sentSeq = Math.max(connection.sentSeq, lastSeq);
      if (frame) connection.sendEncodedText(frame.bytes, frame.seq);
    }
  }
}

/** The events frame for one scope from journal position `sentSeq`, or null when nothing is visible. */
function buildFrame(
  events: readonly ScopedEvent[],
  texts: readonly string[],
  assetIds: readonly (string | undefined)[],
  scope: Scope,
  logbook: boolean,
  rosterFilter: ((event: JournalEvent) => boolean) | undefined,
  sentSeq: number,
): { bytes: Buffer; seq: number } | null {
  const parts: string[] = [];
  let seq = sentSeq;
  for (let i = 0; i < events.length; i++) {
    const { event, commune } = events[i]!;
    if (event.seq <= sentSeq || !scope.seesEvent(event, commune) || (event.type === 'logbook.added' && !logbook) || (rosterFilter && !rosterFilter(event))) continue;
    parts.push(texts[i]!);
    seq = event.seq;
  }
  return parts.length === 0 ? null : { bytes: Buffer.from(`{"op":"events","events":[${parts.join(',')}]}`), seq };
}
