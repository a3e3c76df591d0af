import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../shared/domain/assets';
import type { SnapshotMessage } from '../../shared/protocol/messages';
import { SNAPSHOT_FRAME_VERSION, encodeSnapshotFrame } from '../../shared/protocol/snapshot-frame';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * The binary snapshot frame against a real hub: the same territory as the JSON snapshot, scoped
 * the same way, and a console that asks for it still resyncs by seq with JSON events.
 */
describe('binary snapshot frame', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  beforeAll(async () => {
    test = await startTestHub();
  });
  afterAll(() => test.stop());

  const snapshotOf = async (username: string, fields: Record<string, unknown>) => {
    const client = await HubClient.connect(test.hub.url);
    await client.login(username);
    const reply = await client.request('subscribe', fields);
    expect(reply.ok).toBe(true);
    const snapshot = await client.waitFor((m) => m.op === 'snapshot');
    return { client, snapshot: snapshot as unknown as { binary?: boolean; seq: number; assets: Asset[]; alarms: unknown[]; territory: { communes: { code: string }[] } } };
  };
  const byId = (assets: Asset[]) => [...assets].sort((a, b) => a.id.localeCompare(b.id));
  const COLUMNS = { snapshot: 'columns', frameVersion: SNAPSHOT_FRAME_VERSION };

  it('sends JSON to a console that does not read this layout version, or does not say which it reads', async () => {
    for (const fields of [{ snapshot: 'columns' }, { snapshot: 'columns', frameVersion: SNAPSHOT_FRAME_VERSION - 1 }, { snapshot: 'columns', frameVersion: SNAPSHOT_FRAME_VERSION + 1 }]) {
      const { client, snapshot } = await snapshotOf('operateur', fields);
      expect(snapshot.binary).toBeUndefined();
      expect(snapshot.assets.length).toBeGreaterThan(0);
      await client.close();
    }
  });

  it('carries what the JSON snapshot carries, for a user of every scope', async () => {
    for (const username of ['operateur', 'elu-91228']) {
      const json = await snapshotOf(username, {});
      const columns = await snapshotOf(username, COLUMNS);
      expect(json.snapshot.binary).toBeUndefined();
      expect(columns.snapshot.binary).toBe(true);
      expect(columns.snapshot.assets.length).toBeGreaterThan(0);
      expect(byId(columns.snapshot.assets)).toEqual(byId(json.snapshot.assets));
      expect(columns.snapshot.alarms).toEqual(json.snapshot.alarms);
      expect(columns.snapshot.territory).toEqual(json.snapshot.territory);
      await json.client.close();
      await columns.client.close();
    }
    const elected = await snapshotOf('elu-91228', COLUMNS);
    expect(new Set(elected.snapshot.assets.map((a) => a.commune))).toEqual(new Set(['91228']));
    await elected.client.close();
  });

  it('still refuses binary frames from a client, even a well-formed snapshot frame', async () => {
    const { client, snapshot } = await snapshotOf('operateur', COLUMNS);
    client.sendRaw(Buffer.from(encodeSnapshotFrame({ ...(snapshot as unknown as SnapshotMessage), assets: [] })));
    const error = await client.waitFor((m) => m.op === 'error');
    expect(error.error).toMatchObject({ code: 'message.malformed' });
    expect(await client.request('ping')).toMatchObject({ ok: true });
    await client.close();
  });

  it('resyncs by seq with events, not a new frame', async () => {
    const { client, snapshot } = await snapshotOf('operateur', COLUMNS);
    await client.close();
    const again = await HubClient.connect(test.hub.url);
    await again.login('operateur');
    const reply = await again.request('subscribe', { since: snapshot.seq, ...COLUMNS });
    expect(reply).toMatchObject({ ok: true, seq: snapshot.seq });
    expect(again.received.some((m) => m.op === 'snapshot')).toBe(false);
    await again.close();
  });
});
