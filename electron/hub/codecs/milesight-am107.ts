import { type Fields, ObservationList, requireNumber } from './fields';
import { milesightCodec } from './milesight-codec';
import { ATTRIBUTE_CHANNELS, type Channel, numberChannel } from './milesight-tlv';

/**
 * Milesight AM107 indoor ambience sensor (temperature, humidity, PIR activity count, light,
 * CO₂, TVOC, pressure). Written from the vendor's AM107 payload table and decoder
 * (Milesight-IoT/SensorDecoders, AM_Series/AM107): little-endian integers, temperature ÷10,
 * humidity ÷2, pressure ÷10; TVOC in ppb.
 */

/** The light channel carries three u16 readings: lux, then the two photodiode channels. */
const ILLUMINATION: Channel = {
  id: 0x06,
  type: 0x65,
  fields: ['illumination', 'infrared_and_visible', 'infrared'],
  read(reader, out) {
    out.illumination = reader.u16le();
    out.infrared_and_visible = reader.u16le();
    out.infrared = reader.u16le();
  },
  write(writer, fields) {
    const lux = requireNumber(fields, 'illumination');
    // A simulator that only plays lux sends plausible photodiode counts rather than failing.
    writer
      .u16le(lux, 'illumination')
      .u16le(typeof fields.infrared_and_visible === 'number' ? fields.infrared_and_visible : lux, 'infrared_and_visible')
      .u16le(typeof fields.infrared === 'number' ? fields.infrared : 0, 'infrared');
  },
};

/** Which sensors are switched on (bit per sensor), sent after a configuration change. */
const SENSOR_BITS = ['temperature', 'humidity', 'pir', 'illuminance', 'co2', 'tvoc', 'pressure'] as const;
const SENSOR_ENABLE: Channel = {
  id: 0xff,
  type: 0x18,
  fields: ['sensor_enable'],
  read(reader, out) {
    const bits = reader.u8();
    out.sensor_enable = Object.fromEntries(SENSOR_BITS.map((name, bit) => [name, (bits >> bit) & 1 ? 'enable' : 'disable']));
  },
};

const REPLY_CHANNELS: readonly Channel[] = [
  SENSOR_ENABLE,
  { ...numberChannel(0xff, 0x03, 'report_interval', 'u16le'), write: undefined },
];

const CHANNELS: readonly Channel[] = [
  ...ATTRIBUTE_CHANNELS,
  numberChannel(0x01, 0x75, 'battery', 'u8'),
  numberChannel(0x03, 0x67, 'temperature', 'i16le', 10),
  numberChannel(0x04, 0x68, 'humidity', 'u8', 2),
  numberChannel(0x05, 0x6a, 'activity', 'u16le'),
  ILLUMINATION,
  numberChannel(0x07, 0x7d, 'co2', 'u16le'),
  numberChannel(0x08, 0x7d, 'tvoc', 'u16le'),
  numberChannel(0x09, 0x73, 'pressure', 'u16le', 10),
  ...REPLY_CHANNELS,
];

// Note: `tvoc` is in ppb on the AM107, a unit our catalogue has no metric for (tvocIndex is the
// AM307's IAQ index, tvocUgM3 a mass concentration): it stays in `fields`.
function observe(fields: Fields) {
  return new ObservationList(fields)
    .number('batteryPercent', 'battery')
    .number('temperatureC', 'temperature')
    .number('humidityPercent', 'humidity')
    .number('motionCount', 'activity')
    .number('lightLux', 'illumination')
    .number('co2Ppm', 'co2')
    .number('pressureHpa', 'pressure').items;
}

export const milesightAm107 = milesightCodec({
  model: 'milesight-am107',
  description: "Capteur d'ambiance intérieure (température, humidité, activité, éclairement, CO₂, COV, pression)",
  channels: CHANNELS,
  observe,
});

