import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

const df702 = codecFor('dingtek-df702');
const decode = (hex: string, fPort = 3) => df702.decodeUplink(fPort, hexToBytes(hex));

// The vendor's examples (TheThingsNetwork/lorawan-devices vendor/dingtek/df702-codec.yaml).
const HEARTBEAT = '80 00 01 01 11 07D0 00 19 00 00 00 00 0000 00 81';
const HEARTBEAT_GPS = '80 00 01 01 19 07D0 01 CD03E942 EF272042 19 00 00 00 00 0000 00 81';
const PARAMETERS = '80 00 01 03 19 0104 18 01 1E 4B 1E 00 00 00 000000000000000000 81';
const CALM = { full: false, fire: false, tilt: false, battery: false };

describe('dingtek-df702 uplinks (DF702&DF703 LoRaWAN protocol V2.8, vendor decoder df702.js)', () => {
  it.each([
    // df702-codec.yaml "heartbeat upload without gps": 2000 mm, 25 °C, no alarm.
    ['the vendor heartbeat', HEARTBEAT, { level: 2000, temperature: 25, angle: 0, ...CALM, frameCounter: 0 }],
    // df702-codec.yaml "heartbeat upload with gps": the vendor prints 116.507430 / 40.038999 with an
    // approximate float conversion; the IEEE 754 values of 42E903CD / 422027EF are these.
    [
      'the vendor heartbeat with GPS',
      HEARTBEAT_GPS,
      { level: 2000, longitude: 116.507423, latitude: 40.038998, temperature: 25, angle: 0, ...CALM, frameCounter: 0 },
    ],
    // Ours: a full bin on fire, tipped over at −45°, −5 °C, battery low, 300th frame.
    [
      'a full bin on fire, tipped over',
      '80 00 01 02 11 0096 00 FB 01 2D 11 11 012C 00 81',
      { level: 150, temperature: -5, angle: -45, full: true, fire: true, tilt: true, battery: true, frameCounter: 300 },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('decodes the vendor parameter frame (df702-codec.yaml "Command confirmation")', () => {
    expect(decode(PARAMETERS).fields).toEqual({
      firmware: '1.4',
      periodic_interval: 24,
      detection_interval: 1,
      full_alarm_threshold: 30,
      fire_alarm_threshold: 75,
      tilt_alarm_threshold: 30,
      tilt_enable: false,
      ultrasonic_range: 2000,
    });
    expect(decode(PARAMETERS).observations).toEqual([]);
  });

  it('observes the distance to the waste, temperature and alarms; the fill level is left to the rules', () => {
    expect(decode('80 00 01 02 11 0096 00 FB 01 2D 11 10 012C 00 81').observations).toEqual([
      { metric: 'distanceMm', value: 150 },
      { metric: 'temperatureC', value: -5 },
      { metric: 'fullAlarm', value: true },
      { metric: 'fireAlarm', value: true },
      { metric: 'tilted', value: true },
    ]);
  });

  it.each([
    ['a frame one byte short of its announced length', '80 00 01 01 11 07D0 00 19 00 00 00 00 0000 81', 4, 3],
    ['a frame without the 0x80 header', '81 00 01 01 11 07D0 00 19 00 00 00 00 0000 00 81', 0, 3],
    ['a frame without the 0x81 tail', '80 00 01 01 11 07D0 00 19 00 00 00 00 0000 00 00', 16, 3],
    ['a parameter frame of 17 bytes', '80 00 01 03 11 0104 18 01 1E 4B 1E 00 00 00 00 00 81', 4, 3],
    ['a header cut short', '80 00 01', 3, 3],
    ['a frame on an unexpected port', HEARTBEAT, 0, 2],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex, fPort) => {
    const error = payloadErrorOf(() => decode(hex, fPort));
    expect([error.model, error.fPort, error.byteIndex]).toEqual(['dingtek-df702', fPort, byteIndex]);
  });

  it.each([
    [{ level: 1234, temperature: 18, angle: 3, ...CALM, frameCounter: 42 }],
    [{ level: 40, temperature: -12, angle: -80, full: true, fire: false, tilt: true, battery: false, frameCounter: 65535 }],
  ])('round-trips %j', (fields) => {
    const { fPort, bytes } = df702.encodeUplink!(fields);
    expect(df702.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('round-trips a heartbeat with coordinates (float32 precision)', () => {
    const fields = { level: 2000, longitude: 2.3488, latitude: 48.853409, temperature: 25, angle: 0, ...CALM, frameCounter: 1 };
    const { fPort, bytes } = df702.encodeUplink!(fields);
    expect(bytes.length).toBe(25);
    const decoded = df702.decodeUplink(fPort, bytes).fields;
    expect(decoded).toMatchObject({ level: 2000, temperature: 25, frameCounter: 1 });
    expect(decoded.longitude).toBeCloseTo(fields.longitude, 5);
    expect(decoded.latitude).toBeCloseTo(fields.latitude, 5);
  });

  it('encodes the vendor heartbeat byte for byte', () => {
    const { fPort, bytes } = df702.encodeUplink!({ level: 2000, temperature: 25, angle: 0, ...CALM, frameCounter: 0 });
    expect([fPort, bytesToHex(bytes)]).toEqual([3, HEARTBEAT.replace(/ /g, '').toLowerCase()]);
  });

  it('normalises the vendor decoder’s object (numbers with their unit appended) like the bytes', () => {
    // df702-codec.yaml output for the heartbeat, as a network server running df702.js delivers it.
    const object = { level: '2000 mm', full: false, fire: false, tilt: false, battery: false, angle: '0 °', temperature: '25 ℃' };
    expect(df702.normaliseObject!(object).observations).toEqual(decode(HEARTBEAT).observations);
    const frame = decode(HEARTBEAT);
    expect(df702.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });
});

describe('dingtek-df702 configuration downlinks (device side)', () => {
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  it.each([
    // df702-codec.yaml downlinkDecoder examples.
    ['80029999' + '0104' + '81', { periodic_interval: 4 }],
    ['80029999' + '080A' + '81', { detection_interval: 10 }],
    ['80029999' + '0223' + '81', { full_alarm_threshold: 35 }],
    ['80029999' + '0346' + '81', { fire_alarm_threshold: 70 }],
    ['80029999' + '042D' + '81', { tilt_alarm_threshold: 45 }],
    ['80029999' + '090A' + '81', { tilt_enable: true }],
    ['80029999' + '0913' + '81', { ultrasonic_range: 5000 }],
  ])('%s applies %j', (text, applied) => {
    expect(df702.decodeDownlink!(3, ascii(text))).toEqual(applied);
  });

  it.each([
    ['90029999010481', 0],
    ['8002999901048', 13],
    ['80029999010480', 12],
    ['80029999770481', 8],
    ['80029999091481', 10],
    ['800299990G0481', 8],
  ])('refuses %s at byte %d', (text, byteIndex) => {
    expect(payloadErrorOf(() => df702.decodeDownlink!(3, ascii(text))).byteIndex).toBe(byteIndex);
  });

  it('takes no Beffroi command', () => {
    expect(df702.encodeDownlink).toBeUndefined();
  });
});
