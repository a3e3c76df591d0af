import type { CommandRequest } from '../../../shared/domain/commands';
import { ByteReader, ByteWriter } from './bytes';
import { type Fields, ObservationList, requireChoice, stringField } from './fields';
import { hex } from './milesight-tlv';
import type { DecodedUplink, DeviceCodec } from './types';

/**
 * Netvox R831C wireless control box: three relays, class C, in a lighting cabinet. Written from
 * the R831C user manual and Netvox's "LoRaWAN Application Command" frames (FPort 6 reports:
 * version · device type 0xAD · report type · 8 bytes; FPort 7 configure commands: command id ·
 * device type · 9 bytes) and the field names of the vendor's decoder
 * (TheThingsNetwork/lorawan-devices vendor/netvox/payload/r831.js).
 *
 * Site convention (README): the three relays switch the cabinet's lighting lines together, so
 * `lighting.dim` 0 % opens all three (Off, 0x90) and any other value closes all three (On, 0x91);
 * the box cannot dim. `gate.set` is refused: the R831C reports its relays but no input, so a
 * gate's position could never be read back.
 */

const MODEL = 'netvox-r831c';
const REPORT_FPORT = 6;
const COMMAND_FPORT = 7;
const DEVICE_TYPE = 0xad;
const FRAME_LENGTH = 11;
const RELAYS = ['Relay_1', 'Relay_2', 'Relay_3'] as const;
/** Channel mask of the on/off commands: bit 0 relay 1, bit 1 relay 2, bit 2 relay 3. */
const ALL_RELAYS = 0x07;

const COMMANDS: Record<number, string> = {
  0x01: 'ConfigReportReq', 0x81: 'ConfigReportRsp', 0x02: 'ReadConfigReportReq', 0x82: 'ReadConfigReportRsp',
  0x03: 'SetSwitchTypeReq', 0x83: 'SetSwitchTypeRsp', 0x04: 'GetSwitchTypeReq', 0x84: 'GetSwitchTypeRsp',
  0x90: 'Off', 0x91: 'On', 0x92: 'Toggle', 0x94: 'ReadCurrentStatus',
};
const SWITCH_TYPES = ['Toggle', 'Momentary'] as const;

/** Reads an 11-byte frame whose byte 1 must be the R831C's device type; returns the reader at byte 2. */
function openFrame(fPort: number, bytes: Uint8Array): ByteReader {
  const reader = new ByteReader(MODEL, fPort, bytes);
  if (bytes.length !== FRAME_LENGTH) {
    throw reader.fail(`trame de ${FRAME_LENGTH} octets attendue, ${bytes.length} reçus`, Math.min(bytes.length, FRAME_LENGTH));
  }
  reader.u8();
  const type = reader.u8();
  if (type !== DEVICE_TYPE) throw reader.fail(`type d’appareil ${hex(type)} : 0xAD (R831C) attendu`, 1);
  return reader;
}

function decodeReport(reader: ByteReader): Fields {
  const reportType = reader.u8();
  if (reportType === 0x00) {
    const [sw = 0, hw = 0, ...date] = reader.take(6);
    return { Device: 'R831C', SWver: sw / 10, HWver: hw, Datecode: date.map((b) => b.toString(16).padStart(2, '0')).join('') };
  }
  if (reportType !== 0x01) throw reader.fail(`type de rapport ${hex(reportType)} inconnu`, 2);
  const out: Fields = { Device: 'R831C' };
  for (const relay of RELAYS) out[relay] = reader.u8() === 0 ? 'OFF' : 'ON';
  return out;
}

function decodeResponse(reader: ByteReader, bytes: Uint8Array): Fields {
  const code = bytes[0] ?? 0;
  const out: Fields = { Cmd: COMMANDS[code], Device: 'R831C' };
  if (code === 0x81 || code === 0x83) out.Status = reader.u8() === 0 ? 'Success' : 'Failure';
  else if (code === 0x82) {
    out.MinTime = reader.u16be();
    out.MaxTime = reader.u16be();
  } else if (code === 0x84) out.SwitchType = reader.u8() === 0 ? 'Toggle' : 'Momentary';
  else throw reader.fail(`réponse ${hex(code)} inconnue`, 0);
  return out;
}

