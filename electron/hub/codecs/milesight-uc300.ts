import type { CommandRequest } from '../../../shared/domain/commands';
import { ByteReader, ByteWriter } from './bytes';
import { type Fields, ObservationList } from './fields';
import { milesightCodec } from './milesight-codec';
import { ATTRIBUTE_CHANNELS, type Channel, MILESIGHT_FPORT, choiceChannel, hex, numberChannel } from './milesight-tlv';
import { CHANNEL_HISTORY, MODBUS_HISTORY, ON_OFF, readModbusValue, readStats } from './milesight-uc300-records';

/**
 * Milesight UC300 IoT controller on a cemetery gate: 4 digital inputs (or pulse counters),
 * 2 digital outputs, 2 PT100, 2 analogue current and 2 analogue voltage inputs, Modbus RS485.
 * Written from the vendor's UC300 payload table, decoder and encoder (Milesight-IoT/SensorDecoders,
 * UC_Series/UC300).
 *
 * Site convention (README), the same as the Dragino LT-22222-L's: the gate's position contact on
 * DI1 (`gpio_in_1` on = gate open), the gate motor controller's "open" order on DO1
 * (`gpio_out_1` on = told to open, off = to close). Historical records (20 DC / 20 DD) are listed
 * under `channel_history` / `modbus_history`; observations come from the live channels only.
 */

const MODEL = 'milesight-uc300';
const inputs = [1, 2, 3, 4] as const;
const outputs = [1, 2] as const;
const pair = [1, 2] as const;

/** 0xE2 channels: current value, max, min, average over the collection period (decode only). */
function statsChannel(id: number, field: string): Channel {
  return {
    id,
    type: 0xe2,
    fields: [field, `${field}_max`, `${field}_min`, `${field}_avg`],
    read: (reader, out) => readStats(reader, field, out),
  };
}

/** FF 19: one Modbus channel: channel index, data size, data type, value. */
const MODBUS_CHANNEL: Channel = {
  id: 0xff,
  type: 0x19,
  fields: [],
  read(reader, out) {
    const name = `modbus_chn_${reader.u8() + 1}`;
    reader.u8(); // data size: the data type already fixes how many bytes follow
    const typeAt = reader.offset;
    out[name] = readModbusValue(reader, reader.u8(), typeAt);
  },
};

const MODBUS_ERROR: Channel = {
  id: 0xff,
  type: 0x15,
  fields: [],
  read(reader, out) {
    out[`modbus_chn_${reader.u8() + 1}_alarm`] = 'read error';
  },
};

const JITTER_CHANNELS = ['all', 'gpio_in_1', 'gpio_in_2', 'gpio_in_3', 'gpio_in_4', 'gpio_out_1', 'gpio_out_2'];

/** Replies to configuration downlinks, on channel FF or FE (decode only). */
function replyChannels(id: number): Channel[] {
  return [
    { ...numberChannel(id, 0x02, 'collection_interval', 'u16le'), write: undefined },
    { ...numberChannel(id, 0x03, 'report_interval', 'u16le'), write: undefined },
    { ...numberChannel(id, 0x11, 'timestamp', 'u32le'), write: undefined },
    { ...numberChannel(id, 0x17, 'timezone', 'i16le', 10), write: undefined },
    {
      id,
      type: 0x91,
      fields: ['jitter_config'],
      read(reader, out) {
        const at = reader.offset;
        const channel = JITTER_CHANNELS[reader.u8()];
        if (channel === undefined) throw reader.fail('voie anti-rebond inconnue', at);
        const config = typeof out.jitter_config === 'object' && out.jitter_config !== null ? out.jitter_config : {};
        out.jitter_config = { ...config, [channel]: reader.u32le() };
      },
    },
    {
      id,
      type: 0x92,
      fields: [],
      read(reader, out) {
        const index = reader.u8();
        const at = reader.offset;
        const status = ON_OFF[reader.u8()];
        if (status === undefined) throw reader.fail('état de sortie inconnu', at);
        out[`gpio_out_${index}_control`] = { status, duration: reader.u32le() };
      },
    },
  ];
}

