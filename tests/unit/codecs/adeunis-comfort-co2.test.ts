import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

/**
 * Vectors: first the vendor's own example (TheThingsNetwork/lorawan-devices,
 * vendor/adeunis/comfort-co2-codec.yaml, two samples of 0x6a), then frames built from the layouts
 * of the vendor's `comfortCo2` parsers (vendor/adeunis/comfort_co2_lib.js). The timestamp
 * 14 AB A3 E9 is the one of the vendor's Pulse 4 example (pulse-codec.yaml): 2023-12-28T19:22:17.
 */
const comfort = codecFor('adeunis-comfort-co2');
const decode = (hex: string, fPort = 1) => comfort.decodeUplink(fPort, hexToBytes(hex));

const VENDOR_EXAMPLE = '6A80 01B33E01A4 01B43F01A5';

const status = (frameCounter: number, more: Record<string, boolean> = {}) => ({
  frameCounter,
  hardwareError: false,
  lowBattery: false,
  configurationDone: false,
  configurationInconsistency: false,
  timestamp: false,
  ...more,
});

const samples = (temperature: number[], humidity: number[], co2: number[]) => ({
  decodingInfo: 'values: [t=0, t-1, t-2, ...]',
  temperature: { unit: '°C', values: temperature },
  humidity: { unit: '%', values: humidity },
  co2: { unit: 'ppm', values: co2 },
});

