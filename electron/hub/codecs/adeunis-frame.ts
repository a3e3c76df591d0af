import { ByteReader, ByteWriter } from './bytes';
import { type Fields, numberField } from './fields';
import { hex } from './milesight-tlv';

/**
 * What every Adeunis LoRaWAN frame shares, from Adeunis' technical reference manuals and their
 * published codec (`decodeUplink` bundles in TheThingsNetwork/lorawan-devices, vendor/adeunis;
 * the typed sources in sln-nc/adeunis-codecs-lib): byte 0 is the frame code, byte 1 the status
 * byte, multi-byte values are big-endian. The vendor's decoder returns
 * `{ type: '0x46 Pulse data', status: {…}, …}` with readings as `{ unit, value }` or
 * `{ unit, values: [t=0, t-1, …] }`; we return the same shape so that an object a network server
 * decoded with it normalises like our own decoding.
 */

/**
 * Frame parsers keyed by frame code; `read` starts after the status byte. `type` is the vendor
 * decoder's name for the frame; `read` may rename it when the frame turns out to be another
 * generation's layout of the same code.
 */
export interface AdeunisFrame {
  readonly type: string;
  read(reader: ByteReader, out: Fields, status: number): void;
}

/** Adeunis timestamps count seconds from 2013-01-01T00:00:00Z. */
const ADEUNIS_EPOCH_S = 1356998400;

/** The vendor's rendering: ISO 8601 without the trailing `Z` (the clock is UTC). */
export function adeunisTimestamp(seconds: number): string {
  return new Date((seconds + ADEUNIS_EPOCH_S) * 1000).toJSON().replace('Z', '');
}

export function adeunisSeconds(timestamp: string): number {
  const ms = Date.parse(`${timestamp}Z`);
  if (!Number.isFinite(ms)) throw new TypeError(`timestamp : date ISO attendue, reçu ${JSON.stringify(timestamp)}`);
  return Math.round(ms / 1000) - ADEUNIS_EPOCH_S;
}

/** Status bits every Adeunis product shares: a 3-bit frame counter, low battery, configuration done. */
export function commonStatus(status: number): Fields {
  return {
    frameCounter: (status & 0xe0) >> 5,
    lowBattery: (status & 0x02) !== 0,
    configurationDone: (status & 0x01) !== 0,
  };
}

/**
 * The status of the products whose bit 2 is no hardware-error flag (COMFORT CO2, TIC): their
 * vendor codec reports `hardwareError` as always false, and bit 3 flags a configuration
 * inconsistency. Field order is the vendor codec's.
 */
export function statusWithoutHardwareError(status: number): Fields {
  const common = commonStatus(status);
  return {
    frameCounter: common.frameCounter,
    hardwareError: false,
    lowBattery: common.lowBattery,
    configurationDone: common.configurationDone,
    configurationInconsistency: (status & 0x08) !== 0,
  };
}

/** Decodes one frame: code, status, then the frame's own parser; nothing may be left over. */
export function decodeAdeunisFrame(
  model: string,
  fPort: number,
  bytes: Uint8Array,
  frames: ReadonlyMap<number, AdeunisFrame>,
  readStatus: (status: number, code: number, length: number) => Fields,
): Fields {
  const reader = new ByteReader(model, fPort, bytes);
  if (bytes.length === 0) throw reader.fail('trame vide', 0);
  const code = reader.u8();
  const frame = frames.get(code);
  if (frame === undefined) throw reader.fail(`trame de code ${hex(code)} non prise en charge pour ce modèle`, 0);
  if (reader.done) throw reader.fail('octet de statut absent', 1);
  const status = reader.u8();
  const out: Fields = { type: frame.type, status: readStatus(status, code, bytes.length) };
  frame.read(reader, out, status);
  if (!reader.done) throw reader.fail(`${reader.remaining} octet(s) en trop pour la trame ${hex(code)}`);
  return out;
}

/** Fails unless exactly `count` bytes are left (a frame of fixed length). */
export function expectRemaining(reader: ByteReader, count: number, what: string): void {
  if (reader.remaining < count) reader.take(count);
  if (reader.remaining > count) throw reader.fail(`${what} : ${count} octet(s) attendu(s), ${reader.remaining} reçu(s)`, reader.offset + count);
}

/** `{ unit, value }` as the vendor's decoder writes a reading. */
export function reading(unit: string, value: number | string): { unit: string; value: number | string } {
  return { unit, value };
}

/**
 * A reading from decoded fields, whether the vendor's `{ unit, value }` shape or a bare number
 * (what a simulator passes); anything else is undefined.
 */
export function readingValue(fields: Fields, name: string): number | undefined {
  const value = fields[name];
  if (typeof value === 'object' && value !== null && 'value' in value) return numberField({ value: value.value }, 'value');
  return numberField(fields, name);
}

/** The first (most recent, t=0) of the vendor's `{ unit, values: [...] }`, or a bare number. */
export function latestValue(fields: Fields, name: string): number | undefined {
  const value = fields[name];
  if (typeof value === 'object' && value !== null && 'values' in value && Array.isArray(value.values)) {
    return numberField({ first: value.values[0] }, 'first');
  }
  return numberField(fields, name);
}

/** A nested object of decoded fields (`status`, `alarmCo2`…), copied; anything else is undefined. */
export function nestedFields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined;
}

/** The vendor's decodeUplink wraps its result as `{ bytes: {...} }`; accept either form. */
export function unwrapVendorObject(object: Record<string, unknown>): Fields {
  const inner = object.bytes;
  if (typeof object.type !== 'string' && typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
    return { ...inner };
  }
  return object;
}

/** Device side: the status byte from `status.frameCounter`, `status.lowBattery`, … (all optional). */
export function writeStatus(writer: ByteWriter, fields: Fields, extraBits: Record<string, number> = {}): void {
  const status = nestedFields(fields.status) ?? {};
  const counter = numberField(status, 'frameCounter') ?? 0;
  if (!Number.isInteger(counter) || counter < 0 || counter > 7) throw new RangeError('status.frameCounter : entier de 0 à 7 attendu');
  let byte = counter << 5;
  const bits: Record<string, number> = { lowBattery: 0x02, configurationDone: 0x01, ...extraBits };
  for (const [name, bit] of Object.entries(bits)) if (status[name] === true) byte |= bit;
  writer.u8(byte);
}
