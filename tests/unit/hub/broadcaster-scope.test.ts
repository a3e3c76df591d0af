import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../shared/domain/users';
import type { JournalEvent } from '../../../shared/protocol/messages';
import { Broadcaster } from '../../../electron/hub/api/broadcaster';
import type { ConsoleConnection } from '../../../electron/hub/api/console-connection';
import type { ScopedEvent } from '../../../electron/hub/store/journal';
import { assetRecord } from '../../support/records';

/** A subscribed console that keeps what it is sent. */
function consoleOf(user: SessionUser) {
  const frames: string[] = [];
  const buffers: Buffer[] = [];
  const connection = {
    user,
    subscribed: true,
    sentSeq: 0,
    catchUpBuffer: undefined,
    sendEncodedText(bytes: Buffer, seq: number) {
      buffers.push(bytes);
      frames.push(bytes.toString('utf8'));
      connection.sentSeq = Math.max(connection.sentSeq, seq);
    },
  };
  return { connection: connection as unknown as ConsoleConnection, frames, buffers, ids: () => frames.flatMap((f) => (JSON.parse(f) as { events: { asset: { id: string } }[] }).events.map((e) => e.asset.id)) };
}

function assetEvent(seq: number, id: string, commune: string): ScopedEvent {
  const { asset } = assetRecord('waste-container', { id, commune });
  return { commune, event: { seq, at: asset.updatedAt, type: 'asset.updated', asset: { ...asset, devices: [{ devEui: '0011223344556677', model: 'dingtek-df703' }] } } as JournalEvent };
}

describe('broadcasting within each user’s scope', () => {
  afterEach(() => vi.restoreAllMocks());

  const events = [assetEvent(1, 'bin-a', '91228'), assetEvent(2, 'bin-b', '91228'), assetEvent(3, 'bin-c', '91377')];

  it('sends each console its communes, narrowed to its sites, devices only to the command post', () => {
    const broadcaster = new Broadcaster();
    const operator = consoleOf({ username: 'operateur', role: 'operator', communes: [] });
    const elected = consoleOf({ username: 'elu-91228', role: 'elected', communes: ['91228'] });
    const site = consoleOf({ username: 'adjoint', role: 'elected', communes: ['91228'], sites: ['bin-b'] });
    for (const c of [operator, elected, site]) broadcaster.connections.add(c.connection);
    broadcaster.publish(events);
    expect(operator.ids()).toEqual(['bin-a', 'bin-b', 'bin-c']);
    expect(elected.ids()).toEqual(['bin-a', 'bin-b']);
    expect(site.ids()).toEqual(['bin-b']);
    expect(operator.frames[0]).toContain('devEui');
    expect(elected.frames[0]).not.toContain('devEui');
  });

  it('serialises each event once per variant, however many consoles share a scope', () => {
    const broadcaster = new Broadcaster();
    const consoles = Array.from({ length: 50 }, (_, i) => consoleOf({ username: `elu-${i}`, role: 'elected', communes: ['91228'] }));
    for (const c of consoles) broadcaster.connections.add(c.connection);
    const stringify = vi.spyOn(JSON, 'stringify');
    broadcaster.publish(events);
    // Per event: the full form, and the form without devices.
    expect(stringify).toHaveBeenCalledTimes(events.length * 2);
    expect(new Set(consoles.map((c) => c.frames[0])).size).toBe(1);
    // Encoded to UTF-8 once: every socket is handed the very same bytes.
    expect(new Set(consoles.map((c) => c.buffers[0])).size).toBe(1);
  });
});
