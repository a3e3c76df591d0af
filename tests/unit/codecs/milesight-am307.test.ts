import { describe, expect, it } from 'vitest';
import { codecFor, hexToBytes, payloadErrorOf } from './vectors';

const am307 = codecFor('milesight-am307');
const decode = (hex: string, fPort = 85) => am307.decodeUplink(fPort, hexToBytes(hex));

describe('milesight-am307 uplinks (vendor table AM300 v2)', () => {
  it.each([
    [
      'the vendor example frame',
      '0367EE00 04687C 050001 06CB02 077DA803 087D2500 09736627',
      { temperature: 23.8, humidity: 62, pir: 'trigger', light_level: 2, co2: 936, tvoc: 0.37, tvoc_unit: 'iaq', pressure: 1008.6 },
    ],
    ['battery', '017564', { battery: 100 }],
    ['a temperature below zero', '03679CFF', { temperature: -10 }],
    ['humidity in half percent steps', '046879', { humidity: 60.5 }],
    ['no presence', '050000', { pir: 'idle' }],
    ['TVOC in µg/m³', '08E6F401', { tvoc: 500, tvoc_unit: 'ug/m3' }],
    ['the buzzer', '0E0101', { buzzer_status: 'on' }],
    [
      'device attributes after join',
      'FF0101 FF090110 FF0A0114 FF0F00 FF166136D19809470012 FF0BFF',
      { ipso_version: 'v0.1', hardware_version: 'v1.1', firmware_version: 'v1.20', lorawan_class: 'Class A', sn: '6136d19809470012', device_status: 'on' },
    ],
    [
      'a stored record',
      '20CE C0B4A065 EE00 7C00 00 02 A803 2500 6627',
      { history: [{ timestamp: 0x65a0b4c0, temperature: 23.8, humidity: 62, pir: 'idle', light_level: 2, co2: 936, tvoc: 0.37, pressure: 1008.6 }] },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it.each([
    ['0367EE00', [{ metric: 'temperatureC', value: 23.8 }]],
    ['077DA803', [{ metric: 'co2Ppm', value: 936 }]],
    ['087D2500', [{ metric: 'tvocIndex', value: 0.37 }]],
    ['08E6F401', [{ metric: 'tvocUgM3', value: 500 }]],
    ['050001 06CB05', [{ metric: 'motion', value: true }, { metric: 'lightLevel', value: 5 }]],
    ['017550 04687C 09736627', [{ metric: 'batteryPercent', value: 80 }, { metric: 'humidityPercent', value: 62 }, { metric: 'pressureHpa', value: 1008.6 }]],
  ])('observes %s', (hex, observations) => {
    expect(decode(hex).observations).toEqual(observations);
  });

  it.each([
    ['a value cut short', '0367EE', 2],
    ['a channel header cut short', '017564 03', 3],
    ['a channel the AM307 does not have (HCHO)', '017564 0A7D0400', 3],
    ['an unknown PIR code', '050002', 2],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    const error = payloadErrorOf(() => decode(hex));
    expect(error.model).toBe('milesight-am307');
    expect(error.byteIndex).toBe(byteIndex);
    expect(error.message).toMatch(/^milesight-am307, port 85, octet \d+ : /);
  });

  it('refuses a frame on another port than 85', () => {
    expect(payloadErrorOf(() => decode('017564', 10)).fPort).toBe(10);
  });
});

describe('milesight-am307 device side and network-server objects', () => {
  it.each([
    [{ battery: 98, temperature: 21.4, humidity: 45.5, pir: 'trigger', light_level: 3, co2: 1250, tvoc: 1.52, pressure: 1013.2 }],
    [{ temperature: -5.3, co2: 400, tvoc: 320, tvoc_unit: 'ug/m3' }],
    [{ firmware_version: 'v1.3', sn: '0123456789abcdef', buzzer_status: 'off' }],
  ])('encodeUplink → decodeUplink gives back %j', (fields) => {
    const { fPort, bytes } = am307.encodeUplink!(fields);
    expect(fPort).toBe(85);
    expect(am307.decodeUplink(fPort, bytes).fields).toEqual(
      'tvoc' in fields ? { tvoc_unit: 'iaq', ...fields } : fields,
    );
  });

  it('reads the same observations from a ChirpStack object as from the bytes', () => {
    const frame = decode('017564 0367EE00 04687C 050001 077DA803 087D2500 09736627');
    expect(am307.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });

  it('skips object fields of the wrong type instead of guessing', () => {
    expect(am307.normaliseObject!({ temperature: '21', co2: 900 }).observations).toEqual([{ metric: 'co2Ppm', value: 900 }]);
  });

  it('rejects impossible values on the device side', () => {
    expect(() => am307.encodeUplink!({ battery: 300 })).toThrow(RangeError);
    expect(() => am307.encodeUplink!({ pir: 'maybe' })).toThrow(TypeError);
  });
});
