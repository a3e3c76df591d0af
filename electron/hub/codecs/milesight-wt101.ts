import type { CommandRequest } from '../../../shared/domain/commands';
import { ByteReader, ByteWriter, scaled } from './bytes';
import { type Fields, ObservationList } from './fields';
import { milesightCodec } from './milesight-codec';
import { ATTRIBUTE_CHANNELS, type Channel, MILESIGHT_FPORT, choiceChannel, hex, numberChannel } from './milesight-tlv';

/**
 * Milesight WT101 smart radiator thermostat. Written from the vendor's WT101 payload table and
 * downlink encoder (Milesight-IoT/SensorDecoders, WT_Series/WT101). Field names follow the
 * vendor's current decoder (`target_temperature`, `tamper_status`, `window_detection`…).
 */

const MODEL = 'milesight-wt101';

// Downlink "set target temperature": FF B1 · target (int8, whole °C) · tolerance (uint16 LE, 0.1 °C).
// The wire carries whole degrees only, so 19.5 °C cannot be sent to this model.
const SET_TARGET = [0xff, 0xb1] as const;

/**
 * Tolerance sent with every setpoint: how far the room may drift from the target before the
 * valve reacts. The vendor's command requires one; 1 °C is a usual comfort band for schools.
 */
export const WT101_SETPOINT_TOLERANCE_C = 1;

// Replies the device sends after a configuration downlink (decode only; the periodic report
// carries the same values on the telemetry channels, which are the ones the simulator encodes).
const REPLY_CHANNELS: readonly Channel[] = [
  {
    id: 0xff,
    type: 0x8e,
    fields: ['report_interval'],
    read(reader, out) {
      reader.u8(); // the vendor ignores this byte (unit flag)
      out.report_interval = reader.u16le();
    },
  },
  {
    id: 0xff,
    type: 0xb1,
    fields: ['target_temperature', 'temperature_tolerance'],
    read(reader, out) {
      out.target_temperature = reader.i8();
      out.temperature_tolerance = reader.u16le() / 10;
    },
  },
  { ...numberChannel(0xff, 0xb4, 'valve_opening', 'u8'), write: undefined },
];

const CHANNELS: readonly Channel[] = [
  ...ATTRIBUTE_CHANNELS,
  numberChannel(0x01, 0x75, 'battery', 'u8'),
  numberChannel(0x03, 0x67, 'temperature', 'i16le', 10),
  numberChannel(0x04, 0x67, 'target_temperature', 'i16le', 10),
  numberChannel(0x05, 0x92, 'valve_opening', 'u8'),
  choiceChannel(0x06, 0x00, 'tamper_status', ['installed', 'uninstalled']),
  choiceChannel(0x07, 0x00, 'window_detection', ['normal', 'open']),
  choiceChannel(0x08, 0xe5, 'motor_calibration_result', [
    'success',
    'fail: out of range',
    'fail: uninstalled',
    'calibration cleared',
    'temperature control disabled',
  ]),
  numberChannel(0x09, 0x90, 'motor_stroke', 'u16le'),
  choiceChannel(0x0a, 0x00, 'freeze_protection', ['normal', 'triggered']),
  numberChannel(0x0b, 0x90, 'motor_position', 'u16le'),
  ...REPLY_CHANNELS,
];

function observe(fields: Fields) {
  return new ObservationList(fields)
    .number('batteryPercent', 'battery')
    .number('temperatureC', 'temperature')
    .number('setpointC', 'target_temperature')
    .number('valvePercent', 'valve_opening')
    .flag('windowOpen', 'window_detection', 'open', ['normal']).items;
}

function whyUnsupported(command: CommandRequest): string | undefined {
  if (command.type !== 'heating.setpoint') return `Le thermostat WT101 ne sait pas exécuter ${command.type}.`;
  if (!Number.isInteger(command.celsius)) {
    return 'Le thermostat Milesight WT101 n’accepte que des consignes en degrés entiers : choisissez par exemple 19 ou 20 °C.';
  }
  if (command.celsius < -128 || command.celsius > 127) return 'Consigne hors de la plage du thermostat.';
  return undefined;
}

function encodeDownlink(command: CommandRequest) {
  if (command.type !== 'heating.setpoint' || whyUnsupported(command) !== undefined) return undefined;
  const bytes = new ByteWriter()
    .raw(SET_TARGET)
    .i8(command.celsius, 'celsius')
    .u16le(scaled(WT101_SETPOINT_TOLERANCE_C, 10), 'temperature_tolerance')
    .toBytes();
  return { fPort: MILESIGHT_FPORT, bytes };
}

/** Device side: what the thermostat applies from a downlink (names match the uplink fields). */
function decodeDownlink(fPort: number, bytes: Uint8Array): Record<string, unknown> {
  const reader = new ByteReader(MODEL, fPort, bytes);
  const applied: Record<string, unknown> = {};
  while (!reader.done) {
    const start = reader.offset;
    const id = reader.u8();
    const type = reader.u8();
    if (id === 0xff && type === 0xb1) {
      applied.target_temperature = reader.i8();
      applied.temperature_tolerance = reader.u16le() / 10;
    } else if (id === 0xff && type === 0xb4) {
      applied.valve_opening = reader.u8();
    } else if (id === 0xff && type === 0x8e) {
      reader.u8();
      applied.report_interval = reader.u16le();
    } else if (id === 0xff && type === 0x10) {
      reader.u8();
      applied.reboot = 'yes';
    } else {
      throw reader.fail(`commande ${hex(id)} ${hex(type)} non prise en charge`, start);
    }
  }
  return applied;
}

export const milesightWt101 = milesightCodec({
  model: MODEL,
  description: 'Tête thermostatique de radiateur (température, consigne en degrés entiers, ouverture de vanne)',
  setpointStepC: 1,
  channels: CHANNELS,
  observe,
  encodeDownlink,
  whyUnsupported,
  decodeDownlink,
});
