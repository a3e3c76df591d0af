import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

/**
 * Vectors from the spec files of Adeunis' codec for the first PULSE (sln-nc/adeunis-codecs-lib,
 * src/products/pulse/0x30, 0x46, 0x47, 0x48 .parser.spec.ts) and the vendor's example for the
 * PULSE V4 (TheThingsNetwork/lorawan-devices, vendor/adeunis/pulse-codec.yaml: 0x5a) first, then
 * frames we built from the same parsers' layouts (0x10, 0x11, 0x12, 0x20, 0x33, timestamped V4).
 */
const pulse = codecFor('adeunis-pulse');
const decode = (hex: string, fPort = 1) => pulse.decodeUplink(fPort, hexToBytes(hex));

const status = (frameCounter: number, more: Record<string, boolean> = {}) => ({
  frameCounter,
  hardwareError: false,
  lowBattery: false,
  configurationDone: false,
  timestamp: false,
  ...more,
});

describe('adeunis-pulse uplinks (Adeunis PULSE codec parsers)', () => {
  it.each([
    [
      'the 0x46 spec vector: both counter indexes',
      '46800000009f00000002',
      { type: '0x46 Pulse data', status: status(4), decodingInfo: 'counterValues: [Channel A, Channel B]', counterValues: [159, 2] },
    ],
    [
      'the 0x47 spec vector: flows when the overflow alarm fired',
      '47a00f780000',
      { type: '0x47 Pulse alarm', status: status(5), decodingInfo: 'flowValues: [Channel A, Channel B]', flowValues: [3960, 0] },
    ],
    [
      'the 0x30 spec vector: keep-alive with channel A in alarm',
      '30e0150400030002000100',
      {
        type: '0x30 Pulse keep alive',
        status: status(7),
        channels: [
          { name: 'channel A', flow: { alarm: true, last24hMin: 512, last24hMax: 1024 }, tamperAlarm: true, leakageAlarm: true },
          { name: 'channel B', flow: { alarm: false, last24hMin: 256, last24hMax: 768 }, tamperAlarm: false, leakageAlarm: false },
        ],
      },
    ],
    [
      'the first 0x48 spec vector: indexes then five deltas per channel',
      '4820000000010000000200000100020003000400050006000700080009000a',
      {
        type: '0x48 Pulse historic data',
        status: status(1),
        frameIndex: 0,
        baseTime: 1,
        decodingInfo: 'deltaValues: [t=1 to t=2, t=2 to t=3, ...]',
        channels: [
          { name: 'channel A', index: 256, deltaValues: [1, 3, 5, 7, 9] },
          { name: 'channel B', index: 512, deltaValues: [2, 4, 6, 8, 10] },
        ],
      },
    ],
    [
      'a 0x48 spec vector with indexes only',
      '4820000000010000000200',
      { type: '0x48 Pulse historic data', status: status(1), frameIndex: 0, channels: [{ name: 'channel A', index: 256 }, { name: 'channel B', index: 512 }] },
    ],
    [
      'a 0x48 spec vector, fifth frame of the day',
      '482004000d000e000f0010',
      {
        type: '0x48 Pulse historic data',
        status: status(1),
        frameIndex: 4,
        baseTime: 7,
        decodingInfo: 'deltaValues: [t=7 to t=8, t=8 to t=9, ...]',
        channels: [
          { name: 'channel A', deltaValues: [13, 15] },
          { name: 'channel B', deltaValues: [14, 16] },
        ],
      },
    ],
    [
      'leakage thresholds (0x11)',
      '1100 0001 0002 0003 0004',
      {
        type: '0x11 Pulse configuration',
        status: status(0),
        channels: [
          { name: 'channel A', leakageDetection: { overflowAlarmTriggerThreshold: 1, threshold: 3 } },
          { name: 'channel B', leakageDetection: { overflowAlarmTriggerThreshold: 2, threshold: 4 } },
        ],
      },
    ],
    [
      'leakage periods (0x12)',
      '1201 0005 0006',
      {
        type: '0x12 Pulse configuration',
        status: status(0, { configurationDone: true }),
        channels: [
          { name: 'channel A', leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: 5 } },
          { name: 'channel B', leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: 6 } },
        ],
      },
    ],
    [
      'the V4 example: channel A’s index and its four earlier values, timestamped',
      '5A67 00000127 0001 0002 0003 0004 14ABA3E9',
      {
        type: '0x5a Pulse 4 data - channel A',
        status: status(3, { lowBattery: true, configurationDone: true, timestamp: true }),
        timestamp: '2023-12-28T19:22:17.000',
        decodingInfo: 'counterValues: [t=0, t-1, t-2, ...]',
        counterValues: [295, 294, 292, 289, 285],
      },
    ],
    [
      'a V4 channel B frame without timestamp',
      '5B00 00000010 0002',
      { type: '0x5b Pulse 4 data - channel B', status: status(0), decodingInfo: 'counterValues: [t=0, t-1, t-2, ...]', counterValues: [16, 14] },
    ],
    [
      'both indexes from a V4, timestamped (4 more bytes)',
      '4684 0000009f 00000002 14ABA3E9',
      { type: '0x46 Pulse 4 data', status: status(4, { timestamp: true }), timestamp: '2023-12-28T19:22:17.000', decodingInfo: 'counterValues: [Channel A, Channel B]', counterValues: [159, 2] },
    ],
    [
      'both indexes from a first PULSE reporting a hardware error (same bit, no timestamp)',
      '4684 0000009f 00000002',
      { type: '0x46 Pulse data', status: status(4, { hardwareError: true }), decodingInfo: 'counterValues: [Channel A, Channel B]', counterValues: [159, 2] },
    ],
    [
      'a V4 keep-alive, timestamped',
      '3004 15 0400 0300 0200 0100 14ABA3E9',
      {
        type: '0x30 Pulse 4 keep alive',
        status: status(0, { timestamp: true }),
        timestamp: '2023-12-28T19:22:17.000',
        channels: [
          { name: 'channel A', flow: { alarm: true, last24hMin: 512, last24hMax: 1024 }, tamperAlarm: true, leakageAlarm: true },
          { name: 'channel B', flow: { alarm: false, last24hMin: 256, last24hMax: 768 }, tamperAlarm: false, leakageAlarm: false },
        ],
      },
    ],
    [
      'V4 leakage periods and tamper detection (0x12, 10 bytes)',
      '1200 0005 0006 06 0A 03 05',
      {
        type: '0x12 Pulse 4 configuration',
        status: status(0),
        channels: [
          { name: 'channel A', leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: 5 }, tamper: { samplePeriodForDetection: { unit: 's', value: 60 }, threshold: 10 } },
          { name: 'channel B', leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: 6 }, tamper: { samplePeriodForDetection: { unit: 's', value: 30 }, threshold: 5 } },
        ],
      },
    ],
    ['a V4 set-register reply', '3300 01 0140', { type: '0x33 Set register status', status: status(0), requestStatus: 'success', registerId: 320 }],
    ['the network configuration (0x20, LoRa)', '2006 01 01', { type: '0x20 Configuration', status: status(0, { hardwareError: true, lowBattery: true }), loraAdr: true, loraProvisioningMode: 'OTAA' }],
  ])('decodes %s', (_name, hex, fields) => {
    expect(decode(hex).fields).toEqual(fields);
  });

  it('decodes the LoRa configuration frame (0x10, 22 bytes)', () => {
    expect(decode('1000 01 003C 11 01 21 003C 0001 0002 0003 0004 0005 0006').fields).toEqual({
      type: '0x10 Pulse configuration',
      status: status(0),
      productMode: 'PRODUCTION',
      transmissionPeriod: { unit: 'm', value: 60 },
      flowCalculationPeriod: { unit: 'm', value: 60 },
      historicMode: 'historicLogEvery10min',
      channels: [
        { name: 'channel A', state: 'enabled', type: 'otherPullUpOff', tamperActivated: false, debouncingPeriod: { unit: 'ms', value: 1 }, leakageDetection: { overflowAlarmTriggerThreshold: 1, threshold: 3, dailyPeriodsBelowWhichLeakageAlarmTriggered: 5 } },
        { name: 'channel B', state: 'enabled', type: 'otherPullUpOff', tamperActivated: false, debouncingPeriod: { unit: 'ms', value: 10 }, leakageDetection: { overflowAlarmTriggerThreshold: 2, threshold: 4, dailyPeriodsBelowWhichLeakageAlarmTriggered: 6 } },
      ],
    });
  });

  it('decodes the V4 configuration frame (0x10, 28 bytes)', () => {
    expect(decode('1000 01 0006 11 012C 21 003C 0001 0002 0003 0004 0005 0006 06 0A 03 05 02').fields).toEqual({
      type: '0x10 Pulse 4 configuration',
      status: status(0),
      productMode: 'PRODUCTION',
      numberOfHistorizationBeforeSending: 6,
      samplingPeriod: { unit: 's', value: 600 },
      calculatedSendingPeriod: { unit: 's', value: 3600 },
      flowCalculationPeriod: { unit: 'm', value: 60 },
      redundantSamples: 2,
      channels: [
        { name: 'channel A', state: 'enabled', type: 'otherPullUpOff', debouncingPeriod: { unit: 'ms', value: 1 }, leakageDetection: { overflowAlarmTriggerThreshold: 1, threshold: 3, dailyPeriodsBelowWhichLeakageAlarmTriggered: 5 }, tamper: { activated: false, samplePeriodForDetection: { unit: 's', value: 60 }, threshold: 10 } },
        { name: 'channel B', state: 'enabled', type: 'otherPullUpOff', debouncingPeriod: { unit: 'ms', value: 10 }, leakageDetection: { overflowAlarmTriggerThreshold: 2, threshold: 4, dailyPeriodsBelowWhichLeakageAlarmTriggered: 6 }, tamper: { activated: false, samplePeriodForDetection: { unit: 's', value: 30 }, threshold: 5 } },
      ],
    });
  });

  it('observes channel A’s index as the pulse count, and nothing from other frames', () => {
    expect(decode('46800000009f00000002').observations).toEqual([{ metric: 'pulseCount', value: 159 }]);
    expect(decode('5A67 00000127 0001 0002 0003 0004 14ABA3E9').observations).toEqual([{ metric: 'pulseCount', value: 295 }]);
    expect(decode('5B00 00000010 0002').observations).toEqual([]);
    expect(decode('30e0150400030002000100').observations).toEqual([]);
  });

  it.each([
    ['a counter frame cut short', '46800000009f000000', 2],
    ['a counter frame one byte too long', '46800000009f0000000200', 10],
    ['a frame code the PULSE does not send (TIC data 0x49)', '4980000000', 0],
    ['a V4 channel frame with half a delta', '5A60 00000127 000100', 8],
    ['a V4 channel frame whose timestamp is missing', '5A64 000001', 2],
    ['both indexes with 4 bytes more but no timestamp announced', '4680 0000009f 00000002 14ABA3E9', 10],
    ['a frame without its status byte', '46', 1],
    ['historic deltas cut inside a period', '482001000100020003', 7],
    ['an empty frame', '', 0],
  ])('refuses %s, naming the byte', (_name, hex, byteIndex) => {
    const error = payloadErrorOf(() => decode(hex));
    expect(error.byteIndex).toBe(byteIndex);
    expect(error.message).toMatch(/^adeunis-pulse, port 1, octet \d+ : /);
  });
});

