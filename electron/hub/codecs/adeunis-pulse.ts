import { ByteWriter } from './bytes';
import { type Fields, ObservationList, numberField } from './fields';
import {
  type AdeunisFrame,
  commonStatus,
  decodeAdeunisFrame,
  expectRemaining,
  reading,
  unwrapVendorObject,
  writeStatus,
} from './adeunis-frame';
import { networkConfigurationFrame } from './adeunis-generic-frames';
import type { DecodedUplink, DeviceCodec } from './types';

/**
 * Adeunis PULSE (LoRaWAN), a two-channel pulse counter on water, gas or electricity meters.
 * Written from Adeunis' PULSE technical reference and its codec's `pulse` parsers (Adeunis codec
 * bundle, e.g. TheThingsNetwork/lorawan-devices vendor/adeunis; sln-nc/adeunis-codecs-lib
 * src/products/pulse with its spec vectors). Frames: 0x46 counter indexes, 0x47 flow alarm,
 * 0x48 historic deltas, 0x30 keep-alive, 0x10/0x11/0x12 configuration (LoRa layout), 0x20 network
 * configuration. The status byte is the generic one (bit 2: hardware error).
 */

const MODEL = 'adeunis-pulse';
/** Adeunis LoRaWAN products send their frames on port 1. */
const ADEUNIS_FPORT = 1;
const DATA = 0x46;

function pulseStatus(status: number): Fields {
  const common = commonStatus(status);
  return { frameCounter: common.frameCounter, hardwareError: (status & 0x04) !== 0, lowBattery: common.lowBattery, configurationDone: common.configurationDone };
}

const DEBOUNCE_MS = [0, 1, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
const PRODUCT_MODES = ['PARK', 'PRODUCTION', 'TEST', 'DEAD'];
const HISTORIC_MODES = ['noHistoric', 'historicLogEvery10min', 'historicLogEvery1h'];

const CONFIGURATION: AdeunisFrame = {
  type: '0x10 Pulse configuration',
  read(reader, out) {
    expectRemaining(reader, 20, 'configuration LoRa');
    const mode = reader.u8();
    const test = mode === 2;
    const period = reader.u16be();
    const channels = reader.u8();
    const historic = reader.u8();
    const debounce = reader.u8();
    const flowPeriod = reader.u16be();
    const [overflowA, overflowB, thresholdA, thresholdB, dailyA, dailyB] = [1, 2, 3, 4, 5, 6].map(() => reader.u16be());
    // Note: the vendor's parser tests byte 8 instead of the product mode for the transmission
    // period's unit; we read both periods in the unit of the product mode (byte 2).
    Object.assign(out, {
      productMode: PRODUCT_MODES[mode] ?? '',
      transmissionPeriod: test ? reading('s', period * 20) : reading('m', period),
      flowCalculationPeriod: test ? reading('s', flowPeriod * 20) : reading('m', flowPeriod),
      historicMode: HISTORIC_MODES[historic] ?? '',
      channels: [
        channelConfiguration('channel A', channels, debounce & 0x0f, [overflowA, thresholdA, dailyA], 0),
        channelConfiguration('channel B', channels, debounce >> 4, [overflowB, thresholdB, dailyB], 4),
      ],
    });
  },
};

function channelConfiguration(name: string, bits: number, debounce: number, leakage: (number | undefined)[], shift: number): Fields {
  const [overflowAlarmTriggerThreshold, threshold, dailyPeriodsBelowWhichLeakageAlarmTriggered] = leakage;
  return {
    name,
    state: (bits >> shift) & 0x01 ? 'enabled' : 'disabled',
    type: (bits >> shift) & 0x02 ? 'gasPullUpOn' : 'otherPullUpOff',
    tamperActivated: ((bits >> shift) & 0x08) !== 0,
    debouncingPeriod: reading('ms', DEBOUNCE_MS[debounce] ?? 0),
    leakageDetection: { overflowAlarmTriggerThreshold, threshold, dailyPeriodsBelowWhichLeakageAlarmTriggered },
  };
}

const LEAKAGE_THRESHOLDS: AdeunisFrame = {
  type: '0x11 Pulse configuration',
  read(reader, out) {
    expectRemaining(reader, 8, 'seuils de fuite');
    const [overflowA, overflowB, thresholdA, thresholdB] = [1, 2, 3, 4].map(() => reader.u16be());
    out.channels = [
      { name: 'channel A', leakageDetection: { overflowAlarmTriggerThreshold: overflowA, threshold: thresholdA } },
      { name: 'channel B', leakageDetection: { overflowAlarmTriggerThreshold: overflowB, threshold: thresholdB } },
    ];
  },
};

const LEAKAGE_PERIODS: AdeunisFrame = {
  type: '0x12 Pulse configuration',
  read(reader, out) {
    expectRemaining(reader, 4, 'périodes de fuite');
    out.channels = [
      { name: 'channel A', leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: reader.u16be() } },
      { name: 'channel B', leakageDetection: { dailyPeriodsBelowWhichLeakageAlarmTriggered: reader.u16be() } },
    ];
  },
};