describe('adeunis-comfort-co2 uplinks (Adeunis comfortCo2 codec)', () => {
  it.each([
    ['the vendor example: two samples, most recent first', VENDOR_EXAMPLE, { type: '0x6a Comfort CO2 data', status: status(4), ...samples([43.5, 43.6], [62, 63], [420, 421]) }],
    [
      'one sample with a timestamp (status bit 2)',
      '6A86 00E1 41 0384 14ABA3E9',
      { type: '0x6a Comfort CO2 data', status: status(4, { timestamp: true, lowBattery: true }), timestamp: '2023-12-28T19:22:17.000', ...samples([22.5], [65], [900]) },
    ],
    ['a temperature below zero', '6A00 FF9C 50 01F4', { type: '0x6a Comfort CO2 data', status: status(0), ...samples([-10], [80], [500]) }],
    [
      'a threshold alarm on all three readings',
      '6B20 31 00E1 41 0384',
      {
        type: '0x6b Comfort CO2 alarm',
        status: status(1),
        alarmTemperature: { alarmStatus: 'active', temperature: { unit: '°C', value: 22.5 } },
        alarmHumidity: { alarmStatus: 'active', humidity: { unit: '%', value: 65 } },
        alarmCo2: { alarmStatus: 'active', co2: { unit: 'ppm', value: 900 } },
      },
    ],
    [
      'the daily report with minima and averages',
      '3000 02 03 00E1 0578 41 00C8 0190 1E 00D2 0320 32',
      {
        type: '0x30 Comfort CO2 Daily frame',
        status: status(0),
        icone: 2,
        qaiRedDuration: { unit: 'min', value: 30 },
        temperatureMax: { unit: '°C', value: 22.5 },
        co2Max: { unit: 'ppm', value: 1400 },
        humidityMax: { unit: '%', value: 65 },
        temperatureMin: { unit: '°C', value: 20 },
        co2Min: { unit: 'ppm', value: 400 },
        humidityMin: { unit: '%', value: 30 },
        temperatureAverage: { unit: '°C', value: 21 },
        co2Average: { unit: 'ppm', value: 800 },
        humidityAverage: { unit: '%', value: 50 },
      },
    ],
    [
      'the configuration: 300 × 2 s sampling, 5 samples per record, 3 records per uplink',
      '1001 0001 0003 0005 012C 02',
      {
        type: '0x10 Comfort CO2 configuration',
        status: status(0, { configurationDone: true }),
        dailyFrameActivated: true,
        numberOfHistorizationBeforeSending: 3,
        numberOfSamplingBeforeHistorization: 5,
        samplingPeriod: { unit: 's', value: 600 },
        redundantSamples: 2,
        calculatedPeriodRecording: { unit: 's', value: 3000 },
        calculatedSendingPeriod: { unit: 's', value: 9000 },
      },
    ],
    ['the software versions', '3700 020100 010203', { type: '0x37 Software version', status: status(0), appVersion: '2.1.0', rtuVersion: '1.2.3' }],
    ['a set-register reply', '3300 01 0140', { type: '0x33 Set register status', status: status(0), requestStatus: 'success', registerId: 320 }],
    [
      'the digital input configuration',
      '1F00 21 0005 00 0000',
      {
        type: '0x1f digital input configuration',
        status: status(0),
        digitalInput1: { type: 'highEdge', debouncingPeriod: { unit: 'ms', value: 20 }, threshold: 5 },
        digitalInput2: { type: 'deactivated', debouncingPeriod: { unit: 'ms', value: 0 }, threshold: 0 },
      },
    ],
    [
      'a digital input 1 alarm',
      '5100 01 00000010 0002',
      { type: '0x51 digital input 1 alarm', status: status(0), state: { previousFrame: false, current: true }, counter: { global: 16, instantaneous: 2 } },
    ],
    [
      'the network configuration',
      '2000 01 00',
      { type: '0x20 Configuration', status: status(0), loraAdr: true, loraProvisioningMode: 'ABP', loraDutycyle: 'deactivated', loraClassMode: 'CLASS A' },
    ],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it.each([
    ['the latest sample of a data frame', VENDOR_EXAMPLE, [{ metric: 'temperatureC', value: 43.5 }, { metric: 'humidityPercent', value: 62 }, { metric: 'co2Ppm', value: 420 }]],
    ['the readings of an alarm', '6B20 20 00E1 41 0384', [{ metric: 'temperatureC', value: 22.5 }, { metric: 'humidityPercent', value: 65 }, { metric: 'co2Ppm', value: 900 }]],
    ['a digital input 2 alarm', '5200 02 00000010 0002', [{ metric: 'digitalInput2', value: false }]],
    ['nothing from a daily report', '3000 02 03 00E1 0578 41 00C8', []],
  ])('observes %s', (_name, hex, observations) => {
    expect(decode(hex).observations).toEqual(observations);
  });

  it.each([
    ['a sample cut short', '6A80 01B33E01', 2],
    ['a second sample cut short', '6A80 01B33E01A4 01', 7],
    ['a timestamp announced but missing', '6A84 01B33E01A4', 2],
    ['an alarm one byte too long', '6B20 31 00E1 41 0384 00', 8],
    ['a daily report of the wrong length', '3000 02 03 00E1 0578 41 00C8 01', 11],
    ['a frame code the COMFORT CO2 does not send (COMFORT 0x4c)', '4C80 00E1 41', 0],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    const error = payloadErrorOf(() => decode(hex));
    expect(error.byteIndex).toBe(byteIndex);
    expect(error.message).toMatch(/^adeunis-comfort-co2, port 1, octet \d+ : /);
  });
});

describe('adeunis-comfort-co2 device side and network-server objects', () => {
  it('encodes the vendor example from its decoded fields', () => {
    const { fPort, bytes } = comfort.encodeUplink!(decode(VENDOR_EXAMPLE).fields);
    expect(fPort).toBe(1);
    expect(bytesToHex(bytes)).toBe(VENDOR_EXAMPLE.replace(/ /g, '').toLowerCase());
  });

  it.each([
    [{ temperature: 19.5, humidity: 48, co2: 1250 }],
    [{ temperature: -2.1, humidity: 90, co2: 400, timestamp: '2026-11-23T06:00:00.000', status: { frameCounter: 3, lowBattery: true } }],
  ])('encodeUplink → decodeUplink keeps the readings of %j', (fields) => {
    const { fPort, bytes } = comfort.encodeUplink!(fields);
    const decoded = comfort.decodeUplink(fPort, bytes);
    expect(decoded.observations).toEqual([
      { metric: 'temperatureC', value: fields.temperature },
      { metric: 'humidityPercent', value: fields.humidity },
      { metric: 'co2Ppm', value: fields.co2 },
    ]);
    if ('timestamp' in fields) expect(decoded.fields).toMatchObject({ timestamp: fields.timestamp, status: { frameCounter: 3, lowBattery: true, timestamp: true } });
  });

  it('normalises the vendor decoder’s output as TTS delivers it (wrapped in { bytes })', () => {
    const frame = decode(VENDOR_EXAMPLE);
    expect(comfort.normaliseObject!({ bytes: { ...frame.fields } })).toEqual(frame);
    expect(comfort.normaliseObject!({ ...frame.fields })).toEqual(frame);
  });

  it('rejects impossible values on the device side', () => {
    expect(() => comfort.encodeUplink!({ temperature: 20, humidity: 300, co2: 400 })).toThrow(RangeError);
    expect(() => comfort.encodeUplink!({ temperature: [20], humidity: 40, co2: 400 })).toThrow(TypeError);
    expect(() => comfort.encodeUplink!({ temperature: { values: [20, 21] }, humidity: 40, co2: 400 })).toThrow(RangeError);
  });
});