describe('adeunis-pulse device side and network-server objects', () => {
  it('encodes the 0x46 spec vector', () => {
    const { fPort, bytes } = pulse.encodeUplink!({ counterValues: [159, 2], status: { frameCounter: 4 } });
    expect(fPort).toBe(1);
    expect(bytesToHex(bytes)).toBe('46800000009f00000002');
  });

  it('encodes the V4 example from its decoded fields', () => {
    const hex = '5A67 00000127 0001 0002 0003 0004 14ABA3E9';
    expect(bytesToHex(pulse.encodeUplink!(decode(hex).fields).bytes)).toBe(hex.replace(/ /g, '').toLowerCase());
  });

  it.each([
    [{ counterValues: [4294967295, 0], status: { frameCounter: 7, lowBattery: true, hardwareError: true, configurationDone: true } }],
    [{ counterValues: [12, 34] }],
    [{ counterValues: [12, 34], timestamp: '2026-11-23T06:00:00.000' }],
    [{ type: '0x5b Pulse 4 data - channel B', counterValues: [1000, 990, 985] }],
  ])('encodeUplink → decodeUplink gives back %j', (fields) => {
    const { fPort, bytes } = pulse.encodeUplink!(fields);
    expect(pulse.decodeUplink(fPort, bytes).fields).toMatchObject(fields);
  });

  it('normalises the vendor decoder’s output, bare or wrapped as { bytes } by its decodeUplink', () => {
    const frame = decode('46800000009f00000002');
    expect(pulse.normaliseObject!({ ...frame.fields })).toEqual(frame);
    expect(pulse.normaliseObject!({ bytes: { ...frame.fields } })).toEqual(frame);
  });

  it('rejects impossible values on the device side', () => {
    expect(() => pulse.encodeUplink!({ counterValues: [-1, 0] })).toThrow(RangeError);
    expect(() => pulse.encodeUplink!({ counterValues: 'beaucoup' })).toThrow(TypeError);
  });
});
