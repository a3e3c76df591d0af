import { ByteReader, ByteWriter } from './bytes';
import { type Fields, ObservationList, numberField } from './fields';
import { ELSYS_TYPES, type ElsysType } from './elsys-types';
import { hex } from './milesight-tlv';
import type { DecodedUplink, DeviceCodec } from './types';

/**
 * Elsys ERS CO2 room sensor (temperature, humidity, light, PIR motion count, CO₂, supply voltage).
 * Written from Elsys' generic payload description and decoder (`elsys-types.ts`) and the ERS CO2
 * example of TheThingsNetwork/lorawan-devices (vendor/elsys/ers-co2-codec.yaml). The payload
 * names its own types, so any Elsys type is decoded; the port is not checked (Elsys sends on
 * port 5 by default, and the installer can change it).
 */

const MODEL = 'elsys-ers-co2';
/** Elsys' default application port. */
const ELSYS_FPORT = 5;

const BY_CODE: ReadonlyMap<number, ElsysType> = new Map(ELSYS_TYPES.map((type) => [type.code, type]));

function decodeFrame(fPort: number, bytes: Uint8Array): Fields {
  const reader = new ByteReader(MODEL, fPort, bytes);
  if (bytes.length === 0) throw reader.fail('trame vide', 0);
  const out: Fields = {};
  while (!reader.done) {
    const at = reader.offset;
    const code = reader.u8();
    const type = BY_CODE.get(code);
    // Note: the vendor's decoder silently stops at an unknown type; we say where the frame broke.
    if (type === undefined) throw reader.fail(`type de donnée Elsys ${hex(code)} inconnu`, at);
    type.read(reader, out);
  }
  return out;
}

/** Device side: writes, in type order, every type whose fields are all given. */
function encodeUplink(fields: Record<string, unknown>) {
  const writer = new ByteWriter();
  for (const type of ELSYS_TYPES) {
    if (type.write === undefined || !type.fields.every((name) => fields[name] !== undefined)) continue;
    writer.u8(type.code);
    type.write(writer, fields);
  }
  return { fPort: ELSYS_FPORT, bytes: writer.toBytes() };
}

/**
 * `motion` is the number of PIR detections since the previous uplink: the count, and presence
 * when it is not zero. `vdd` is the supply in mV. `tvoc` (ppb, ERS VOC only) has no metric.
 */
function observe(fields: Fields) {
  const list = new ObservationList(fields)
    .number('temperatureC', 'temperature')
    .number('humidityPercent', 'humidity')
    .number('lightLux', 'light')
    .number('motionCount', 'motion');
  const motion = numberField(fields, 'motion');
  if (motion !== undefined) list.push('motion', motion > 0);
  return list
    .number('co2Ppm', 'co2')
    .number('batteryV', 'vdd', 0.001)
    .number('pressureHpa', 'pressure')
    .number('noiseDb', 'soundAvg')
    .number('pulseCount', 'pulseAbs').items;
}

const decoded = (fields: Fields): DecodedUplink => ({ fields, observations: observe(fields) });

export const elsysErsCo2: DeviceCodec = {
  model: MODEL,
  vendor: 'Elsys',
  description: "Capteur d'ambiance intérieure ERS CO2 (température, humidité, lumière, présence, CO₂)",
  decodeUplink: (fPort, bytes) => decoded(decodeFrame(fPort, bytes)),
  normaliseObject: (object) => decoded(object),
  encodeUplink,
};
