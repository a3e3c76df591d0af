import { describe, expect, it } from 'vitest';
import { codecFor, hexToBytes, payloadErrorOf } from './vectors';

/** Vectors from the vendor's AM107 table and example (Milesight-IoT/SensorDecoders, AM_Series/AM107/README.md). */
const am107 = codecFor('milesight-am107');
const decode = (hex: string, fPort = 85) => am107.decodeUplink(fPort, hexToBytes(hex));

const VENDOR_EXAMPLE = '01755C 03673401 046865 056A4900 06651C0079001400 077DE704 087D0700 09733F27';

describe('milesight-am107 uplinks (vendor table AM107)', () => {
  it.each([
    [
      'the vendor example frame',
      VENDOR_EXAMPLE,
      { battery: 92, temperature: 30.8, humidity: 50.5, activity: 73, illumination: 28, infrared_and_visible: 121, infrared: 20, co2: 1255, tvoc: 7, pressure: 1004.7 },
    ],
    ['a temperature below zero (int16 LE ÷10)', '03679CFF', { temperature: -10 }],
    ['the sensors switched on (FF 18, bit per sensor)', 'FF1835', { sensor_enable: { temperature: 'enable', humidity: 'disable', pir: 'enable', illuminance: 'disable', co2: 'enable', tvoc: 'enable', pressure: 'disable' } }],
    ['the reply to a report-interval downlink', 'FF035802', { report_interval: 600 }],
    ['device attributes after join', 'FF0101 FF0A0114 FF0F00', { ipso_version: 'v0.1', firmware_version: 'v1.20', lorawan_class: 'Class A' }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('observes the vendor example in our metrics; TVOC in ppb has no metric and stays in fields', () => {
    expect(decode(VENDOR_EXAMPLE).observations).toEqual([
      { metric: 'batteryPercent', value: 92 },
      { metric: 'temperatureC', value: 30.8 },
      { metric: 'humidityPercent', value: 50.5 },
      { metric: 'motionCount', value: 73 },
      { metric: 'lightLux', value: 28 },
      { metric: 'co2Ppm', value: 1255 },
      { metric: 'pressureHpa', value: 1004.7 },
    ]);
  });

  it.each([
    ['an illumination cut short (its third reading missing)', '06651C007900', 6],
    ['a channel header cut short', '01755C 03', 3],
    ['a channel the AM107 does not have (AM307 PIR)', '01755C 050001', 3],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    const error = payloadErrorOf(() => decode(hex));
    expect(error.byteIndex).toBe(byteIndex);
    expect(error.message).toMatch(/^milesight-am107, port 85, octet \d+ : /);
  });

  it('refuses a frame on another port than 85', () => {
    expect(payloadErrorOf(() => decode('017564', 1)).fPort).toBe(1);
  });
});

describe('milesight-am107 device side and network-server objects', () => {
  it.each([
    [{ battery: 92, temperature: 30.8, humidity: 50.5, activity: 73, illumination: 28, infrared_and_visible: 121, infrared: 20, co2: 1255, tvoc: 7, pressure: 1004.7 }],
    [{ temperature: -4.5, co2: 400 }],
  ])('encodeUplink → decodeUplink gives back %j', (fields) => {
    const { fPort, bytes } = am107.encodeUplink!(fields);
    expect(fPort).toBe(85);
    expect(am107.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('encodes the vendor example byte for byte', () => {
    const fields = decode(VENDOR_EXAMPLE).fields;
    expect(am107.encodeUplink!(fields).bytes).toEqual(hexToBytes(VENDOR_EXAMPLE));
  });

  it('reads the same observations from a ChirpStack object as from the bytes', () => {
    const frame = decode(VENDOR_EXAMPLE);
    expect(am107.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });

  it('rejects impossible values on the device side', () => {
    expect(() => am107.encodeUplink!({ activity: -1 })).toThrow(RangeError);
  });
});
