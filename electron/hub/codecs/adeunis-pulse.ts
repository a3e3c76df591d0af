import type { ByteReader } from './bytes';
import { ByteWriter } from './bytes';
import { type Fields, ObservationList, numberField, stringField } from './fields';
import {
  type AdeunisFrame,
  adeunisSeconds,
  adeunisTimestamp,
  commonStatus,
  decodeAdeunisFrame,
  nestedFields,
  unwrapVendorObject,
  writeStatus,
} from './adeunis-frame';
import { SET_REGISTER_STATUS, networkConfigurationFrame } from './adeunis-generic-frames';
import { CONFIGURATION, HISTORIC, KEEP_ALIVE, LEAKAGE_PERIODS, LEAKAGE_THRESHOLDS } from './adeunis-pulse-frames';
import type { DecodedUplink, DeviceCodec } from './types';

/**
 * Adeunis PULSE, a two-channel pulse counter on water, gas or electricity meters, first
 * generation and V4 (the one sold today). Written from Adeunis' PULSE / PULSE V4 user guides and
 * its codec: the first generation's `pulse` parsers (spec vectors in sln-nc/adeunis-codecs-lib
 * src/products/pulse) and the V4's `pulse4` codec, which is the vendor's "Pulse" codec in
 * TheThingsNetwork/lorawan-devices (vendor/adeunis/pulse_lib.js, example in pulse-codec.yaml).
 *
 * Frames: 0x46 both indexes, 0x47 flow alarm, 0x30 keep-alive, 0x10/0x11/0x12 configuration, 0x20
 * network; PULSE only: 0x48 historic deltas; V4 only: 0x5a / 0x5b one channel's index and its
 * earlier values, 0x33 set-register reply. Status bit 2 is a hardware error on the first PULSE;
 * on the V4 it says a 4-byte timestamp ends the frame (always on 0x5a/0x5b; on 0x46, 0x47 and
 * 0x30 the frame is then 4 bytes longer, which is how the two are told apart).
 */

const MODEL = 'adeunis-pulse';
/** Adeunis LoRaWAN products send their frames on port 1. */
const ADEUNIS_FPORT = 1;
const BOTH_INDEXES = 0x46;
const CHANNEL_A = 0x5a;
const CHANNEL_B = 0x5b;
const TIMESTAMP_BIT = 0x04;
/** Frame lengths without a timestamp, for the frames both generations send. */
const PLAIN_LENGTHS: ReadonlyMap<number, number> = new Map([
  [BOTH_INDEXES, 10],
  [0x47, 6],
  [0x30, 11],
]);

function timestamped(status: number, code: number, length: number): boolean {
  if ((status & TIMESTAMP_BIT) === 0) return false;
  if (code === CHANNEL_A || code === CHANNEL_B) return true;
  const plain = PLAIN_LENGTHS.get(code);
  return plain !== undefined && length === plain + 4;
}

/**
 * The first PULSE's status (`hardwareError` from bit 2) and the V4's (`timestamp` from bit 2),
 * together: bit 2 is whichever the frame shows it to be.
 */
function pulseStatus(status: number, code: number, length: number): Fields {
  const withTimestamp = timestamped(status, code, length);
  const common = commonStatus(status);
  return {
    frameCounter: common.frameCounter,
    hardwareError: (status & TIMESTAMP_BIT) !== 0 && !withTimestamp,
    lowBattery: common.lowBattery,
    configurationDone: common.configurationDone,
    timestamp: withTimestamp,
  };
}

/** Reads the trailing timestamp when the status announces one and the frame carries it. */
function readTimestamp(reader: ByteReader, out: Fields, status: number, plainBytes: number): void {
  if ((status & TIMESTAMP_BIT) !== 0 && reader.remaining === 4) out.timestamp = adeunisTimestamp(reader.u32be());
  else if (reader.remaining !== 0) throw reader.fail(`${reader.remaining} octet(s) en trop après ${plainBytes} octets de mesures`);
}

const INDEXES: AdeunisFrame = {
  type: '0x46 Pulse data',
  read(reader, out, status) {
    if (reader.remaining < 8) reader.take(8);
    out.decodingInfo = 'counterValues: [Channel A, Channel B]';
    out.counterValues = [reader.u32be(), reader.u32be()];
    readTimestamp(reader, out, status, 8);
    if (out.timestamp !== undefined) out.type = '0x46 Pulse 4 data';
  },
};

const FLOW_ALARM: AdeunisFrame = {
  type: '0x47 Pulse alarm',
  read(reader, out, status) {
    if (reader.remaining < 4) reader.take(4);
    out.decodingInfo = 'flowValues: [Channel A, Channel B]';
    out.flowValues = [reader.u16be(), reader.u16be()];
    readTimestamp(reader, out, status, 4);
    if (out.timestamp !== undefined) out.type = '0x47 Pulse 4 alarm';
  },
};

