import type { ByteReader } from './bytes';
import { ByteWriter } from './bytes';
import { type Fields, ObservationList, stringField } from './fields';
import { type AdeunisFrame, statusWithoutHardwareError, decodeAdeunisFrame, expectRemaining, reading, readingValue, unwrapVendorObject, writeStatus } from './adeunis-frame';
import { networkConfigurationFrame } from './adeunis-generic-frames';
import type { DecodedUplink, DeviceCodec } from './types';

/**
 * Adeunis TIC CBE/LINKY MONO: reads the "télé-information client" of a single-phase electronic
 * (CBE) or Linky meter in historic mode and reports its labels. Written from Adeunis' TIC
 * technical reference and its codec for `ticCbeLinkyMono` (TheThingsNetwork/lorawan-devices,
 * vendor/adeunis/tic_cbe_linky_mono_lib.js and tic-cbe-linky-mono-codec.yaml; spec vectors in
 * sln-nc/adeunis-codecs-lib src/products/tic). Frames: 0x49 TIC data (50 bytes), 0x4a TIC alarm,
 * 0x20 network configuration, 0x30 keep-alive. Labels keep Enedis' names: ADCO (meter address),
 * OPTARIF (tariff option), BASE / HCHC / HCHP (energy indexes, Wh), ISOUSC (subscribed current),
 * IINST / IMAX (instantaneous and maximum current), PAPP (apparent power, VA), PTEC (current
 * tariff period). A label the meter did not give comes as `<label>status: 'notFound'`.
 */

const MODEL = 'adeunis-tic-cbe-linky-mono';
const ADEUNIS_FPORT = 1;
const DATA = 0x49;
/** What the transmitter puts in a numeric label the meter did not send. */
const NOT_FOUND = 0x80000000;

/** Note: this product's codec reports `hardwareError` as always false (bit 2 is not used). */
function ticStatus(status: number): Fields {
  return {
    ...statusWithoutHardwareError(status),
    readError: (status & 0x10) !== 0,
  };
}

/** ASCII with NUL padding, as the transmitter copies a TIC label's value. */
function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.filter((b) => b !== 0));
}

function readText(reader: ByteReader, out: Fields, label: string, length: number): void {
  const text = ascii(reader.take(length));
  if (text.length > 0) out[label] = text;
  else out[`${label}status`] = 'notFound';
}

function readNumber(reader: ByteReader, out: Fields, label: string, unit: string): void {
  const value = reader.u32be();
  if (value !== NOT_FOUND) out[label] = reading(unit, value);
  else out[`${label}status`] = 'notFound';
}

/** The 0x49 layout for a single-phase CBE/Linky in historic mode: [label, bytes or unit]. */
const DATA_LAYOUT: readonly (readonly [string, number | string])[] = [
  ['ADCO', 12],
  ['OPTARIF', 4],
  ['BASE', 'Wh'],
  ['ISOUSC', 'A'],
  ['IINST', 'A'],
  ['IMAX', 'A'],
  ['PAPP', 'VA'],
  ['HCHC', 'Wh'],
  ['HCHP', 'Wh'],
  ['PTEC', 4],
];

const TIC_DATA: AdeunisFrame = {
  type: '0x49 TIC data',
  read(reader, out) {
    expectRemaining(reader, 48, 'données TIC');
    for (const [label, format] of DATA_LAYOUT) {
      if (typeof format === 'number') readText(reader, out, label, format);
      else readNumber(reader, out, label, format);
    }
  },
};

const ALARM_TYPES = ['manualTrigger', 'labelAppearance', 'labelDisappearance', 'highTreshold', 'lowTreshold', 'endThresholdAlarm', 'deltaPositive', 'deltaNegative'];

const TIC_ALARM: AdeunisFrame = {
  type: '0x4a TIC alarm',
  read(reader, out) {
    const label = ascii(reader.take(10));
    const alarmType = reader.u8();
    const value = ascii(reader.take(reader.remaining));
    // The vendor's spelling ("Treshold") is kept: it is what its decoder emits.
    Object.assign(out, { label: label || 'notFound', alarmType: ALARM_TYPES[alarmType] ?? '', value: value || 'notFound' });
  },
};

const NETWORK_CONFIGURATION = networkConfigurationFrame(true);

const KEEP_ALIVE: AdeunisFrame = { type: '0x30 Keep alive', read: () => undefined };

const FRAMES: ReadonlyMap<number, AdeunisFrame> = new Map([
  [0x20, NETWORK_CONFIGURATION],
  [0x30, KEEP_ALIVE],
  [DATA, TIC_DATA],
  [0x4a, TIC_ALARM],
]);

/**
 * The energy index is BASE for the base option, else HCHC + HCHP (off-peak + peak) for the
 * "heures creuses" option. IMAX, the per-period indexes and the text labels (ADCO, OPTARIF,
 * PTEC) have no metric of their own and stay in `fields`.
 */
function observe(fields: Fields) {
  const list = new ObservationList(fields);
  const base = readingValue(fields, 'BASE');
  const offPeak = readingValue(fields, 'HCHC');
  const peak = readingValue(fields, 'HCHP');
  if (base !== undefined) list.push('energyIndexWh', base);
  else if (offPeak !== undefined && peak !== undefined) list.push('energyIndexWh', offPeak + peak);
  for (const [metric, label] of [['subscribedCurrentA', 'ISOUSC'], ['currentA', 'IINST'], ['apparentPowerVA', 'PAPP']] as const) {
    const value = readingValue(fields, label);
    if (value !== undefined) list.push(metric, value);
  }
  return list.items;
}

/**
 * Device side: the 0x49 frame. Labels take the decoder's shapes (`{ unit, value }`) or bare
 * numbers; a label left out is sent as "not found", as the transmitter does.
 */
function encodeUplink(fields: Record<string, unknown>) {
  const writer = new ByteWriter().u8(DATA);
  writeStatus(writer, fields, { configurationInconsistency: 0x08, readError: 0x10 });
  for (const [label, format] of DATA_LAYOUT) {
    if (typeof format === 'number') writeText(writer, stringField(fields, label) ?? '', label, format);
    else writer.u32be(readingValue(fields, label) ?? NOT_FOUND, label);
  }
  return { fPort: ADEUNIS_FPORT, bytes: writer.toBytes() };
}

function writeText(writer: ByteWriter, text: string, label: string, length: number): void {
  if (text.length > length || !/^[\x20-\x7e]*$/.test(text)) throw new RangeError(`${label} : au plus ${length} caractères ASCII`);
  for (let i = 0; i < length; i++) writer.u8(text.charCodeAt(i) || 0);
}

function decode(fields: Fields): DecodedUplink {
  return { fields, observations: observe(fields) };
}

export const adeunisTicCbeLinkyMono: DeviceCodec = {
  model: MODEL,
  vendor: 'Adeunis',
  description: 'Transmetteur TIC pour compteur électrique monophasé CBE ou Linky en mode historique (index, intensités, puissance apparente)',
  decodeUplink: (fPort, bytes) => decode(decodeAdeunisFrame(MODEL, fPort, bytes, FRAMES, ticStatus)),
  normaliseObject: (object) => decode(unwrapVendorObject(object)),
  encodeUplink,
};
