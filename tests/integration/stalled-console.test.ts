import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { getCodec } from '../../electron/hub/codecs/registry';
import { deviceInfoFor, topicOf, uplinkEvent } from '../../electron/hub/simulator/chirpstack-events';
import { generateTerritory } from '../../electron/hub/territory';
import { HubClient } from '../support/hub-client';
import { startTestHub } from '../support/hub';

/**
 * A console that stops reading (a frozen laptop, a saturated link) must not make the hub hold an
 * unbounded backlog: past the limit it is cut off, the other consoles carry on, and when it comes
 * back it gets exactly what it missed by seq.
 */
const territory = generateTerritory('essonne');
const assets = new Map(territory.assets.map((a) => [a.id, a]));
const bins = territory.devices.filter((d) => d.model === 'milesight-em310-udl');

describe('a stalled console', () => {
  let test: Awaited<ReturnType<typeof startTestHub>>;

  beforeAll(async () => {
    // A 4 MB limit instead of 16: the loopback's kernel buffers absorb ~10 MB before anything
    // backs up in the hub, so the test need not push 30 MB of events to show the cut; and 4 MB
    // stays well above one round of events (~1 MB), which a healthy console sharing this
    // process's event loop may briefly hold under load.
    test = await startTestHub({ BEFFROI_CONSOLE_BACKLOG_MB: '4' });
  });

  afterAll(async () => {
    await test.stop();
  });

  it('is cut off past its backlog limit while the others keep up, then resyncs by seq', async () => {
    // The stalled console: logs in, subscribes, then its socket stops reading.
    const stalled = new WebSocket(`${test.hub.url.replace('http', 'ws')}/ws`);
    stalled.on('error', () => undefined);
    let stalledSeq = 0;
    await new Promise<void>((resolve) => {
      stalled.on('open', () => stalled.send(JSON.stringify({ op: 'login', id: 1, username: 'operateur', password: 'beffroi' })));
      stalled.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { op: string; id?: number; seq?: number };
        if (message.op === 'reply' && message.id === 1) stalled.send(JSON.stringify({ op: 'subscribe', id: 2 }));
        if (message.op === 'reply' && message.id === 2) {
          stalledSeq = message.seq ?? 0;
          (stalled as unknown as { _socket: { pause(): void } })._socket.pause();
          resolve();
        }
      });
    });
    const healthy = await HubClient.connect(test.hub.url);
    await healthy.login('astreinte');
    await healthy.request('subscribe');

    // A burst of uplinks: each bin's fill changes, so each one is an event for every console.
    const publisher = await connectAsync(test.hub.brokerUrl);
    const consoles = test.hub.context.broadcaster.connections;
    const ingestedBefore = test.hub.counters.uplinks;
    expect(consoles.size).toBe(2);
    // The hub drops the stalled socket (it cannot tell it anything: it does not read).
    for (let round = 0; round < 80 && consoles.size === 2; round++) {
      await Promise.all(
        bins.map((device, i) => {
          const info = deviceInfoFor(territory.name, device, assets.get(device.assetId)!);
          const { fPort, bytes } = getCodec(device.model)!.encodeUplink!({ battery: 90, distance: 300 + ((round * 37 + i) % 1200) });
          const event = uplinkEvent({ info, deduplicationId: `s-${round}-${i}`, time: new Date().toISOString(), devAddr: '01020304', fCnt: 1000 + round, fPort, bytes, reception: { gatewayId: '0016c001f0000001', rssi: -95, snr: 6, dr: 5, frequency: 868_100_000, uplinkId: i } });
          return publisher.publishAsync(topicOf(info, 'up'), JSON.stringify(event), { qos: 1 });
        }),
      );
      // Wait until the hub has taken this round in (a ping would be answered before that).
      const target = ingestedBefore + (round + 1) * bins.length;
      while (test.hub.counters.uplinks < target || test.hub.context.writer.queued > 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(consoles.size, 'the stalled console was never cut off').toBe(1);
    expect([...consoles][0]!.user?.username).toBe('astreinte');
    // The healthy console was served throughout.
    expect(await healthy.request('ping')).toMatchObject({ ok: true });
    const lastSeq = (await healthy.request('ping')).seq as number;
    await healthy.waitFor((m) => m.op === 'events' && (m.events as { seq: number }[]).some((e) => e.seq >= lastSeq));

    // Back: it asks for what it missed and gets it, in order, up to the hub's seq.
    const back = await HubClient.connect(test.hub.url);
    await back.login('operateur');
    const reply = await back.request('subscribe', { since: stalledSeq });
    const missed = back.events();
    const snapshot = back.received.find((m) => m.op === 'snapshot');
    if (snapshot) {
      // Further behind than the replay window: a fresh snapshot at the hub's position instead.
      expect(snapshot.seq).toBe(reply.seq);
    } else {
      expect(missed[0]!.seq).toBe(stalledSeq + 1);
      expect(missed[missed.length - 1]!.seq).toBe(reply.seq);
    }
    await publisher.endAsync();
    await back.close();
    await healthy.close();
    stalled.terminate();
  }, 180_000);
});
