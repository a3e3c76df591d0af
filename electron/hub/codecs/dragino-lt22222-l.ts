import type { CommandRequest } from '../../../shared/domain/commands';
import { ByteReader, ByteWriter, scaled } from './bytes';
import { type Fields, ObservationList, numberField, requireChoice } from './fields';
import type { DeviceCodec } from './types';
import { hex } from './milesight-tlv';

/**
 * Dragino LT-22222-L LoRaWAN I/O controller, used on cemetery gates: the gate's position contact
 * on DI1, the gate motor's "open" command on relay RO1. Written from the LT-22222-L user manual
 * (uplink FPort 2, 11 bytes; downlink type codes 01–08) and the vendor's decoder field names
 * (dragino-end-node-decoder, LT22222-L v1.6).
 *
 * Site convention (documented in the codecs README): DI1 high = gate open; RO1 closed = the
 * motor controller is told to open the gate, RO1 open = to close it.
 */

const MODEL = 'dragino-lt22222-l';
const DATA_FPORT = 2;
const STATUS_FPORT = 5;
/** Dragino LT controllers take downlinks on any port; we use 1. */
const DOWNLINK_FPORT = 1;
const FRAME_LENGTH = 11;

const WORK_MODES: Record<number, string> = {
  1: '2ACI+2AVI',
  2: 'Count mode 1',
  3: '2ACI+1Count',
  4: 'Count mode 2',
  5: '1ACI+2AVI+1Count',
  6: 'Exit mode',
};

const BANDS: Record<number, string> = {
  0x01: 'EU868', 0x02: 'US915', 0x03: 'IN865', 0x04: 'AU915', 0x05: 'KZ865', 0x06: 'RU864', 0x07: 'AS923',
  0x08: 'AS923_1', 0x09: 'AS923_2', 0x0a: 'AS923_3', 0x0f: 'AS923_4', 0x0b: 'CN470', 0x0c: 'EU433',
  0x0d: 'KR920', 0x0e: 'MA869',
};

// DIDORO byte (byte 8): RO1 RO2 FIRST DI2 DI1 DO3 DO2 DO1, bit 7 to bit 0.
const BIT = { DO1: 0x01, DO2: 0x02, DO3: 0x04, DI1: 0x08, DI2: 0x10, FIRST: 0x20, RO2: 0x40, RO1: 0x80 } as const;

const volts = (raw: number) => raw / 1000;

function decodeData(reader: ByteReader): Fields {
  const data = reader.take(8);
  const view = new ByteReader(MODEL, DATA_FPORT, data);
  const io = reader.u8();
  const status = reader.u8();
  const modeAt = reader.offset;
  const modeByte = reader.u8();
  if (!reader.done) throw reader.fail(`trame trop longue : ${FRAME_LENGTH} octets attendus`);
  const hardware = modeByte >> 6;
  const mode = modeByte & 0x3f;
  const workMode = WORK_MODES[mode];
  if (workMode === undefined || hardware > 1) throw reader.fail(`mode de travail ${hex(modeByte)} inconnu`, modeAt);

  const out: Fields = { Hardware_mode: hardware === 1 ? 'LT22222' : 'LT33222', Work_mode: workMode };
  if (hardware === 0) {
    out.DO3_status = io & BIT.DO3 ? 'L' : 'H';
    if (mode === 1) out.DI3_status = io & 0x20 ? 'H' : 'L';
  }
  if (mode !== 6) {
    out.DO1_status = io & BIT.DO1 ? 'L' : 'H';
    out.DO2_status = io & BIT.DO2 ? 'L' : 'H';
    out.RO1_status = io & BIT.RO1 ? 'ON' : 'OFF';
    out.RO2_status = io & BIT.RO2 ? 'ON' : 'OFF';
    if (mode !== 1) {
      if (mode !== 5) out.Count1_times = new ByteReader(MODEL, DATA_FPORT, data).u32be();
      out.First_status = io & BIT.FIRST ? 'Yes' : 'No';
    }
  }
  switch (mode) {
    case 1:
      out.AVI1_V = volts(view.i16be());
      out.AVI2_V = volts(view.i16be());
      out.ACI1_mA = volts(view.i16be());
      out.ACI2_mA = volts(view.i16be());
      out.DI1_status = io & BIT.DI1 ? 'H' : 'L';
      out.DI2_status = io & BIT.DI2 ? 'H' : 'L';
      break;
    case 2:
      view.take(4);
      out.Count2_times = view.u32be();
      break;
    case 3:
      view.take(4);
      out.ACI1_mA = volts(view.i16be());
      out.ACI2_mA = volts(view.i16be());
      break;
    case 4:
      view.take(4);
      out.Acount_times = view.u32be();
      break;
    case 5:
      out.AVI1_V = volts(view.i16be());
      out.AVI2_V = volts(view.i16be());
      out.ACI1_mA = volts(view.i16be());
      out.Count1_times = view.u16be();
      break;
    case 6:
      Object.assign(out, decodeTrigger(data, status));
      break;
  }
  return out;
}

