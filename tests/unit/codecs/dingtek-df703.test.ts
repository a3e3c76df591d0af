import { describe, expect, it } from 'vitest';
import { codecFor, hexToBytes, payloadErrorOf } from './vectors';

const df703 = codecFor('dingtek-df703');
const decode = (hex: string) => df703.decodeUplink(3, hexToBytes(hex));
const CALM = { alarmLevel: false, alarmFire: false, alarmFall: false, alarmBattery: false };

describe('dingtek-df703 uplinks (DF702&DF703 LoRaWAN protocol V2.8, vendor decoder Chirpstack_DF703_script_V1.0.js)', () => {
  it.each([
    // df703-codec.yaml "heartbeat upload without gps" (TheThingsNetwork/lorawan-devices vendor/dingtek).
    ['the vendor heartbeat', '80 00 01 01 11 07D0 00 19 00 00 00 00 0001 00 81', { level: 2000, temperature: 25, angle: 0, ...CALM, frameCounter: 1 }],
    // df703-codec.yaml "heartbeat upload with gps" (the vendor prints 116.507430 / 40.038999, see the DF702 test).
    [
      'the vendor heartbeat with GPS',
      '80 00 01 01 19 07D0 01 CD03E942 EF272042 19 00 00 00 00 0001 00 81',
      { level: 2000, longitude: 116.507423, latitude: 40.038998, temperature: 25, angle: 0, ...CALM, frameCounter: 1 },
    ],
    // The vendor script's own test frame (data type 02, GPS), frame counter 0x0001.
    [
      'the vendor script test frame (data type 02)',
      '80 00 01 02 19 07D0 01 CD03E942 EF272042 19 00 00 00 00 0001 00 81',
      { level: 2000, longitude: 116.507423, latitude: 40.038998, temperature: 25, angle: 0, ...CALM, frameCounter: 1 },
    ],
    ['a full bin (ours)', '80 00 01 02 11 00C8 00 0C 00 05 10 00 0102 00 81', { level: 200, temperature: 12, angle: 5, ...CALM, alarmLevel: true, frameCounter: 258 }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('decodes the vendor parameter packet (df703-codec.yaml)', () => {
    expect(decode('80 00 01 03 19 0104 18 01 1E 4B 1E 00 00 00 000000000000000000 81').fields).toEqual({
      firmware: '1.4',
      uploadInterval: 24,
      detectInterval: 1,
      levelThreshold: 30,
      fireThreshold: 75,
      fallThreshold: 30,
      fallEnable: false,
      workMode: 0,
    });
  });

  it('observes distance, temperature, the full alarm and the fall (tilted)', () => {
    expect(decode('80 00 01 02 11 00C8 00 0C 00 05 10 10 0102 00 81').observations).toEqual([
      { metric: 'distanceMm', value: 200 },
      { metric: 'temperatureC', value: 12 },
      { metric: 'fullAlarm', value: true },
      { metric: 'fireAlarm', value: false },
      { metric: 'tilted', value: true },
    ]);
  });

  it('refuses a GPS frame cut in its coordinates, naming the length byte', () => {
    const error = payloadErrorOf(() => decode('80 00 01 01 19 07D0 01 CD03E942'));
    expect([error.model, error.byteIndex]).toEqual(['dingtek-df703', 4]);
  });

  it('round-trips the state the simulator plays', () => {
    const fields = { level: 875, temperature: 31, angle: -2, ...CALM, alarmFire: true, frameCounter: 7 };
    const { fPort, bytes } = df703.encodeUplink!(fields);
    expect(df703.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('normalises the vendor decoder’s object like the bytes', () => {
    const frame = decode('80 00 01 01 11 07D0 00 19 00 00 00 00 0001 00 81');
    expect(df703.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });
});

describe('dingtek-df703 configuration downlinks (device side)', () => {
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  it.each([
    // df703-codec.yaml downlinkDecoder examples, then the option 09 codes of the vendor script.
    ['80029999' + '0104' + '81', { uploadInterval: 4 }],
    ['80029999' + '080A' + '81', { detectInterval: 10 }],
    ['80029999' + '0223' + '81', { levelThreshold: 35 }],
    ['80029999' + '0346' + '81', { fireThreshold: 70 }],
    ['80029999' + '042D' + '81', { fallThreshold: 45 }],
    ['80029999' + '090A' + '81', { fallEnable: true }],
    ['80029999' + '0901' + '81', { gpsEnable: true }],
    ['80029999' + '090E' + '81', { workMode: 2 }],
  ])('%s applies %j', (text, applied) => {
    expect(df703.decodeDownlink!(3, ascii(text))).toEqual(applied);
  });

  it('refuses an unknown option 09 value, naming the byte', () => {
    expect(payloadErrorOf(() => df703.decodeDownlink!(3, ascii('80029999090781'))).byteIndex).toBe(10);
  });
});
