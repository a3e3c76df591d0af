import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/** The SDEF-scale demo: about 100k assets in one hub, one snapshot bigger than the backlog limit. */
describe('finistère demo territory', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;

  beforeAll(async () => {
    test = await startTestHub({ BEFFROI_DEMO: 'finistere' });
  }, 120_000);

  afterAll(async () => {
    await test.stop();
  });

  it('sends a console its whole snapshot and the subscribe reply, and keeps the connection', async () => {
    const client = await HubClient.connect(test.hub.url);
    await client.login('operateur');
    const reply = await client.request('subscribe');
    expect(reply).toMatchObject({ ok: true });
    const snapshot = await client.waitFor((m) => m.op === 'snapshot');
    const assets = snapshot.assets as { kind: string; parentId?: string }[];
    expect(assets.length).toBeGreaterThan(95_000);
    expect(assets.filter((a) => a.kind === 'street-lamp')).toHaveLength(90_000);
    expect(await client.request('ping')).toMatchObject({ ok: true });
    await client.close();
  });
});