/** MOD 6 (trigger mode): which analogue limits and digital inputs triggered the uplink. */
function decodeTrigger(data: Uint8Array, status: number): Fields {
  const [flags = 0, levels = 0, inputs = 0] = data;
  const yes = (byte: number, bit: number) => (byte & bit ? 'True' : 'False');
  const names = ['AV1L', 'AV1H', 'AV2L', 'AV2H', 'AC1L', 'AC1H', 'AC2L', 'AC2H'];
  const out: Fields = { Mode_status: status ? 'True' : 'False' };
  names.forEach((name, i) => (out[`${name}_flag`] = yes(flags, 0x80 >> i)));
  names.forEach((name, i) => (out[`${name}_status`] = yes(levels, 0x80 >> i)));
  out.DI2_status = yes(inputs, 0x08);
  out.DI2_flag = yes(inputs, 0x04);
  out.DI1_status = yes(inputs, 0x02);
  out.DI1_flag = yes(inputs, 0x01);
  return out;
}

function decodeStatus(reader: ByteReader): Fields {
  const band = BANDS[reader.u8()];
  if (band === undefined) throw reader.fail('bande de fréquence inconnue', 0);
  const subBand = reader.u8();
  const major = reader.u8() & 0x0f;
  const minor = reader.u8();
  const tdc = reader.take(3);
  if (!reader.done) throw reader.fail('trame d’état trop longue : 7 octets attendus');
  return {
    FIRMWARE_VERSION: `${major}.${(minor >> 4) & 0x0f}.${minor & 0x0f}`,
    FREQUENCY_BAND: band,
    SUB_BAND: subBand === 0xff ? 'NULL' : subBand,
    TDC_sec: ((tdc[0] ?? 0) << 16) | ((tdc[1] ?? 0) << 8) | (tdc[2] ?? 0),
  };
}

function observe(fields: Fields) {
  return new ObservationList(fields)
    .flag('gateOpen', 'DI1_status', 'H', ['L'])
    .flag('gateOpen', 'DI1_status', 'True', ['False'])
    .flag('motorOn', 'RO1_status', 'ON', ['OFF']).items;
}

