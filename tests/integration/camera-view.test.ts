import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTerritory } from '../../electron/hub/territory';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * `camera.view`: the hub hands out the stream address the territory data gives a camera
 * (`settings.streamUrl`), or says none is configured; it never reaches the camera itself. Every
 * view is audited. Who may view is in the authorisation matrix.
 */
const territory = generateTerritory('essonne');
const cameras = territory.assets.filter((a) => a.kind === 'camera');
const configured = cameras[0]!;
const bare = cameras[1]!;
const STREAM = 'https://video.example.fr/hls/camera-1/index.m3u8';

describe('camera views', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;
  let operator: HubClient;

  beforeAll(async () => {
    test = await startTestHub();
    // As a command post configures it: the camera's row in the territory data, read at start.
    await test.hub.context.db.transaction([
      { sql: `UPDATE assets SET settings = json_set(settings, '$.streamUrl', ?) WHERE id = ?`, params: [STREAM, configured.id] },
    ]);
    await test.restart();
    operator = await HubClient.connect(test.hub.url);
    await operator.login('operateur');
  }, 60_000);

  afterAll(async () => {
    await operator.close();
    await test.stop();
  });

  it('answers the stream address of a configured camera', async () => {
    expect(await operator.request('camera.view', { assetId: configured.id })).toMatchObject({
      ok: true,
      assetId: configured.id,
      streamUrl: STREAM,
      message: `Flux vidéo de « ${configured.name} ».`,
    });
  });

  it('says clearly when no stream is configured', async () => {
    const reply = await operator.request('camera.view', { assetId: bare.id });
    expect(reply).toMatchObject({ ok: true, assetId: bare.id, message: expect.stringMatching(/^Flux non configuré/) });
    expect(reply.streamUrl).toBeUndefined();
  });

  it('refuses what is not a camera, and audits every view', async () => {
    const school = territory.assets.find((a) => a.category === 'school')!;
    expect(await operator.request('camera.view', { assetId: school.id })).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/n’est pas une caméra/) } });
    const admin = await HubClient.connect(test.hub.url);
    await admin.login('admin');
    const audit = await admin.request('audit.list', { action: 'camera.view' });
    expect(audit.entries).toEqual([
      expect.objectContaining({ actor: 'operateur', target: bare.id, details: { configured: false } }),
      expect.objectContaining({ actor: 'operateur', target: configured.id, details: { configured: true } }),
    ]);
    await admin.close();
  });
});
