import type { ByteReader } from './bytes';
import { type Fields, ObservationList, stringField, roundTo } from './fields';
import { ATTRIBUTE_CHANNELS, type Channel, choiceChannel, numberChannel } from './milesight-tlv';

/**
 * What Milesight's AM300 family (AM307, AM319) share, from the vendor's AM300 tables
 * (Milesight-IoT/SensorDecoders, AM_Series): the ambience channels, TVOC in two units, and the
 * stored records whose first 18 bytes are the same on every model.
 */

// TVOC comes in two units depending on the device setting: an IAQ index on type 0x7D (÷100)
// or µg/m³ on type 0xE6. Both decode to `tvoc`; we also set the vendor's `tvoc_unit` name so the
// observation knows which metric it is. An object without `tvoc_unit` is read as the IAQ index,
// the unit of the sensors' factory setting.
export const TVOC_IAQ = 'iaq';
export const TVOC_UG_M3 = 'ug/m3';
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

/** A stored record (0x20 CE: TVOC as IAQ index; 0x21 CE: µg/m³), decode only; `extra` reads what a model adds. */
export function historyChannel(id: number, tvocDivisor: number, extra: (reader: ByteReader) => Fields = () => ({})): Channel {
  return {
    id,
    type: 0xce,
    fields: ['history'],
    read(reader, out) {
      const history = Array.isArray(out.history) ? out.history : [];
      history.push({ ...readHistoryRecord(reader, tvocDivisor), ...extra(reader) });
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

/** The channels every AM300 model reports, before the ones a model adds. */
export const AM300_CHANNELS: readonly Channel[] = [
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
];

export const BUZZER_CHANNEL = choiceChannel(0x0e, 0x01, 'buzzer_status', ['off', 'on']);

/** The observations every AM300 model gives; `more` adds a model's own, before TVOC. */
export function observeAm300(fields: Fields, more: (list: ObservationList) => ObservationList = (list) => list): ObservationList {
  const list = new ObservationList(fields)
    .number('batteryPercent', 'battery')
    .number('temperatureC', 'temperature')
    .number('humidityPercent', 'humidity')
    .flag('motion', 'pir', 'trigger', ['idle'])
    .number('lightLevel', 'light_level')
    .number('co2Ppm', 'co2')
    .number('pressureHpa', 'pressure');
  return more(list).number(stringField(fields, 'tvoc_unit') === TVOC_UG_M3 ? 'tvocUgM3' : 'tvocIndex', 'tvoc');
}
