import { ByteReader, ByteWriter } from './bytes';
import { type Fields, ObservationList, booleanField, numberField, requireNumber, roundTo } from './fields';
import { hex } from './milesight-tlv';
import { measure } from './vendor-measure';
import type { DecodedUplink, DeviceCodec } from './types';

/**
 * Dingtek DF702 / DF703 waste-bin sensors share one LoRaWAN frame (Dingtek "DF702&DF703 Waste Bin
 * Sensor Protocol_LoRaWAN" V2.8; byte positions and examples from the vendor's own decoders,
 * cndingtek/Chirpstack_codec and TheThingsNetwork/lorawan-devices vendor/dingtek/df702|df703):
 *
 *   80 · forced bit · device type · data type · length · … · 81     (FPort 3, big endian)
 *
 * Data frames (17 bytes, 25 with GPS): level (u16, mm from the sensor to the waste) · GPS flag ·
 * [longitude, latitude: float32 LE] · temperature (°C) · angle sign · angle (°) · full|fire nibbles ·
 * fall|low-battery nibbles · frame counter (u16) · reserved. Parameter frames (data type 03, 25
 * bytes) carry the firmware and the thresholds. The two models differ only in the names their
 * vendor decoders give the fields, hence `DingtekNames`.
 */

export const DINGTEK_FPORT = 3;
const HEADER = 0x80;
const TAIL = 0x81;
const PARAMETER_TYPE = 0x03;
const SHORT_FRAME = 17;
const GPS_FRAME = 25;

/** The field names one model's vendor decoder uses (DF702: `full`, DF703: `alarmLevel`…). */
export interface DingtekNames {
  level: string;
  full: string;
  fire: string;
  tilt: string;
  lowBattery: string;
  /** Parameter frame: byte 7 (h), 8 (min), 9 (cm), 10 (°C), 11 (°), 12 (flag). */
  parameters: readonly [string, string, string, string, string, string];
  /** Parameter frame extras that only one vendor decoder reads (byte 13 range, byte 14 mode). */
  extraParameters(frame: Uint8Array): Fields;
}

function decodeFrame(model: string, names: DingtekNames, fPort: number, bytes: Uint8Array): Fields {
  const reader = new ByteReader(model, fPort, bytes);
  if (fPort !== DINGTEK_FPORT) throw reader.fail(`port ${fPort} inattendu : ce capteur émet sur le port ${DINGTEK_FPORT}`, 0);
  if (reader.u8() !== HEADER) throw reader.fail(`en-tête ${hex(bytes[0] ?? 0)} au lieu de 0x80`, 0);
  reader.take(2); // forced bit, device type
  const dataType = reader.u8();
  const lengthAt = reader.offset;
  const length = reader.u8();
  if (length !== bytes.length) {
    throw reader.fail(`longueur annoncée ${length} octets, trame de ${bytes.length} octets`, lengthAt);
  }
  if (length !== SHORT_FRAME && length !== GPS_FRAME) throw reader.fail(`longueur ${length} inconnue (17 ou 25 octets)`, lengthAt);
  if (bytes[length - 1] !== TAIL) throw reader.fail(`fin de trame ${hex(bytes[length - 1] ?? 0)} au lieu de 0x81`, length - 1);
  if (dataType === PARAMETER_TYPE) {
    if (length !== GPS_FRAME) throw reader.fail('trame de paramètres de 25 octets attendue', lengthAt);
    return decodeParameters(reader, names, bytes);
  }
  const out: Fields = { [names.level]: reader.u16be() };
  reader.u8(); // GPS flag: the frame length already says whether coordinates follow
  if (length === GPS_FRAME) {
    out.longitude = float32le(reader.take(4));
    out.latitude = float32le(reader.take(4));
  }
  out.temperature = reader.i8();
  const sign = reader.u8();
  const angle = reader.u8();
  out.angle = sign === 0 ? angle : -angle;
  const alarms = reader.u8();
  const faults = reader.u8();
  out[names.full] = alarms >> 4 !== 0;
  out[names.fire] = (alarms & 0x0f) !== 0;
  out[names.tilt] = faults >> 4 !== 0;
  out[names.lowBattery] = (faults & 0x0f) !== 0;
  out.frameCounter = reader.u16be();
  return out;
}

function decodeParameters(reader: ByteReader, names: DingtekNames, bytes: Uint8Array): Fields {
  const major = reader.u8();
  const out: Fields = { firmware: `${major}.${reader.u8()}` };
  const [upload, detect, full, fire, tilt, tiltEnable] = names.parameters;
  out[upload] = reader.u8();
  out[detect] = reader.u8();
  out[full] = reader.u8();
  out[fire] = reader.u8();
  out[tilt] = reader.u8();
  out[tiltEnable] = reader.u8() !== 0;
  return { ...out, ...names.extraParameters(bytes) };
}

