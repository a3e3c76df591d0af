import type { ByteReader } from './bytes';
import { type Fields, ObservationList, stringField, roundTo } from './fields';
import { milesightCodec } from './milesight-codec';
import { ATTRIBUTE_CHANNELS, type Channel, choiceChannel, numberChannel } from './milesight-tlv';

/**
 * Milesight AM319 indoor ambience sensor, 9-in-1: the AM307's readings plus PM2.5, PM10 and,
 * depending on the variant, formaldehyde (HCHO, mg/m³) or ozone (O₃, ppm). Written from the
 * vendor's "AM300 v2" table and its AM319 HCHO and O3 decoders (Milesight-IoT/SensorDecoders,
 * AM_Series/AM300_v2): little-endian integers, temperature ÷10, humidity ÷2, pressure ÷10,
 * HCHO and O₃ ÷100, TVOC ÷100 as an IAQ index (type 0x7D) or µg/m³ (type 0xE6).
 */

const TVOC_IAQ = 'iaq';
const TVOC_UG_M3 = 'ug/m3';
const PIR = ['idle', 'trigger'];

function tvocChannel(type: number, unit: string, divisor: number): Channel {
  const numeric = numberChannel(0x08, type, 'tvoc', 'u16le', divisor);
  return {
    ...numeric,
    fields: ['tvoc', 'tvoc_unit'],
    read(reader, out) {
      numeric.read(reader, out);
      out.tvoc_unit = unit;
    },
    encodes: (fields) => (fields.tvoc_unit ?? TVOC_IAQ) === unit && fields.tvoc !== undefined,
  };
}

/**
 * A 22-byte stored record (0x20 CE: TVOC as IAQ index; 0x21 CE: µg/m³); decode only. Its last
 * two bytes are HCHO on the HCHO variant and O₃ on the O3 variant, both ÷100; the frame does not
 * say which, so the record names them `hcho`, as the HCHO variant's decoder does.
 */
function historyChannel(id: number, tvocDivisor: number): Channel {
  return {
    id,
    type: 0xce,
    fields: ['history'],
    read(reader, out) {
      const history = Array.isArray(out.history) ? out.history : [];
      history.push(readHistoryRecord(reader, tvocDivisor));
      out.history = history;
    },
  };
}

function readHistoryRecord(reader: ByteReader, tvocDivisor: number): Fields {
  const timestamp = reader.u32le();
  const temperature = reader.i16le() / 10;
  const humidity = reader.u16le() / 2;
  const pirAt = reader.offset;
  const pir = PIR[reader.u8()];
  if (pir === undefined) throw reader.fail('valeur inconnue pour pir (historique)', pirAt);
  return {
    timestamp,
    temperature,
    humidity,
    pir,
    light_level: reader.u8(),
    co2: reader.u16le(),
    tvoc: roundTo(reader.u16le() / tvocDivisor, 6),
    pressure: roundTo(reader.u16le() / 10, 6),
    pm2_5: reader.u16le(),
    pm10: reader.u16le(),
    hcho: roundTo(reader.u16le() / 100, 6),
  };
}

const CHANNELS: readonly Channel[] = [
  ...ATTRIBUTE_CHANNELS,
  numberChannel(0x01, 0x75, 'battery', 'u8'),
  numberChannel(0x03, 0x67, 'temperature', 'i16le', 10),
  numberChannel(0x04, 0x68, 'humidity', 'u8', 2),
  choiceChannel(0x05, 0x00, 'pir', PIR),
  numberChannel(0x06, 0xcb, 'light_level', 'u8'),
  numberChannel(0x07, 0x7d, 'co2', 'u16le'),
  tvocChannel(0x7d, TVOC_IAQ, 100),
  tvocChannel(0xe6, TVOC_UG_M3, 1),
  numberChannel(0x09, 0x73, 'pressure', 'u16le', 10),
  numberChannel(0x0a, 0x7d, 'hcho', 'u16le', 100),
  numberChannel(0x0b, 0x7d, 'pm2_5', 'u16le'),
  numberChannel(0x0c, 0x7d, 'pm10', 'u16le'),
  numberChannel(0x0d, 0x7d, 'o3', 'u16le', 100),
  choiceChannel(0x0e, 0x01, 'buzzer_status', ['off', 'on']),
  historyChannel(0x20, 100),
  historyChannel(0x21, 1),
];

// Note: `hcho` (mg/m³) and `o3` (ppm) have no metric in our catalogue: they stay in `fields`.
function observe(fields: Fields) {
  const list = new ObservationList(fields)
    .number('batteryPercent', 'battery')
    .number('temperatureC', 'temperature')
    .number('humidityPercent', 'humidity')
    .flag('motion', 'pir', 'trigger', ['idle'])
    .number('lightLevel', 'light_level')
    .number('co2Ppm', 'co2')
    .number('pressureHpa', 'pressure')
    .number('pm25UgM3', 'pm2_5')
    .number('pm10UgM3', 'pm10');
  list.number(stringField(fields, 'tvoc_unit') === TVOC_UG_M3 ? 'tvocUgM3' : 'tvocIndex', 'tvoc');
  return list.items;
}

export const milesightAm319 = milesightCodec({
  model: 'milesight-am319',
  description: "Capteur d'ambiance intérieure 9-en-1 (température, humidité, présence, lumière, CO₂, COV, pression, particules, HCHO ou O₃)",
  channels: CHANNELS,
  observe,
});