function observe(fields: Fields) {
  const list = new ObservationList(fields)
    .flag('relay1On', 'Relay_1', 'ON', ['OFF'])
    .flag('relay2On', 'Relay_2', 'ON', ['OFF'])
    .flag('relay3On', 'Relay_3', 'ON', ['OFF']);
  const states = RELAYS.map((relay) => stringField(fields, relay)).filter((s) => s === 'ON' || s === 'OFF');
  // The cabinet's lights are on when any of its lines is switched on.
  if (states.length > 0) list.push('relayOn', states.includes('ON'));
  return list.items;
}

/** Device side: the status report (report type 01) for `Relay_N` = `ON`|`OFF` (missing: OFF). */
function encodeUplink(fields: Fields): { fPort: number; bytes: Uint8Array } {
  const writer = new ByteWriter().u8(0x01).u8(DEVICE_TYPE).u8(0x01);
  for (const relay of RELAYS) writer.u8(requireChoice({ [relay]: fields[relay] ?? 'OFF' }, relay, ['ON', 'OFF']) === 'ON' ? 1 : 0);
  return { fPort: REPORT_FPORT, bytes: writer.raw([0, 0, 0, 0, 0]).toBytes() };
}

function encodeDownlink(command: CommandRequest) {
  if (command.type !== 'lighting.dim') return undefined;
  const bytes = new ByteWriter().u8(command.percent > 0 ? 0x91 : 0x90).u8(DEVICE_TYPE).u8(ALL_RELAYS).raw(new Uint8Array(8));
  return { fPort: COMMAND_FPORT, bytes: bytes.toBytes() };
}

function whyUnsupported(command: CommandRequest): string | undefined {
  if (command.type === 'lighting.dim') return undefined;
  if (command.type === 'gate.set') {
    return 'Le boîtier R831C ne remonte pas la position d’un portail (aucune entrée n’est rapportée) : la commande ne pourrait pas être confirmée.';
  }
  return `Le boîtier de relais R831C ne sait pas exécuter ${command.type}.`;
}

/**
 * Device side: what the box applies, keyed by its uplink fields. On/Off set the masked relays;
 * Toggle returns `toggle` (the relay names to invert, the device's own state decides).
 */
function decodeDownlink(fPort: number, bytes: Uint8Array): Record<string, unknown> {
  if (fPort !== COMMAND_FPORT) throw new ByteReader(MODEL, fPort, bytes).fail(`port ${fPort} inattendu : les commandes arrivent sur le port ${COMMAND_FPORT}`, 0);
  const reader = openFrame(fPort, bytes);
  const code = bytes[0] ?? 0;
  const masked = () => {
    const at = reader.offset;
    const mask = reader.u8();
    if (mask === 0 || mask > ALL_RELAYS) throw reader.fail(`masque de relais ${hex(mask)} invalide (bits 0 à 2)`, at);
    return RELAYS.filter((_, i) => mask & (1 << i));
  };
  switch (code) {
    case 0x90:
    case 0x91:
      return Object.fromEntries(masked().map((relay) => [relay, code === 0x91 ? 'ON' : 'OFF']));
    case 0x92:
      return { toggle: masked() };
    case 0x94:
      return { ReadCurrentStatus: 'yes' };
    case 0x01:
      return { MinTime: reader.u16be(), MaxTime: reader.u16be() };
    case 0x03: {
      const type = SWITCH_TYPES[reader.u8()];
      if (type === undefined) throw reader.fail('type d’interrupteur inconnu', 2);
      return { SwitchType: type };
    }
    case 0x02:
    case 0x04:
      return { [COMMANDS[code] ?? '']: 'yes' };
    default:
      throw reader.fail(`commande ${hex(code)} non prise en charge`, 0);
  }
}

const decoded = (fields: Fields): DecodedUplink => ({ fields, observations: observe(fields) });

export const netvoxR831c: DeviceCodec = {
  model: MODEL,
  vendor: 'Netvox',
  description: 'Boîtier de commande à trois relais (lignes d’éclairage d’une armoire, marche/arrêt)',
  decodeUplink(fPort, bytes) {
    if (fPort !== REPORT_FPORT && fPort !== COMMAND_FPORT) {
      throw new ByteReader(MODEL, fPort, bytes).fail(`port ${fPort} inattendu (rapports sur le port 6, réponses sur le port 7)`, 0);
    }
    const reader = openFrame(fPort, bytes);
    return decoded(fPort === REPORT_FPORT ? decodeReport(reader) : decodeResponse(reader, bytes));
  },
  normaliseObject: (object) => decoded(object),
  encodeUplink,
  encodeDownlink,
  whyUnsupported,
  decodeDownlink,
};
