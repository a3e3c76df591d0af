import { ByteWriter } from './bytes';
import { type Fields, ObservationList, booleanField, stringField } from './fields';
import {
  type AdeunisFrame,
  adeunisSeconds,
  adeunisTimestamp,
  statusWithoutHardwareError,
  decodeAdeunisFrame,
  expectRemaining,
  latestValue,
  nestedFields,
  reading,
  readingValue,
  unwrapVendorObject,
  writeStatus,
} from './adeunis-frame';
import { COMFORT_CO2_CONFIGURATION, COMFORT_CO2_DAILY } from './adeunis-comfort-co2-reports';
import {
  DIGITAL_INPUT_CONFIGURATION,
  SET_REGISTER_STATUS,
  SOFTWARE_VERSION,
  digitalInputAlarmFrame,
  networkConfigurationFrame,
} from './adeunis-generic-frames';
import type { DecodedUplink, DeviceCodec } from './types';

/**
 * Adeunis COMFORT CO2: temperature, humidity and CO₂ in a room, sampled and sent in batches.
 * Written from Adeunis' COMFORT CO2 technical reference and its codec for `comfortCo2`
 * (TheThingsNetwork/lorawan-devices, vendor/adeunis/comfort_co2_lib.js and comfort-co2-codec.yaml).
 * Frames: 0x6a data (samples, most recent first), 0x6b threshold alarm, 0x30 daily report, 0x10
 * configuration, and the shared 0x1f, 0x20, 0x33, 0x37, 0x51, 0x52. Status bit 2 says a 4-byte
 * timestamp (seconds since 2013-01-01 UTC) ends the frame; bit 3 a configuration inconsistency.
 */

const MODEL = 'adeunis-comfort-co2';
const ADEUNIS_FPORT = 1;
const DATA = 0x6a;
const TIMESTAMP_BIT = 0x04;
const SAMPLE_BYTES = 5;

/** Note: this product's codec reports `hardwareError` as always false (bit 2 is the timestamp flag). */
function comfortStatus(status: number): Fields {
  return {
    ...statusWithoutHardwareError(status),
    timestamp: (status & TIMESTAMP_BIT) !== 0,
  };
}

const SAMPLES: AdeunisFrame = {
  type: '0x6a Comfort CO2 data',
  read(reader, out, status) {
    const timestamped = (status & TIMESTAMP_BIT) !== 0;
    const sampleBytes = reader.remaining - (timestamped ? 4 : 0);
    if (sampleBytes < SAMPLE_BYTES) reader.take(SAMPLE_BYTES + (timestamped ? 4 : 0));
    if (sampleBytes % SAMPLE_BYTES !== 0) {
      throw reader.fail(`échantillons incomplets (${SAMPLE_BYTES} octets chacun)`, reader.offset + sampleBytes - (sampleBytes % SAMPLE_BYTES));
    }
    const temperature: number[] = [];
    const humidity: number[] = [];
    const co2: number[] = [];
    for (let i = 0; i < sampleBytes / SAMPLE_BYTES; i++) {
      temperature.push(reader.i16be() / 10);
      humidity.push(reader.u8());
      co2.push(reader.u16be());
    }
    if (timestamped) out.timestamp = adeunisTimestamp(reader.u32be());
    out.decodingInfo = 'values: [t=0, t-1, t-2, ...]';
    out.temperature = { unit: '°C', values: temperature };
    out.humidity = { unit: '%', values: humidity };
    out.co2 = { unit: 'ppm', values: co2 };
  },
};

const THRESHOLD_ALARM: AdeunisFrame = {
  type: '0x6b Comfort CO2 alarm',
  read(reader, out, status) {
    const timestamped = (status & TIMESTAMP_BIT) !== 0;
    expectRemaining(reader, timestamped ? 10 : 6, 'alarme de seuil');
    const flags = reader.u8();
    const temperature = reader.i16be() / 10;
    const humidity = reader.u8();
    // The vendor's decoder reads the CO₂ of this frame as a signed 16-bit value.
    const co2 = reader.i16be();
    if (timestamped) out.timestamp = adeunisTimestamp(reader.u32be());
    const state = (bit: number) => (flags & bit ? 'active' : 'inactive');
    out.alarmTemperature = { alarmStatus: state(0x10), temperature: reading('°C', temperature) };
    out.alarmHumidity = { alarmStatus: state(0x01), humidity: reading('%', humidity) };
    out.alarmCo2 = { alarmStatus: state(0x20), co2: reading('ppm', co2) };
  },
};

