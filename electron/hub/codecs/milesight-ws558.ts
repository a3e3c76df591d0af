import type { CommandRequest } from '../../../shared/domain/commands';
import { ByteReader, ByteWriter } from './bytes';
import { type Fields, ObservationList, stringField } from './fields';
import { milesightCodec } from './milesight-codec';
import { ATTRIBUTE_CHANNELS, type Channel, MILESIGHT_FPORT, choiceChannel, hex, numberChannel } from './milesight-tlv';

/**
 * Milesight WS558 smart light controller: 8 switched lines and a meter in a lighting cabinet.
 * Written from the vendor's WS558 payload table and encoder (Milesight-IoT/SensorDecoders,
 * WS_Series/WS558). The device switches lines on and off; it cannot dim.
 */

const MODEL = 'milesight-ws558';
const LINES = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const SWITCH_FIELDS = LINES.map((line) => `switch_${line}`);

/** Switch states from a bit mask (bit 0 = line 1), only for the lines set in `mask`. */
function readSwitches(state: number, mask: number, out: Fields): void {
  for (const line of LINES) {
    const bit = 1 << (line - 1);
    if (mask & bit) out[`switch_${line}`] = state & bit ? 'on' : 'off';
  }
}

function switchBits(fields: Fields): number {
  let state = 0;
  for (const line of LINES) {
    const value = fields[`switch_${line}`];
    if (value === undefined) continue;
    if (value !== 'on' && value !== 'off') throw new TypeError(`switch_${line} : « on » ou « off » attendu`);
    if (value === 'on') state |= 1 << (line - 1);
  }
  return state;
}

// 08 31: two bytes, a change mask (which lines changed since the last report; the vendor's
// decoder does not expose it) then the state of the 8 lines.
const SWITCH_CHANNEL: Channel = {
  id: 0x08,
  type: 0x31,
  fields: SWITCH_FIELDS,
  read(reader, out) {
    const [, state = 0] = reader.take(2);
    readSwitches(state, 0xff, out);
  },
  write(writer, fields) {
    writer.u8(0).u8(switchBits(fields));
  },
};

// FF 32: reply to a delayed switch command: task id, delay (s), mask, state.
const DELAYED_SWITCH_REPLY: Channel = {
  id: 0xff,
  type: 0x32,
  fields: ['task_id', 'delay_time', ...SWITCH_FIELDS],
  read(reader, out) {
    out.task_id = reader.u8();
    out.delay_time = reader.u16le();
    const mask = reader.u8();
    readSwitches(reader.u8(), mask, out);
  },
};

const CHANNELS: readonly Channel[] = [
  ...ATTRIBUTE_CHANNELS,
  numberChannel(0x03, 0x74, 'voltage', 'u16le', 10),
  numberChannel(0x04, 0x80, 'active_power', 'u32le'),
  numberChannel(0x05, 0x81, 'power_factor', 'u8'),
  numberChannel(0x06, 0x83, 'power_consumption', 'u32le'),
  numberChannel(0x07, 0xc9, 'total_current', 'u16le'),
  SWITCH_CHANNEL,
  choiceChannel(0xff, 0x26, 'power_consumption_enable', ['disable', 'enable']),
  { ...numberChannel(0xff, 0x03, 'report_interval', 'u16le'), write: undefined },
  DELAYED_SWITCH_REPLY,
];

function observe(fields: Fields) {
  const list = new ObservationList(fields)
    .number('voltageV', 'voltage')
    .number('powerW', 'active_power')
    .number('powerFactorPercent', 'power_factor')
    .number('energyWh', 'power_consumption')
    .number('currentA', 'total_current', 0.001);
  const states = SWITCH_FIELDS.map((name) => stringField(fields, name)).filter((s) => s === 'on' || s === 'off');
  // The cabinet's lights are on when any of its lines is switched on.
  if (states.length > 0) list.push('relayOn', states.includes('on'));
  return list.items;
}

/**
 * `lighting.dim`: the WS558 has no dimming, so 0 % switches every line off and any other value
 * switches every line on (08 · mask FF · state). The read-back is `relayOn`.
 */
function encodeDownlink(command: CommandRequest) {
  if (command.type !== 'lighting.dim') return undefined;
  const state = command.percent > 0 ? 0xff : 0x00;
  return { fPort: MILESIGHT_FPORT, bytes: new ByteWriter().u8(0x08).u8(0xff).u8(state).toBytes() };
}

function whyUnsupported(command: CommandRequest): string | undefined {
  return command.type === 'lighting.dim' ? undefined : `Le contrôleur WS558 ne sait pas exécuter ${command.type}.`;
}

/** Device side: line states and settings a downlink sets (names match the uplink fields). */
function decodeDownlink(fPort: number, bytes: Uint8Array): Record<string, unknown> {
  const reader = new ByteReader(MODEL, fPort, bytes);
  const applied: Record<string, unknown> = {};
  while (!reader.done) {
    const start = reader.offset;
    const id = reader.u8();
    if (id === 0x08) {
      const mask = reader.u8();
      readSwitches(reader.u8(), mask, applied);
      continue;
    }
    const type = reader.u8();
    if (id === 0xff && type === 0x32) DELAYED_SWITCH_REPLY.read(reader, applied);
    else if (id === 0xff && type === 0x03) applied.report_interval = reader.u16le();
    else if (id === 0xff && type === 0x26) applied.power_consumption_enable = reader.u8() === 1 ? 'enable' : 'disable';
    else if (id === 0xff && (type === 0x10 || type === 0x28 || type === 0x27)) {
      reader.u8();
      applied[type === 0x10 ? 'reboot' : type === 0x28 ? 'report_status' : 'clear_power_consumption'] = 'yes';
    } else throw reader.fail(`commande ${hex(id)} ${hex(type)} non prise en charge`, start);
  }
  return applied;
}

export const milesightWs558 = milesightCodec({
  model: MODEL,
  description: "Contrôleur d'éclairage 8 lignes avec compteur (tension, puissance, énergie, état des lignes)",
  channels: CHANNELS,
  observe,
  encodeDownlink,
  whyUnsupported,
  decodeDownlink,
});
