import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

/**
 * Vectors from Elsys' generic payload description and decoder, and first the ERS CO2 example of
 * TheThingsNetwork/lorawan-devices (vendor/elsys/ers-co2-codec.yaml, sent there on port 1).
 */
const ers = codecFor('elsys-ers-co2');
const decode = (hex: string, fPort = 5) => ers.decodeUplink(fPort, hexToBytes(hex));

const TTN_EXAMPLE = '0100E2 0229 040027 0506 060308';

describe('elsys-ers-co2 uplinks (Elsys generic payload)', () => {
  it.each([
    ['the ERS CO2 example', TTN_EXAMPLE, { temperature: 22.6, humidity: 41, light: 39, motion: 6, co2: 776 }],
    ['the same with the supply voltage (mV)', `${TTN_EXAMPLE} 070D62`, { temperature: 22.6, humidity: 41, light: 39, motion: 6, co2: 776, vdd: 3426 }],
    ['a temperature below zero (int16 BE ÷10)', '01FF9C', { temperature: -10 }],
    ['acceleration (int8 per axis, ±63 = 1 g)', '03 00 C1 3F', { x: 0, y: -63, z: 63 }],
    ['pressure (u32 BE ÷1000 hPa)', '14000F7A10', { pressure: 1014.288 }],
    ['sound peak and average (dB)', '15 4E 30', { soundPeak: 78, soundAvg: 48 }],
    ['an absolute pulse count (u32 BE)', '0B 80000001', { pulseAbs: 2147483649 }],
    ['IR temperatures', '10 00E2 FF9C', { irInternalTemperature: 22.6, irExternalTemperature: -10 }],
    ['a second external probe twice (the vendor decoder makes an array)', '1900C8 19FF38', { externalTemperature2: [20, -20] }],
    ['TVOC (ppb)', '1C0190', { tvoc: 400 }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('observes the example in our metrics, the motion count also as presence, the supply in volts', () => {
    expect(decode(`${TTN_EXAMPLE} 070D62`).observations).toEqual([
      { metric: 'temperatureC', value: 22.6 },
      { metric: 'humidityPercent', value: 41 },
      { metric: 'lightLux', value: 39 },
      { metric: 'motionCount', value: 6 },
      { metric: 'motion', value: true },
      { metric: 'co2Ppm', value: 776 },
      { metric: 'batteryV', value: 3.426 },
    ]);
  });

  it('reads no motion as no presence', () => {
    expect(decode('0500').observations).toEqual([
      { metric: 'motionCount', value: 0 },
      { metric: 'motion', value: false },
    ]);
  });

  it('takes the payload on any port (the installer may move it off Elsys’ default 5)', () => {
    expect(decode(TTN_EXAMPLE, 1).fields).toEqual(decode(TTN_EXAMPLE, 5).fields);
  });

  it.each([
    ['a CO₂ value cut short', '0100E2 0603', 4],
    ['an unknown type', '0100E2 FF01', 3],
    ['a type byte alone at the end', '0229 01', 3],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    const error = payloadErrorOf(() => decode(hex));
    expect(error.byteIndex).toBe(byteIndex);
    expect(error.message).toMatch(/^elsys-ers-co2, port 5, octet \d+ : /);
  });
});

describe('elsys-ers-co2 device side and network-server objects', () => {
  it('encodes the example byte for byte on port 5', () => {
    const { fPort, bytes } = ers.encodeUplink!({ temperature: 22.6, humidity: 41, light: 39, motion: 6, co2: 776 });
    expect(fPort).toBe(5);
    expect(bytesToHex(bytes)).toBe(TTN_EXAMPLE.replace(/ /g, '').toLowerCase());
  });

  it.each([
    [{ temperature: -3.5, humidity: 80, light: 0, motion: 0, co2: 1450, vdd: 3600 }],
    [{ x: -2, y: 1, z: 63, pressure: 1008.5, soundPeak: 70, soundAvg: 45 }],
  ])('encodeUplink → decodeUplink gives back %j', (fields) => {
    const { fPort, bytes } = ers.encodeUplink!(fields);
    expect(ers.decodeUplink(fPort, bytes).fields).toEqual(fields);
  });

  it('reads the same observations from a TTS decoded_payload as from the bytes', () => {
    const frame = decode(`${TTN_EXAMPLE} 070D62`);
    expect(ers.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });

  it('rejects impossible values on the device side', () => {
    expect(() => ers.encodeUplink!({ co2: 70000 })).toThrow(RangeError);
  });
});