const CHANNELS: readonly Channel[] = [
  ...ATTRIBUTE_CHANNELS,
  ...inputs.map((n) => choiceChannel(0x02 + n, 0x00, `gpio_in_${n}`, ON_OFF)),
  ...inputs.map((n) => numberChannel(0x02 + n, 0xc8, `counter_${n}`, 'u32le')),
  ...outputs.map((n) => choiceChannel(0x06 + n, 0x01, `gpio_out_${n}`, ON_OFF)),
  ...pair.map((n) => numberChannel(0x08 + n, 0x67, `pt100_${n}`, 'i16le', 10)),
  ...pair.map((n) => numberChannel(0x0a + n, 0x02, `adc_${n}`, 'u32le', 100)),
  ...pair.map((n) => numberChannel(0x0c + n, 0x02, `adv_${n}`, 'u32le', 100)),
  ...pair.map((n) => statsChannel(0x08 + n, `pt100_${n}`)),
  ...pair.map((n) => statsChannel(0x0a + n, `adc_${n}`)),
  ...pair.map((n) => statsChannel(0x0c + n, `adv_${n}`)),
  MODBUS_CHANNEL,
  MODBUS_ERROR,
  CHANNEL_HISTORY,
  MODBUS_HISTORY,
  ...replyChannels(0xff),
  ...replyChannels(0xfe),
];

function observe(fields: Fields) {
  return new ObservationList(fields)
    .flag('digitalInput1', 'gpio_in_1', 'on', ['off'])
    .flag('digitalInput2', 'gpio_in_2', 'on', ['off'])
    .flag('digitalOutput1', 'gpio_out_1', 'on', ['off'])
    .flag('digitalOutput2', 'gpio_out_2', 'on', ['off'])
    .flag('gateOpen', 'gpio_in_1', 'on', ['off'])
    .flag('motorOn', 'gpio_out_1', 'on', ['off']).items;
}

/** `gate.set`: DO1 on to open, off to close (`07 <01|00> FF`, the vendor's output control). */
function encodeDownlink(command: CommandRequest) {
  if (command.type !== 'gate.set') return undefined;
  const bytes = new ByteWriter().u8(0x07).u8(command.position === 'open' ? 1 : 0).u8(0xff).toBytes();
  return { fPort: MILESIGHT_FPORT, bytes };
}

function whyUnsupported(command: CommandRequest): string | undefined {
  return command.type === 'gate.set' ? undefined : `Le contrôleur UC300 ne sait pas exécuter ${command.type}.`;
}

/** Device side: outputs and settings a downlink sets (names match the uplink fields). */
function decodeDownlink(fPort: number, bytes: Uint8Array): Record<string, unknown> {
  const reader = new ByteReader(MODEL, fPort, bytes);
  if (fPort !== MILESIGHT_FPORT) throw reader.fail(`port ${fPort} inattendu : le UC300 écoute sur le port ${MILESIGHT_FPORT}`, 0);
  const applied: Record<string, unknown> = {};
  const state = (name: string) => {
    const at = reader.offset;
    const value = ON_OFF[reader.u8()];
    if (value === undefined) throw reader.fail(`état inconnu pour ${name}`, at);
    return value;
  };
  while (!reader.done) {
    const start = reader.offset;
    const id = reader.u8();
    if (id === 0x07 || id === 0x08) {
      const name = `gpio_out_${id - 0x06}`;
      applied[name] = state(name);
      reader.u8(); // 0xFF
      continue;
    }
    const type = reader.u8();
    if (id !== 0xff) throw reader.fail(`commande ${hex(id)} non prise en charge`, start);
    if (type === 0x92) {
      const index = reader.u8();
      if (index !== 1 && index !== 2) throw reader.fail(`sortie ${index} inconnue`, start + 2);
      applied[`gpio_out_${index}`] = state(`gpio_out_${index}`);
      applied[`gpio_out_${index}_duration_ms`] = reader.u32le();
    } else if (type === 0x02) applied.collection_interval = reader.u16le();
    else if (type === 0x03) applied.report_interval = reader.u16le();
    else if (type === 0x10 || type === 0x94) {
      reader.u8();
      applied[type === 0x10 ? 'reboot' : 'report_status'] = 'yes';
    } else throw reader.fail(`commande ${hex(id)} ${hex(type)} non prise en charge`, start);
  }
  return applied;
}

export const milesightUc300 = milesightCodec({
  model: MODEL,
  description: 'Contrôleur d’entrées-sorties LoRaWAN (portail : contact sur DI1, ordre moteur sur DO1)',
  channels: CHANNELS,
  observe,
  encodeDownlink,
  whyUnsupported,
  decodeDownlink,
});
