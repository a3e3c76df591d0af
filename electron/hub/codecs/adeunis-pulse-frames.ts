import type { ByteReader } from './bytes';
import type { Fields } from './fields';
import { type AdeunisFrame, adeunisTimestamp, expectRemaining, reading } from './adeunis-frame';

/**
 * The PULSE's configuration, keep-alive and historic frames (`adeunis-pulse.ts` has the counters).
 * Two generations share frame codes: the PULSE (first codec, `pulse`) and the PULSE V4 (`pulse4`,
 * the vendor's current "Pulse" codec). Where their layouts differ the length tells them apart:
 * 0x10 is 22 bytes (PULSE) or 28 (V4), 0x12 is 6 or 10; the V4 may end 0x30 with a timestamp.
 */

const DEBOUNCE_MS = [0, 1, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
const PRODUCT_MODES = ['PARK', 'PRODUCTION', 'TEST', 'DEAD'];
const HISTORIC_MODES = ['noHistoric', 'historicLogEvery10min', 'historicLogEvery1h'];

function u16s(reader: ByteReader, count: number): number[] {
  return Array.from({ length: count }, () => reader.u16be());
}

function channel(name: string, bits: number, shift: number, debounce: number): Fields {
  return {
    name,
    state: (bits >> shift) & 0x01 ? 'enabled' : 'disabled',
    type: (bits >> shift) & 0x02 ? 'gasPullUpOn' : 'otherPullUpOff',
    debouncingPeriod: reading('ms', DEBOUNCE_MS[debounce] ?? 0),
  };
}

/** PULSE, 20 bytes after the status. */
function readConfiguration(reader: ByteReader, out: Fields): void {
  const mode = reader.u8();
  const test = mode === 2;
  const period = reader.u16be();
  const bits = reader.u8();
  const historic = reader.u8();
  const debounce = reader.u8();
  const flowPeriod = reader.u16be();
  const [overflowA, overflowB, thresholdA, thresholdB, dailyA, dailyB] = u16s(reader, 6);
  const a = { ...channel('channel A', bits, 0, debounce & 0x0f), tamperActivated: (bits & 0x08) !== 0 };
  const b = { ...channel('channel B', bits, 4, debounce >> 4), tamperActivated: (bits & 0x80) !== 0 };
  // Note: the vendor's parser tests byte 8 instead of the product mode for the transmission
  // period's unit; we read both periods in the unit of the product mode (byte 2).
  Object.assign(out, {
    productMode: PRODUCT_MODES[mode] ?? '',
    transmissionPeriod: test ? reading('s', period * 20) : reading('m', period),
    flowCalculationPeriod: test ? reading('s', flowPeriod * 20) : reading('m', flowPeriod),
    historicMode: HISTORIC_MODES[historic] ?? '',
    channels: [
      { ...a, leakageDetection: { overflowAlarmTriggerThreshold: overflowA, threshold: thresholdA, dailyPeriodsBelowWhichLeakageAlarmTriggered: dailyA } },
      { ...b, leakageDetection: { overflowAlarmTriggerThreshold: overflowB, threshold: thresholdB, dailyPeriodsBelowWhichLeakageAlarmTriggered: dailyB } },
    ],
  });
}

/** PULSE V4, 26 bytes after the status: sampling in 2 s steps, tamper detection per channel. */
function readConfigurationV4(reader: ByteReader, out: Fields): void {
  const mode = reader.u8();
  const historizations = reader.u16be();
  const bits = reader.u8();
  const samplingSteps = reader.u16be();
  const debounce = reader.u8();
  const flowPeriod = reader.u16be();
  const [overflowA, overflowB, thresholdA, thresholdB, dailyA, dailyB] = u16s(reader, 6);
  const tamper = (activated: boolean) => ({ activated, samplePeriodForDetection: reading('s', reader.u8() * 10), threshold: reader.u8() });
  const tamperA = tamper((bits & 0x08) !== 0);
  const tamperB = tamper((bits & 0x80) !== 0);
  Object.assign(out, {
    type: '0x10 Pulse 4 configuration',
    productMode: PRODUCT_MODES[mode] ?? '',
    numberOfHistorizationBeforeSending: historizations,
    samplingPeriod: reading('s', samplingSteps * 2),
    calculatedSendingPeriod: reading('s', historizations * samplingSteps * 2),
    flowCalculationPeriod: mode === 2 ? reading('s', flowPeriod * 20) : reading('m', flowPeriod),
    redundantSamples: reader.u8(),
    channels: [
      { ...channel('channel A', bits, 0, debounce & 0x0f), leakageDetection: { overflowAlarmTriggerThreshold: overflowA, threshold: thresholdA, dailyPeriodsBelowWhichLeakageAlarmTriggered: dailyA }, tamper: tamperA },
      { ...channel('channel B', bits, 4, debounce >> 4), leakageDetection: { overflowAlarmTriggerThreshold: overflowB, threshold: thresholdB, dailyPeriodsBelowWhichLeakageAlarmTriggered: dailyB }, tamper: tamperB },
    ],
  });
}

export const CONFIGURATION: AdeunisFrame = {
  type: '0x10 Pulse configuration',
  read(reader, out) {
    if (reader.remaining === 26) readConfigurationV4(reader, out);
    else {
      expectRemaining(reader, 20, 'configuration (20 octets, ou 26 pour la PULSE V4)');
      readConfiguration(reader, out);
    }
  },
};

export const LEAKAGE_THRESHOLDS: AdeunisFrame = {
  type: '0x11 Pulse configuration',
  read(reader, out) {
    expectRemaining(reader, 8, 'seuils de fuite');
    const [overflowA, overflowB, thresholdA, thresholdB] = u16s(reader, 4);
    out.channels = [
      { name: 'channel A', leakageDetection: { overflowAlarmTriggerThreshold: overflowA, threshold: thresholdA } },
      { name: 'channel B', leakageDetection: { overflowAlarmTriggerThreshold: overflowB, threshold: thresholdB } },
    ];
  },
};

export const LEAKAGE_PERIODS: AdeunisFrame = {
  type: '0x12 Pulse configuration',
  read(reader, out) {
    const v4 = reader.remaining === 8;
    if (!v4) expectRemaining(reader, 4, 'périodes de fuite (4 octets, ou 8 pour la PULSE V4)');
    const [dailyA, dailyB] = u16s(reader, 2);
    const a: Fields = { name: 'channel A', leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: dailyA } };
    const b: Fields = { name: 'channel B', leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: dailyB } };
    if (v4) {
      out.type = '0x12 Pulse 4 configuration';
      a.tamper = { samplePeriodForDetection: reading('s', reader.u8() * 10), threshold: reader.u8() };
      b.tamper = { samplePeriodForDetection: reading('s', reader.u8() * 10), threshold: reader.u8() };
    }
    out.channels = [a, b];
  },
};