const NETWORK_CONFIGURATION = networkConfigurationFrame(false);

const KEEP_ALIVE: AdeunisFrame = {
  type: '0x30 Pulse keep alive',
  read(reader, out) {
    expectRemaining(reader, 9, 'keep-alive');
    const alarms = reader.u8();
    const [maxA, maxB, minA, minB] = [1, 2, 3, 4].map(() => reader.u16be());
    out.channels = [
      { name: 'channel A', flow: { alarm: (alarms & 0x01) !== 0, last24hMin: minA, last24hMax: maxA }, tamperAlarm: (alarms & 0x04) !== 0, leakageAlarm: (alarms & 0x10) !== 0 },
      { name: 'channel B', flow: { alarm: (alarms & 0x02) !== 0, last24hMin: minB, last24hMax: maxB }, tamperAlarm: (alarms & 0x08) !== 0, leakageAlarm: (alarms & 0x20) !== 0 },
    ];
  },
};

const COUNTERS: AdeunisFrame = {
  type: '0x46 Pulse data',
  read(reader, out) {
    expectRemaining(reader, 8, 'index des compteurs');
    out.decodingInfo = 'counterValues: [Channel A, Channel B]';
    out.counterValues = [reader.u32be(), reader.u32be()];
  },
};

const FLOW_ALARM: AdeunisFrame = {
  type: '0x47 Pulse alarm',
  read(reader, out) {
    expectRemaining(reader, 4, 'alarme de débit');
    out.decodingInfo = 'flowValues: [Channel A, Channel B]';
    out.flowValues = [reader.u16be(), reader.u16be()];
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

const HISTORIC: AdeunisFrame = {
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
    if (reader.remaining % 4 !== 0) throw reader.fail('écarts historiques incomplets (4 octets par période)', reader.offset + reader.remaining - (reader.remaining % 4));
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

const FRAMES: ReadonlyMap<number, AdeunisFrame> = new Map([
  [0x10, CONFIGURATION],
  [0x11, LEAKAGE_THRESHOLDS],
  [0x12, LEAKAGE_PERIODS],
  [0x20, NETWORK_CONFIGURATION],
  [0x30, KEEP_ALIVE],
  [DATA, COUNTERS],
  [0x47, FLOW_ALARM],
  [0x48, HISTORIC],
]);

/**
 * Channel A's index is the meter's pulse count. Channel B (a second meter on the same
 * transmitter) has no metric of its own: it stays in `fields.counterValues[1]`.
 */
function observe(fields: Fields) {
  const list = new ObservationList(fields);
  const counters = fields.counterValues;
  if (fields.type === COUNTERS.type && Array.isArray(counters)) {
    const channelA = numberField({ a: counters[0] }, 'a');
    if (channelA !== undefined) list.push('pulseCount', channelA);
  }
  return list.items;
}

/** Device side: the 0x46 frame for `counterValues` [A, B] (B defaults to 0) and `status`. */
function encodeUplink(fields: Record<string, unknown>) {
  const counters = fields.counterValues;
  if (!Array.isArray(counters) || typeof counters[0] !== 'number') throw new TypeError('counterValues : [index A, index B] attendu');
  const writer = new ByteWriter().u8(DATA);
  writeStatus(writer, fields, { hardwareError: 0x04 });
  writer.u32be(counters[0], 'counterValues[0]').u32be(typeof counters[1] === 'number' ? counters[1] : 0, 'counterValues[1]');
  return { fPort: ADEUNIS_FPORT, bytes: writer.toBytes() };
}

function decode(fields: Fields): DecodedUplink {
  return { fields, observations: observe(fields) };
}

export const adeunisPulse: DeviceCodec = {
  model: MODEL,
  vendor: 'Adeunis',
  description: "Compteur d'impulsions deux voies (index de compteurs d'eau, de gaz ou d'électricité)",
  decodeUplink: (fPort, bytes) => decode(decodeAdeunisFrame(MODEL, fPort, bytes, FRAMES, pulseStatus)),
  normaliseObject: (object) => decode(unwrapVendorObject(object)),
  encodeUplink,
};

