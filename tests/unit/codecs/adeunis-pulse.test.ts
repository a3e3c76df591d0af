import { describe, expect, it } from 'vitest';
import { bytesToHex, codecFor, hexToBytes, payloadErrorOf } from './vectors';

/**
 * Vectors from the spec files of Adeunis' codec for the PULSE (sln-nc/adeunis-codecs-lib,
 * src/products/pulse/0x30, 0x46, 0x47, 0x48 .parser.spec.ts) first, then frames we built from
 * the same parsers' layouts (0x10, 0x11, 0x12, 0x20).
 */
const pulse = codecFor('adeunis-pulse');
const decode = (hex: string, fPort = 1) => pulse.decodeUplink(fPort, hexToBytes(hex));

const status = (frameCounter: number, more: Record<string, boolean> = {}) => ({
  frameCounter,
  hardwareError: false,
  lowBattery: false,
  configurationDone: false,
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

  it('observes channel A’s index as the pulse count, and nothing from other frames', () => {
    expect(decode('46800000009f00000002').observations).toEqual([{ metric: 'pulseCount', value: 159 }]);
    expect(decode('30e0150400030002000100').observations).toEqual([]);
  });

  it.each([
    ['a counter frame cut short', '46800000009f000000', 2],
    ['a counter frame one byte too long', '46800000009f0000000200', 10],
    ['a frame code the PULSE does not send (Pulse 3/4 0x5a)', '5a80000000', 0],
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

  it.each([
    [{ counterValues: [4294967295, 0], status: { frameCounter: 7, lowBattery: true, hardwareError: true, configurationDone: true } }],
    [{ counterValues: [12, 34] }],
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
