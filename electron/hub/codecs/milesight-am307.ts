import type { ByteReader } from './bytes';
import { type Fields, ObservationList, stringField, roundTo } from './fields';
import { milesightCodec } from './milesight-codec';
import { ATTRIBUTE_CHANNELS, type Channel, choiceChannel, numberChannel } from './milesight-tlv';

/**
 * Milesight AM307 indoor ambience sensor (temperature, humidity, PIR, light, CO₂, TVOC, pressure).
 * Written from the vendor's "AM300 v2" payload table (Milesight-IoT/SensorDecoders,
 * AM_Series/AM300_v2): little-endian integers, temperature ÷10, humidity ÷2, pressure ÷10.
 */

// TVOC comes in two units depending on the device setting: an IAQ index on type 0x7D (÷100)
// or µg/m³ on type 0xE6. Both decode to `tvoc`; we also set the vendor's `tvoc_unit` name so the
// observation knows which metric it is. An object without `tvoc_unit` is read as the IAQ index,
// the unit of the sensors' factory setting.
const TVOC_IAQ = 'iaq';
const TVOC_UG_M3 = 'ug/m3';

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

const PIR = ['idle', 'trigger'];

/** A 16-byte stored record (channel 0x20 or 0x21, type 0xCE); decode only. */
function historyChannel(id: number, tvocDivisor: number): Channel {
  return {
    id,
    type: 0xce,
    fields: ['history'],
    read(reader, out) {
      const record = readHistoryRecord(reader, tvocDivisor);
      const history = Array.isArray(out.history) ? out.history : [];
      history.push(record);
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
  choiceChannel(0x0e, 0x01, 'buzzer_status', ['off', 'on']),
  historyChannel(0x20, 100),
  historyChannel(0x21, 1),
];

function observe(fields: Fields) {
  const list = new ObservationList(fields)
    .number('batteryPercent', 'battery')
    .number('temperatureC', 'temperature')
    .number('humidityPercent', 'humidity')
    .flag('motion', 'pir', 'trigger', ['idle'])
    .number('lightLevel', 'light_level')
    .number('co2Ppm', 'co2')
    .number('pressureHpa', 'pressure');
  list.number(stringField(fields, 'tvoc_unit') === TVOC_UG_M3 ? 'tvocUgM3' : 'tvocIndex', 'tvoc');
  return list.items;
}

export const milesightAm307 = milesightCodec({
  model: 'milesight-am307',
  description: "Capteur d'ambiance intérieure 7-en-1 (température, humidité, présence, lumière, CO₂, COV, pression)",
  channels: CHANNELS,
  observe,
});