/** Device side, MOD 1 (the factory mode): builds the 11-byte uplink from the decoded field names. */
function encodeUplink(fields: Fields): { fPort: number; bytes: Uint8Array } {
  if (fields.Work_mode !== undefined && fields.Work_mode !== WORK_MODES[1]) {
    throw new TypeError(`Work_mode : seul « ${WORK_MODES[1]} » (MOD 1) est encodable`);
  }
  const is = (name: string, choices: readonly string[], fallback: string, wanted: string) =>
    requireChoice({ [name]: fields[name] ?? fallback }, name, choices) === wanted;
  let io = 0;
  if (is('DO1_status', ['H', 'L'], 'H', 'L')) io |= BIT.DO1;
  if (is('DO2_status', ['H', 'L'], 'H', 'L')) io |= BIT.DO2;
  if (is('DI1_status', ['H', 'L'], 'L', 'H')) io |= BIT.DI1;
  if (is('DI2_status', ['H', 'L'], 'L', 'H')) io |= BIT.DI2;
  if (is('RO1_status', ['ON', 'OFF'], 'OFF', 'ON')) io |= BIT.RO1;
  if (is('RO2_status', ['ON', 'OFF'], 'OFF', 'ON')) io |= BIT.RO2;
  const milli = (name: string) => scaled(numberField(fields, name) ?? 0, 1000);
  const bytes = new ByteWriter()
    .i16be(milli('AVI1_V'), 'AVI1_V')
    .i16be(milli('AVI2_V'), 'AVI2_V')
    .i16be(milli('ACI1_mA'), 'ACI1_mA')
    .i16be(milli('ACI2_mA'), 'ACI2_mA')
    .u8(io)
    .u8(0)
    .u8(0x41) // hardware LT22222 (01) · MOD 1
    .toBytes();
  return { fPort: DATA_FPORT, bytes };
}

/** `gate.set`: relay control, type code 03 · RO1 · RO2 (01 close, 00 open, 11 leave as is). */
function encodeDownlink(command: CommandRequest) {
  if (command.type !== 'gate.set') return undefined;
  const ro1 = command.position === 'open' ? 0x01 : 0x00;
  return { fPort: DOWNLINK_FPORT, bytes: Uint8Array.of(0x03, ro1, 0x11) };
}

const OUTPUT_LEVEL: Record<number, string> = { 0x00: 'H', 0x01: 'L' };
const RELAY_STATE: Record<number, string> = { 0x00: 'OFF', 0x01: 'ON' };
const NO_ACTION = 0x11;

/** Device side: what the controller applies (names match the uplink fields). */
function decodeDownlink(fPort: number, bytes: Uint8Array): Record<string, unknown> {
  const reader = new ByteReader(MODEL, fPort, bytes);
  const code = reader.u8();
  const applied: Record<string, unknown> = {};
  const outputs = (names: string[], table: Record<number, string>) => {
    for (const name of names) {
      const at = reader.offset;
      const value = reader.u8();
      if (value === NO_ACTION) continue;
      const state = table[value];
      if (state === undefined) throw reader.fail(`valeur ${hex(value)} inconnue pour ${name}`, at);
      applied[name] = state;
    }
  };
  switch (code) {
    case 0x01:
      applied.TDC_sec = (reader.u8() << 16) | reader.u16be();
      break;
    case 0x02:
      outputs(['DO1_status', 'DO2_status', 'DO3_status'], OUTPUT_LEVEL);
      break;
    case 0x03:
      outputs(['RO1_status', 'RO2_status'], RELAY_STATE);
      break;
    case 0x04:
      reader.u8();
      applied.reset = 'yes';
      break;
    case 0x08:
      reader.u8();
      applied.poll_uplink = 'yes';
      break;
    default:
      throw reader.fail(`code de commande ${hex(code)} non pris en charge`, 0);
  }
  if (!reader.done) throw reader.fail('octets en trop après la commande');
  return applied;
}

export const draginoLt22222l: DeviceCodec = {
  model: MODEL,
  vendor: 'Dragino',
  description: 'Contrôleur d’entrées-sorties LoRaWAN (portail : contact sur DI1, moteur sur RO1)',
  decodeUplink(fPort, bytes) {
    const reader = new ByteReader(MODEL, fPort, bytes);
    let fields: Fields;
    if (fPort === DATA_FPORT) fields = decodeData(reader);
    else if (fPort === STATUS_FPORT) fields = decodeStatus(reader);
    else throw reader.fail(`port ${fPort} inattendu (données sur le port 2, état sur le port 5)`, 0);
    return { fields, observations: observe(fields) };
  },
  normaliseObject: (object) => ({ fields: object, observations: observe(object) }),
  encodeUplink,
  encodeDownlink,
  whyUnsupported: (command) =>
    command.type === 'gate.set' ? undefined : `Le contrôleur LT-22222-L ne sait pas exécuter ${command.type}.`,
  decodeDownlink,
};
