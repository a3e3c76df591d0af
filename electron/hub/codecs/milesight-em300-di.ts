import type { ByteReader, ByteWriter } from './bytes';
import { type Fields, ObservationList, requireChoice, requireNumber, roundTo } from './fields';
import { milesightCodec } from './milesight-codec';
import { ATTRIBUTE_CHANNELS, type Channel, choiceChannel, hex, numberChannel } from './milesight-tlv';

/**
 * Milesight EM300-DI pulse counter (one dry-contact / pulse input, plus temperature and
 * humidity). Written from the vendor's EM300-DI payload table and decoder
 * (Milesight-IoT/SensorDecoders, EM_Series/EM300_Series/EM300-DI): the input reports either its
 * level (`gpio`, 05 00) or a pulse count (`pulse`, 05 C8, u32 LE); firmware ≥ 1.3 with pulse
 * conversion on reports `water_conv`, `pulse_conv` (u16 LE ÷10) and `water` (float32 LE) instead.
 *
 * Note: the table places the converted reading on 06 E1 and its alarm on 86 E1, the vendor's
 * decoder on 05 E1 and 85 E1; we read both and send the decoder's.
 */

const GPIO = ['low', 'high'];
const GPIO_ALARM = ['gpio alarm release', 'gpio alarm'];
const WATER_ALARMS = [
  'water outage timeout alarm',
  'water outage timeout alarm release',
  'water flow timeout alarm',
  'water flow timeout alarm release',
];
/** Water alarm codes start at 1. */
const WATER_ALARM = [undefined, ...WATER_ALARMS];
const HISTORY_ALARM = ['none', ...WATER_ALARMS, 'gpio alarm', 'gpio alarm release'];
const GPIO_TYPE = [undefined, 'gpio', 'pulse'];

function readFloat32le(reader: ByteReader): number {
  const bytes = reader.take(4);
  return roundTo(new DataView(bytes.buffer, bytes.byteOffset, 4).getFloat32(0, true), 6);
}

function writeFloat32le(writer: ByteWriter, value: number): void {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value, true);
  writer.raw(new Uint8Array(view.buffer));
}

function pickName(reader: ByteReader, names: readonly (string | undefined)[], field: string): string {
  const at = reader.offset;
  const code = reader.u8();
  const name = names[code];
  if (name === undefined) throw reader.fail(`valeur ${hex(code)} inconnue pour ${field}`, at);
  return name;
}

function readConverted(reader: ByteReader, out: Fields): void {
  out.water_conv = roundTo(reader.u16le() / 10, 6);
  out.pulse_conv = roundTo(reader.u16le() / 10, 6);
  out.water = readFloat32le(reader);
}

function writeConverted(writer: ByteWriter, fields: Fields): void {
  writer
    .u16le(Math.round(requireNumber(fields, 'water_conv') * 10), 'water_conv')
    .u16le(Math.round(requireNumber(fields, 'pulse_conv') * 10), 'pulse_conv');
  writeFloat32le(writer, requireNumber(fields, 'water'));
}

const CONVERTED_FIELDS = ['water_conv', 'pulse_conv', 'water'];

function waterChannel(id: number, sent: boolean): Channel {
  return {
    id,
    type: 0xe1,
    fields: CONVERTED_FIELDS,
    read: readConverted,
    ...(sent ? { write: writeConverted, encodes: (fields: Fields) => fields.water_alarm === undefined } : {}),
  };
}

function waterAlarmChannel(id: number, sent: boolean): Channel {
  return {
    id,
    type: 0xe1,
    fields: [...CONVERTED_FIELDS, 'water_alarm'],
    read(reader, out) {
      readConverted(reader, out);
      out.water_alarm = pickName(reader, WATER_ALARM, 'water_alarm');
    },
    ...(sent
      ? {
          write(writer: ByteWriter, fields: Fields) {
            writeConverted(writer, fields);
            writer.u8(WATER_ALARM.indexOf(requireChoice(fields, 'water_alarm', WATER_ALARMS)));
          },
          encodes: (fields: Fields) => fields.water_alarm !== undefined,
        }
      : {}),
  };
}