const FRAMES: ReadonlyMap<number, AdeunisFrame> = new Map([
  [0x10, COMFORT_CO2_CONFIGURATION],
  [0x1f, DIGITAL_INPUT_CONFIGURATION],
  [0x20, networkConfigurationFrame(true)],
  [0x30, COMFORT_CO2_DAILY],
  [0x33, SET_REGISTER_STATUS],
  [0x37, SOFTWARE_VERSION],
  [0x51, digitalInputAlarmFrame(1)],
  [0x52, digitalInputAlarmFrame(2)],
  [DATA, SAMPLES],
  [0x6b, THRESHOLD_ALARM],
]);

/** A nested `{ unit, value }` reading, e.g. `alarmCo2.co2`. */
function nestedValue(fields: Fields, outer: string, inner: string): number | undefined {
  const group = nestedFields(fields[outer]);
  return group === undefined ? undefined : readingValue(group, inner);
}

/**
 * The latest sample of a 0x6a frame (older samples are history), or the readings an alarm
 * carries; a digital input alarm gives that input's level. The daily report's minima, maxima and
 * averages have no metric.
 */
function observe(fields: Fields) {
  const list = new ObservationList(fields);
  const push = (metric: 'temperatureC' | 'humidityPercent' | 'co2Ppm', value: number | undefined) => {
    if (value !== undefined) list.push(metric, value);
  };
  const type = stringField(fields, 'type');
  if (type === SAMPLES.type) {
    push('temperatureC', latestValue(fields, 'temperature'));
    push('humidityPercent', latestValue(fields, 'humidity'));
    push('co2Ppm', latestValue(fields, 'co2'));
  } else if (type === THRESHOLD_ALARM.type) {
    push('temperatureC', nestedValue(fields, 'alarmTemperature', 'temperature'));
    push('humidityPercent', nestedValue(fields, 'alarmHumidity', 'humidity'));
    push('co2Ppm', nestedValue(fields, 'alarmCo2', 'co2'));
  } else if (type === '0x51 digital input 1 alarm' || type === '0x52 digital input 2 alarm') {
    const state = fields.state;
    const current = booleanField(nestedFields(state) ?? {}, 'current');
    if (current !== undefined) list.push(type.startsWith('0x51') ? 'digitalInput1' : 'digitalInput2', current);
  }
  return list.items;
}

/**
 * Device side: the 0x6a frame. `temperature`, `humidity`, `co2` are numbers (one sample) or the
 * decoder's `{ values: [t=0, t-1, …] }`; `timestamp` (ISO, UTC, as decoded) is optional.
 */
function encodeUplink(fields: Record<string, unknown>) {
  const temperature = samples(fields, 'temperature');
  const humidity = samples(fields, 'humidity');
  const co2 = samples(fields, 'co2');
  if (humidity.length !== temperature.length || co2.length !== temperature.length) {
    throw new RangeError('temperature, humidity, co2 : autant d’échantillons attendus pour chacun');
  }
  const timestamp = stringField(fields, 'timestamp');
  const writer = new ByteWriter().u8(DATA);
  const status = { ...nestedFields(fields.status), timestamp: timestamp !== undefined };
  writeStatus(writer, { status }, { configurationInconsistency: 0x08, timestamp: TIMESTAMP_BIT });
  temperature.forEach((celsius, i) => {
    writer.i16be(Math.round(celsius * 10), 'temperature').u8(humidity[i] ?? 0, 'humidity').u16be(co2[i] ?? 0, 'co2');
  });
  if (timestamp !== undefined) writer.u32be(adeunisSeconds(timestamp), 'timestamp');
  return { fPort: ADEUNIS_FPORT, bytes: writer.toBytes() };
}

function samples(fields: Fields, name: string): number[] {
  const value = fields[name];
  if (typeof value === 'number') return [value];
  const values = typeof value === 'object' && value !== null && 'values' in value ? value.values : undefined;
  if (Array.isArray(values) && values.length > 0 && values.every((v): v is number => typeof v === 'number')) return values;
  throw new TypeError(`${name} : nombre ou { values: [...] } attendu`);
}

function decode(fields: Fields): DecodedUplink {
  return { fields, observations: observe(fields) };
}

export const adeunisComfortCo2: DeviceCodec = {
  model: MODEL,
  vendor: 'Adeunis',
  description: "Capteur d'ambiance intérieure COMFORT CO2 (température, humidité, CO₂)",
  decodeUplink: (fPort, bytes) => decode(decodeAdeunisFrame(MODEL, fPort, bytes, FRAMES, comfortStatus)),
  normaliseObject: (object) => decode(unwrapVendorObject(object)),
  encodeUplink,
};
