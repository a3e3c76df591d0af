import { describe, expect, it } from 'vitest';
import { ChirpstackFormat } from '../../../electron/hub/sources/chirpstack';
import { DownlinkNotSent, HeldDownlinks } from '../../../electron/hub/sources/held-downlinks';
import { TtsFormat } from '../../../electron/hub/sources/tts';
import type { DownlinkRequest } from '../../../electron/hub/sources/types';
import { APP, THERMOSTAT, deviceInfo, json, topic, upEvent } from './chirpstack-events';

const request = (ref: string, devEui = THERMOSTAT): DownlinkRequest => ({ devEui, fPort: 2, bytes: Uint8Array.of(0x51, 0x00, 0xc3), confirmed: true, ref });
const held = (options: Partial<{ maxWaitMs: number; maxPerDevice: number }> = {}) =>
  new HeldDownlinks({ maxWaitMs: 60_000, maxPerDevice: 8, ...options });

/** The reason a held downlink was given up. */
async function givenUp(promise: Promise<void>): Promise<DownlinkNotSent> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DownlinkNotSent) return error;
    throw error;
  }
  throw new Error('expected the held downlink to be given up');
}

describe('held downlinks', () => {
  it('hands a device’s downlinks over oldest first, and no longer holds them', async () => {
    const store = held();
    const first = store.hold(request('cmd-1'));
    const second = store.hold(request('cmd-2'));
    store.hold(request('cmd-other', '70b3d52d00000009')).catch(() => undefined);
    expect(store.size).toBe(3);
    const taken = store.take(THERMOSTAT.toUpperCase());
    expect(taken.map((h) => h.request.ref)).toEqual(['cmd-1', 'cmd-2']);
    for (const h of taken) h.resolve();
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
    expect(store.has(THERMOSTAT)).toBe(false);
    expect(store.size).toBe(1);
    store.rejectAll('fin du test');
  });

  it('gives up the oldest beyond the per-device bound, saying so in French', async () => {
    const store = held({ maxPerDevice: 2 });
    const oldest = givenUp(store.hold(request('cmd-1')));
    store.hold(request('cmd-2')).catch(() => undefined);
    store.hold(request('cmd-3')).catch(() => undefined);
    const error = await oldest;
    expect(error.reason).toBe('overflow');
    expect(error.message).toMatch(/plus de 2 en attente pour 24e1241000000001/);
    expect(store.take(THERMOSTAT).map((h) => h.request.ref)).toEqual(['cmd-2', 'cmd-3']);
  });

  it('gives up a downlink whose device stays silent past the bound', async () => {
    const store = held({ maxWaitMs: 5 });
    const error = await givenUp(store.hold(request('cmd-1')));
    expect(error.reason).toBe('timeout');
    expect(error.message).toMatch(/aucune remontée de 24e1241000000001/);
    expect(store.size).toBe(0);
  });

  it('withdraws by ref, once', async () => {
    const store = held();
    const withdrawn = givenUp(store.hold(request('cmd-expired')));
    expect(store.withdraw('cmd-expired')).toBe(true);
    expect(store.withdraw('cmd-expired')).toBe(false);
    expect((await withdrawn).reason).toBe('withdrawn');
    expect(store.size).toBe(0);
  });
});

describe('whether a network server format can address a device', () => {
  it('ChirpStack: once an uplink or a join told its application, or with a default application', () => {
    const format = new ChirpstackFormat();
    expect(format.addressable(THERMOSTAT)).toBe(false);
    format.read(topic('up'), json(upEvent()));
    expect(format.addressable(THERMOSTAT.toUpperCase())).toBe(true);

    const joined = new ChirpstackFormat();
    const join = joined.read(topic('join'), json({ deviceInfo: deviceInfo(), devAddr: '00189440', time: '2025-01-16T08:00:00Z' }));
    expect(join).toMatchObject({ kind: 'join', join: { devEui: THERMOSTAT } });
    expect(joined.downlink(request('cmd-1')).topic).toBe(`application/${APP}/device/${THERMOSTAT}/command/down`);

    expect(new ChirpstackFormat({ defaultApplicationId: 'app-demo' }).addressable(THERMOSTAT)).toBe(true);
  });

  it('TTS: once an uplink told its device id, or with a default application', () => {
    expect(new TtsFormat().addressable(THERMOSTAT)).toBe(false);
    expect(new TtsFormat({ applicationId: 'beffroi@syndicat' }).addressable(THERMOSTAT)).toBe(true);
  });
});