const GPIO_ALARM_CHANNEL: Channel = {
  id: 0x85,
  type: 0x00,
  fields: ['gpio', 'gpio_alarm'],
  read(reader, out) {
    out.gpio = pickName(reader, GPIO, 'gpio');
    out.gpio_alarm = pickName(reader, GPIO_ALARM, 'gpio_alarm');
  },
  write(writer, fields) {
    writer.u8(GPIO.indexOf(requireChoice(fields, 'gpio', GPIO))).u8(GPIO_ALARM.indexOf(requireChoice(fields, 'gpio_alarm', GPIO_ALARM)));
  },
  encodes: (fields) => fields.gpio_alarm !== undefined,
};

const GPIO_CHANNEL: Channel = { ...choiceChannel(0x05, 0x00, 'gpio', GPIO), encodes: (fields) => fields.gpio_alarm === undefined };

function pushHistory(out: Fields, point: Fields): void {
  const history = Array.isArray(out.history) ? out.history : [];
  history.push(point);
  out.history = history;
}

/** 13-byte record: timestamp, temperature, humidity, then the level or the pulse count. */
const HISTORY_V1: Channel = {
  id: 0x20,
  type: 0xce,
  fields: ['history'],
  read(reader, out) {
    const point: Fields = { timestamp: reader.u32le(), temperature: reader.i16le() / 10, humidity: reader.u8() / 2 };
    const gpioType = pickName(reader, GPIO_TYPE, 'gpio_type');
    point.gpio_type = gpioType;
    const level = pickName(reader, GPIO, 'gpio');
    const pulse = reader.u32le();
    if (gpioType === 'gpio') point.gpio = level;
    else point.pulse = pulse;
    pushHistory(out, point);
  },
};

/** 18-byte record (v2): adds the alarm and the converted reading. */
const HISTORY_V2: Channel = {
  id: 0x21,
  type: 0xce,
  fields: ['history'],
  read(reader, out) {
    const point: Fields = { timestamp: reader.u32le(), temperature: reader.i16le() / 10, humidity: reader.u8() / 2 };
    point.alarm = pickName(reader, HISTORY_ALARM, 'alarm');
    const gpioType = pickName(reader, GPIO_TYPE, 'gpio_type');
    point.gpio_type = gpioType;
    const level = pickName(reader, GPIO, 'gpio');
    const converted: Fields = {};
    readConverted(reader, converted);
    if (gpioType === 'gpio') point.gpio = level;
    else Object.assign(point, converted);
    pushHistory(out, point);
  },
};

const CHANNELS: readonly Channel[] = [
  ...ATTRIBUTE_CHANNELS,
  numberChannel(0x01, 0x75, 'battery', 'u8'),
  numberChannel(0x03, 0x67, 'temperature', 'i16le', 10),
  numberChannel(0x04, 0x68, 'humidity', 'u8', 2),
  GPIO_CHANNEL,
  numberChannel(0x05, 0xc8, 'pulse', 'u32le'),
  waterChannel(0x05, true),
  waterChannel(0x06, false),
  GPIO_ALARM_CHANNEL,
  waterAlarmChannel(0x85, true),
  waterAlarmChannel(0x86, false),
  HISTORY_V1,
  HISTORY_V2,
  { ...numberChannel(0xff, 0x02, 'collection_interval', 'u16le'), write: undefined },
  { ...numberChannel(0xff, 0x03, 'report_interval', 'u16le'), write: undefined },
];

// Note: `water` is in the unit the installer configured (`pulse_conversion_settings.unit`, which
// the periodic frame does not carry), so it is not observed as litres; it stays in `fields`.
function observe(fields: Fields) {
  return new ObservationList(fields)
    .number('batteryPercent', 'battery')
    .number('temperatureC', 'temperature')
    .number('humidityPercent', 'humidity')
    .flag('digitalInput1', 'gpio', 'high', ['low'])
    .number('pulseCount', 'pulse').items;
}

export const milesightEm300Di = milesightCodec({
  model: 'milesight-em300-di',
  description: "Compteur d'impulsions (entrée impulsions ou contact sec, température, humidité)",
  channels: CHANNELS,
  observe,
});
