import { describe, expect, it } from 'vitest';
import { codecFor, hexToBytes, payloadErrorOf } from './vectors';

/**
 * Vectors from the vendor's "AM300 v2" table and example (Milesight-IoT/SensorDecoders,
 * AM_Series/AM300_v2/README.md) and its AM319 HCHO / O3 decoders (same folder). Note: the
 * README's example shows `tvoc: 37` for 08 7D 2500, but the v2 decoders divide the IAQ index by
 * 100 (0.37), as our AM307 codec does.
 */
const am319 = codecFor('milesight-am319');
const decode = (hex: string, fPort = 85) => am319.decodeUplink(fPort, hexToBytes(hex));

const VENDOR_EXAMPLE = '0367EE00 04687C 050001 06CB02 077DA803 087D2500 09736627 0A7D0400 0B7D2000 0C7D3000';

describe('milesight-am319 uplinks (vendor table AM300 v2, AM319 decoders)', () => {
  it.each([
    [
      'the vendor example frame (HCHO variant)',
      VENDOR_EXAMPLE,
      { temperature: 23.8, humidity: 62, pir: 'trigger', light_level: 2, co2: 936, tvoc: 0.37, tvoc_unit: 'iaq', pressure: 1008.6, hcho: 0.04, pm2_5: 32, pm10: 48 },
    ],
    ['ozone on the O3 variant (÷100 ppm)', '0D7D0A00', { o3: 0.1 }],
    ['TVOC in µg/m³', '08E6F401', { tvoc: 500, tvoc_unit: 'ug/m3' }],
    ['the buzzer', '0E0100', { buzzer_status: 'off' }],
    [
      'a stored record (22 bytes, TVOC as IAQ index)',
      '20CE C0B4A065 EE00 7C00 01 02 A803 2500 6627 2000 3000 0400',
      { history: [{ timestamp: 0x65a0b4c0, temperature: 23.8, humidity: 62, pir: 'trigger', light_level: 2, co2: 936, tvoc: 0.37, pressure: 1008.6, pm2_5: 32, pm10: 48, hcho: 0.04 }] },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('observes particles besides the AM307 readings; HCHO and O₃ have no metric and stay in fields', () => {
    expect(decode(VENDOR_EXAMPLE).observations).toEqual([
      { metric: 'temperatureC', value: 23.8 },
      { metric: 'humidityPercent', value: 62 },
      { metric: 'motion', value: true },
      { metric: 'lightLevel', value: 2 },
      { metric: 'co2Ppm', value: 936 },
      { metric: 'pressureHpa', value: 1008.6 },
      { metric: 'pm25UgM3', value: 32 },
      { metric: 'pm10UgM3', value: 48 },
      { metric: 'tvocIndex', value: 0.37 },
    ]);
  });

  it.each([
    ['a PM10 value cut short', '0C7D30', 2],
    ['a stored record cut short (its HCHO missing)', '20CE C0B4A065 EE00 7C00 01 02 A803 2500 6627 2000 3000', 22],
    ['an unknown PIR code', '050007', 2],
    ['a channel the AM319 does not have (AM107 activity)', '056A4900', 0],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    const error = payloadErrorOf(() => decode(hex));
    expect(error.byteIndex).toBe(byteIndex);
    expect(error.message).toMatch(/^milesight-am319, port 85, octet \d+ : /);
  });
});

describe('milesight-am319 device side and network-server objects', () => {
  it.each([
    [{ battery: 88, temperature: 21.4, humidity: 45.5, pir: 'idle', light_level: 3, co2: 850, tvoc: 1.2, pressure: 1013.2, hcho: 0.03, pm2_5: 12, pm10: 20 }],
    [{ o3: 0.05, pm2_5: 5, tvoc: 120, tvoc_unit: 'ug/m3', buzzer_status: 'on' }],
  ])('encodeUplink → decodeUplink gives back %j', (fields) => {
    const { fPort, bytes } = am319.encodeUplink!(fields);
    expect(fPort).toBe(85);
    expect(am319.decodeUplink(fPort, bytes).fields).toEqual('tvoc_unit' in fields ? fields : { ...fields, tvoc_unit: 'iaq' });
  });

  it('reads the same observations from a ChirpStack object as from the bytes', () => {
    const frame = decode(VENDOR_EXAMPLE);
    expect(am319.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });

  it('skips object fields of the wrong type', () => {
    expect(am319.normaliseObject!({ pm2_5: '12', pm10: 30 }).observations).toEqual([{ metric: 'pm10UgM3', value: 30 }]);
  });
});
