import { describe, expect, it } from 'vitest';
import { codecFor, hexToBytes, payloadErrorOf } from './vectors';

/**
 * Vectors from the vendor's EM300-DI table and example (Milesight-IoT/SensorDecoders,
 * EM_Series/EM300_Series/EM300-DI/README.md) and channel layouts of its decoder (same folder).
 * 1.5 as float32 LE is 00 00 C0 3F.
 */
const em300 = codecFor('milesight-em300-di');
const decode = (hex: string, fPort = 85) => em300.decodeUplink(fPort, hexToBytes(hex));

const VENDOR_EXAMPLE = '01755C 03673401 046865 20CE9E74466310015D020000010000';

describe('milesight-em300-di uplinks (vendor table EM300-DI)', () => {
  it.each([
    [
      'the vendor example (a stored pulse record)',
      VENDOR_EXAMPLE,
      { battery: 92, temperature: 30.8, humidity: 50.5, history: [{ timestamp: 1665561758, temperature: 27.2, humidity: 46.5, gpio_type: 'pulse', pulse: 256 }] },
    ],
    ['a pulse count (u32 LE)', '05C8 39300000', { pulse: 12345 }],
    ['the input level', '050001', { gpio: 'high' }],
    ['a level alarm', '85000101', { gpio: 'high', gpio_alarm: 'gpio alarm' }],
    ['a converted reading (firmware ≥ 1.3, decoder channel 05 E1)', '05E1 0A00 6400 0000C03F', { water_conv: 1, pulse_conv: 10, water: 1.5 }],
    ['a converted reading on the table’s channel 06 E1', '06E1 0A00 6400 0000C03F', { water_conv: 1, pulse_conv: 10, water: 1.5 }],
    ['a water alarm', '85E1 0A00 6400 0000C03F 03', { water_conv: 1, pulse_conv: 10, water: 1.5, water_alarm: 'water flow timeout alarm' }],
    [
      'a stored v2 record with a level',
      '21CE 9E744663 1001 5D 05 01 01 0000 0000 00000000',
      { history: [{ timestamp: 1665561758, temperature: 27.2, humidity: 46.5, alarm: 'gpio alarm', gpio_type: 'gpio', gpio: 'high' }] },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it.each([
    ['050000 05C810000000 017550', [{ metric: 'batteryPercent', value: 80 }, { metric: 'digitalInput1', value: false }, { metric: 'pulseCount', value: 16 }]],
    ['0367EE00 046879', [{ metric: 'temperatureC', value: 23.8 }, { metric: 'humidityPercent', value: 60.5 }]],
  ])('observes %s', (hex, observations) => {
    expect(decode(hex).observations).toEqual(observations);
  });

  it.each([
    ['a pulse count cut short', '05C83930', 2],
    ['an unknown level code', '050002', 2],
    ['an unknown water alarm code', '85E1 0A00 6400 0000C03F 09', 10],
    ['a stored record of unknown input type', '20CE 9E744663 1001 5D 07 00 00010000', 9],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    const error = payloadErrorOf(() => decode(hex));
    expect(error.byteIndex).toBe(byteIndex);
    expect(error.message).toMatch(/^milesight-em300-di, port 85, octet \d+ : /);
  });
});

describe('milesight-em300-di device side and network-server objects', () => {
  it.each([
    [{ battery: 92, temperature: 30.8, humidity: 50.5, pulse: 1024 }],
    [{ gpio: 'low' }],
    [{ gpio: 'high', gpio_alarm: 'gpio alarm' }],
    [{ water_conv: 1, pulse_conv: 10, water: 12.5 }],
    [{ water_conv: 1, pulse_conv: 10, water: 12.5, water_alarm: 'water outage timeout alarm' }],
  ])('encodeUplink → decodeUplink gives back %j', (fields) => {
    const { fPort, bytes } = em300.encodeUplink!(fields);
    expect(fPort).toBe(85);
    expect(em300.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('sends a converted reading on the decoder’s channel 05 E1', () => {
    expect(em300.encodeUplink!({ water_conv: 1, pulse_conv: 10, water: 1.5 }).bytes).toEqual(hexToBytes('05E1 0A00 6400 0000C03F'));
  });

  it('reads the same observations from a ChirpStack object as from the bytes', () => {
    const frame = decode('017564 050001 05C810000000');
    expect(em300.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });

  it('rejects impossible values on the device side', () => {
    expect(() => em300.encodeUplink!({ pulse: -3 })).toThrow(RangeError);
    expect(() => em300.encodeUplink!({ gpio: 'open' })).toThrow(TypeError);
  });
});