function float32le(bytes: Uint8Array): number {
  return roundTo(new DataView(bytes.buffer, bytes.byteOffset, 4).getFloat32(0, true), 6);
}

function observe(names: DingtekNames, fields: Fields) {
  const list = new ObservationList(fields);
  const level = measure(fields, names.level);
  if (level !== undefined) list.push('distanceMm', level);
  const temperature = measure(fields, 'temperature');
  if (temperature !== undefined) list.push('temperatureC', temperature);
  return list.boolean('fullAlarm', names.full).boolean('fireAlarm', names.fire).boolean('tilted', names.tilt).items;
}

/** Device side: a heartbeat (data type 01), with coordinates when `longitude` and `latitude` are given. */
function encodeHeartbeat(names: DingtekNames, fields: Fields): Uint8Array {
  const gps = fields.longitude !== undefined || fields.latitude !== undefined;
  const flag = (name: string) => (booleanField(fields, name) ? 1 : 0);
  const angle = numberField(fields, 'angle') ?? 0;
  const writer = new ByteWriter()
    .u8(HEADER)
    .u8(0x00)
    .u8(0x01)
    .u8(0x01)
    .u8(gps ? GPS_FRAME : SHORT_FRAME)
    .u16be(requireNumber(fields, names.level), names.level)
    .u8(gps ? 1 : 0);
  if (gps) writer.raw(float32Bytes(requireNumber(fields, 'longitude'))).raw(float32Bytes(requireNumber(fields, 'latitude')));
  return writer
    .i8(numberField(fields, 'temperature') ?? 20, 'temperature')
    .u8(angle < 0 ? 1 : 0)
    .u8(Math.abs(angle), 'angle')
    .u8((flag(names.full) << 4) | flag(names.fire))
    .u8((flag(names.tilt) << 4) | flag(names.lowBattery))
    .u16be(numberField(fields, 'frameCounter') ?? 0, 'frameCounter')
    .u8(0x00)
    .u8(TAIL)
    .toBytes();
}

function float32Bytes(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, value, true);
  return bytes;
}

/**
 * Device side: the configuration downlinks (`8002 9999 <option> <value> 81` written as ASCII hex
 * digits, FPort 3). `options` maps an option code to the uplink field it sets; option 09 takes
 * a code from `switches`.
 */
export interface DingtekDownlinks {
  options: Readonly<Record<number, string>>;
  switches: Readonly<Record<number, Fields>>;
}

const PREFIX = '80029999';

function decodeConfiguration(model: string, downlinks: DingtekDownlinks, fPort: number, bytes: Uint8Array): Fields {
  const reader = new ByteReader(model, fPort, bytes);
  if (fPort !== DINGTEK_FPORT) throw reader.fail(`port ${fPort} inattendu : ce capteur écoute sur le port ${DINGTEK_FPORT}`, 0);
  if (bytes.length !== 14) throw reader.fail(`commande de 14 octets attendue, ${bytes.length} reçus`, Math.min(bytes.length, 13));
  const text = String.fromCharCode(...bytes);
  for (let i = 0; i < PREFIX.length; i++) {
    if (text[i] !== PREFIX[i]) throw reader.fail(`préfixe « 80029999 » attendu`, i);
  }
  if (text.slice(12) !== '81') throw reader.fail('fin de commande « 81 » attendue', 12);
  const option = parseHexPair(reader, text, 8);
  const value = parseHexPair(reader, text, 10);
  if (option === 9) {
    const applied = downlinks.switches[value];
    if (applied === undefined) throw reader.fail(`valeur ${hex(value)} inconnue pour l’option 09`, 10);
    return { ...applied };
  }
  const field = downlinks.options[option];
  if (field === undefined) throw reader.fail(`option ${hex(option)} inconnue`, 8);
  return { [field]: value };
}

function parseHexPair(reader: ByteReader, text: string, at: number): number {
  const pair = text.slice(at, at + 2);
  if (!/^[0-9A-Fa-f]{2}$/.test(pair)) throw reader.fail(`« ${pair} » n’est pas un nombre hexadécimal`, at);
  return Number.parseInt(pair, 16);
}

export function dingtekCodec(spec: {
  model: string;
  description: string;
  names: DingtekNames;
  downlinks: DingtekDownlinks;
}): DeviceCodec {
  const decoded = (fields: Fields): DecodedUplink => ({ fields, observations: observe(spec.names, fields) });
  return {
    model: spec.model,
    vendor: 'Dingtek',
    description: spec.description,
    decodeUplink: (fPort, bytes) => decoded(decodeFrame(spec.model, spec.names, fPort, bytes)),
    normaliseObject: (object) => decoded(object),
    encodeUplink: (fields) => ({ fPort: DINGTEK_FPORT, bytes: encodeHeartbeat(spec.names, fields) }),
    decodeDownlink: (fPort, bytes) => decodeConfiguration(spec.model, spec.downlinks, fPort, bytes),
  };
}