/** Keep-alive: per channel, the flow alarm, the last 24 h flow minimum and maximum, tamper and leakage alarms. */
export const KEEP_ALIVE: AdeunisFrame = {
  type: '0x30 Pulse keep alive',
  read(reader, out, status) {
    const timestamped = (status & 0x04) !== 0 && reader.remaining === 13;
    expectRemaining(reader, timestamped ? 13 : 9, 'keep-alive');
    const alarms = reader.u8();
    const [maxA, maxB, minA, minB] = u16s(reader, 4);
    if (timestamped) {
      out.type = '0x30 Pulse 4 keep alive';
      out.timestamp = adeunisTimestamp(reader.u32be());
    }
    out.channels = [
      { name: 'channel A', flow: { alarm: (alarms & 0x01) !== 0, last24hMin: minA, last24hMax: maxA }, tamperAlarm: (alarms & 0x04) !== 0, leakageAlarm: (alarms & 0x10) !== 0 },
      { name: 'channel B', flow: { alarm: (alarms & 0x02) !== 0, last24hMin: minB, last24hMax: maxB }, tamperAlarm: (alarms & 0x08) !== 0, leakageAlarm: (alarms & 0x20) !== 0 },
    ];
  },
};

/** Where a historic frame's deltas start in time, from its index and length (vendor's table). */
function historicBase(frameIndex: number, length: number): number {
  if (length === 31 || length === 51) return [1, 11][frameIndex] ?? 0;
  if (length === 7 && (frameIndex === 2 || frameIndex === 12)) return 23;
  if (length === 7 && frameIndex === 3) return 5;
  if (length === 11) return [1, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23][frameIndex] ?? 0;
  return 0;
}

/** PULSE only: the day's consumption as deltas per period, the first frame with both indexes. */
export const HISTORIC: AdeunisFrame = {
  type: '0x48 Pulse historic data',
  read(reader, out) {
    const length = reader.offset + reader.remaining;
    const frameIndex = reader.u8();
    out.frameIndex = frameIndex;
    const channelA: Fields = { name: 'channel A' };
    const channelB: Fields = { name: 'channel B' };
    if (frameIndex === 0) {
      channelA.index = reader.u32be();
      channelB.index = reader.u32be();
    }
    const partial = reader.remaining % 4;
    if (partial !== 0) throw reader.fail('écarts historiques incomplets (4 octets par période)', reader.offset + reader.remaining - partial);
    const deltasA: number[] = [];
    const deltasB: number[] = [];
    while (!reader.done) {
      deltasA.push(reader.u16be());
      deltasB.push(reader.u16be());
    }
    if (deltasA.length > 0) {
      const base = historicBase(frameIndex, length);
      out.baseTime = base;
      out.decodingInfo = `deltaValues: [t=${base} to t=${base + 1}, t=${base + 1} to t=${base + 2}, ...]`;
      channelA.deltaValues = deltasA;
      channelB.deltaValues = deltasB;
    }
    out.channels = [channelA, channelB];
  },
};