/** V4: a channel's index now, then the consumption of each earlier period (u16 deltas). */
function channelIndexFrame(code: number, channel: 'A' | 'B'): AdeunisFrame {
  return {
    type: `0x${code.toString(16)} Pulse 4 data - channel ${channel}`,
    read(reader, out, status) {
      const withTimestamp = (status & TIMESTAMP_BIT) !== 0;
      const minimum = 4 + (withTimestamp ? 4 : 0);
      if (reader.remaining < minimum) reader.take(minimum);
      const deltaBytes = reader.remaining - 4 - (withTimestamp ? 4 : 0);
      if (deltaBytes % 2 !== 0) throw reader.fail('écart de consommation incomplet (2 octets chacun)', reader.offset + 4 + deltaBytes - 1);
      let index = reader.u32be();
      const values = [index];
      for (let i = 0; i < deltaBytes / 2; i++) {
        index -= reader.u16be();
        values.push(index);
      }
      if (withTimestamp) out.timestamp = adeunisTimestamp(reader.u32be());
      out.decodingInfo = 'counterValues: [t=0, t-1, t-2, ...]';
      out.counterValues = values;
    },
  };
}

const FRAMES: ReadonlyMap<number, AdeunisFrame> = new Map([
  [0x10, CONFIGURATION],
  [0x11, LEAKAGE_THRESHOLDS],
  [0x12, LEAKAGE_PERIODS],
  [0x20, networkConfigurationFrame(false)],
  [0x30, KEEP_ALIVE],
  [0x33, SET_REGISTER_STATUS],
  [BOTH_INDEXES, INDEXES],
  [0x47, FLOW_ALARM],
  [0x48, HISTORIC],
  [CHANNEL_A, channelIndexFrame(CHANNEL_A, 'A')],
  [CHANNEL_B, channelIndexFrame(CHANNEL_B, 'B')],
]);

/**
 * Channel A's current index is the meter's pulse count (0x46, or 0x5a's first value). Channel B
 * (a second meter on the same transmitter) has no metric of its own: it stays in `fields`.
 */
function observe(fields: Fields) {
  const list = new ObservationList(fields);
  const type = stringField(fields, 'type') ?? '';
  const counters = fields.counterValues;
  if ((type.startsWith('0x46 ') || type.startsWith('0x5a ')) && Array.isArray(counters)) {
    const channelA = numberField({ a: counters[0] }, 'a');
    if (channelA !== undefined) list.push('pulseCount', channelA);
  }
  return list.items;
}

/**
 * Device side: 0x46 from `counterValues` [A, B] (B defaults to 0), or, when `type` names a V4
 * 0x5a / 0x5b frame, that channel's `counterValues` [t=0, t-1, …]; `timestamp` (ISO, UTC) is
 * appended when given, with status bit 2.
 */
function encodeUplink(fields: Record<string, unknown>) {
  const counters = fields.counterValues;
  if (!Array.isArray(counters) || counters.length === 0 || !counters.every((v): v is number => typeof v === 'number')) {
    throw new TypeError('counterValues : liste d’index attendue');
  }
  const type = stringField(fields, 'type') ?? '';
  const code = type.startsWith('0x5a') ? CHANNEL_A : type.startsWith('0x5b') ? CHANNEL_B : BOTH_INDEXES;
  const timestamp = stringField(fields, 'timestamp');
  const writer = new ByteWriter().u8(code);
  const status = { ...nestedFields(fields.status), timestamp: timestamp !== undefined };
  writeStatus(writer, { status }, { hardwareError: TIMESTAMP_BIT, timestamp: TIMESTAMP_BIT });
  if (code === BOTH_INDEXES) writer.u32be(counters[0] ?? 0, 'counterValues[0]').u32be(counters[1] ?? 0, 'counterValues[1]');
  else {
    writer.u32be(counters[0] ?? 0, 'counterValues[0]');
    counters.slice(1).forEach((value, i) => writer.u16be((counters[i] ?? 0) - value, `counterValues[${i + 1}]`));
  }
  if (timestamp !== undefined) writer.u32be(adeunisSeconds(timestamp), 'timestamp');
  return { fPort: ADEUNIS_FPORT, bytes: writer.toBytes() };
}

function decode(fields: Fields): DecodedUplink {
  return { fields, observations: observe(fields) };
}

export const adeunisPulse: DeviceCodec = {
  model: MODEL,
  vendor: 'Adeunis',
  description: "Compteur d'impulsions deux voies PULSE / PULSE V4 (index de compteurs d'eau, de gaz ou d'électricité)",
  decodeUplink: (fPort, bytes) => decode(decodeAdeunisFrame(MODEL, fPort, bytes, FRAMES, pulseStatus)),
  normaliseObject: (object) => decode(unwrapVendorObject(object)),
  encodeUplink,
};
