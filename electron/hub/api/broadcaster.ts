import { canSeeAlarm, canSeeAsset, canSeeCommune, seesDevices, type SessionUser } from '../../../shared/domain/users';
import type { JournalEvent } from '../../../shared/protocol/messages';
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

/** Whether this user may receive this event: its commune in scope, the radio network for the command post only. */
export function canSeeEvent(user: SessionUser, { event, commune }: ScopedEvent): boolean {
  if (event.type === 'asset.updated') return canSeeAsset(user, event.asset);
  if (event.type === 'alarm.raised' || event.type === 'alarm.updated') return canSeeAlarm(user, event.alarm);
  return canSeeCommune(user, commune);
}

/**
 * Sends committed journal events to every subscribed console, each seeing only its communes.
 * Each event is serialised once per variant (with or without devices), not once per console.
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
    for (const { event } of events) {
      full.push(JSON.stringify(event));
      restricted.push(event.type === 'asset.updated' ? JSON.stringify(eventFor(event, false)) : full[full.length - 1]!);
    }
    for (const connection of connections) {
      const user = connection.user;
      if (!user || !connection.subscribed) continue;
      if (connection.catchUpBuffer) {
        connection.catchUpBuffer.push(...events);
        continue;
      }
      const texts = seesDevices(user.role) ? full : restricted;
      const parts: string[] = [];
      let lastSeq = connection.sentSeq;
      for (let i = 0; i < events.length; i++) {
        const scoped = events[i]!;
        if (scoped.event.seq <= connection.sentSeq || !canSeeEvent(user, scoped)) continue;
        parts.push(texts[i]!);
        lastSeq = scoped.event.seq;
      }
      connection.sentSeq = Math.max(connection.sentSeq, events[events.length - 1]!.event.seq);
      if (parts.length === 0) continue;
      connection.sendText(`{"op":"events","events":[${parts.join(',')}]}`, lastSeq);
    }
  }
}
