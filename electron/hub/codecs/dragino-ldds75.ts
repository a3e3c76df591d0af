import { ByteReader, ByteWriter, scaled } from './bytes';
import { type Fields, ObservationList, numberField } from './fields';
import type { DecodedUplink, DeviceCodec } from './types';
import { measure } from './vendor-measure';

/**
 * Dragino LDDS75 ultrasonic distance sensor, mounted under a waste container's lid. Written from
 * the LDDS75 user manual (uplink FPort 2, 8 bytes: BAT · Distance (mm) · Interrupt flag ·
 * DS18B20 temperature (optional probe) · Sensor flag) and the vendor's decoder field names
 * (dragino/dragino-end-node-decoder, LDDS75 v1.1.4).
 *
 * The fill level needs the container's depth, so the rules derive `fillPercent` from `distanceMm`.
 * A sensor flag of 0 means no ultrasonic probe answered, and a distance under 20 mm is not a
 * reading (the vendor's earlier decoder says so): neither gives a `distanceMm`.
 * The DS18B20 probe is optional (and absent on our bins), so its reading stays a field.
 */

const MODEL = 'dragino-ldds75';
const DATA_FPORT = 2;
const FRAME_LENGTH = 8;
const LEGACY_FRAME_LENGTH = 5;
const LEGACY_NO_SENSOR_LENGTH = 3;
/** Below this the vendor calls the reading invalid (the probe sees its own housing). */
const MIN_VALID_DISTANCE_MM = 20;
/** The two top bits of the BAT word are not part of the voltage (the vendor masks them). */
const BATTERY_MASK = 0x3fff;

function decodeData(reader: ByteReader, length: number): Fields {
  if (length === LEGACY_FRAME_LENGTH || length === LEGACY_NO_SENSOR_LENGTH) return decodeLegacy(reader, length);
  if (length < FRAME_LENGTH) throw reader.fail(`trame de ${length} octets : 3, 5 ou ${FRAME_LENGTH} octets attendus`, length);
  const batteryMv = reader.u16be() & BATTERY_MASK;
  const distance = reader.u16be();
  const interrupt = reader.u8();
  const temperature = reader.i16be();
  const sensor = reader.u8();
  if (!reader.done) throw reader.fail(`trame trop longue : ${FRAME_LENGTH} octets attendus`);
  return {
    Node_type: 'LDDS75',
    Bat: batteryMv / 1000,
    Distance: distance,
    Interrupt_flag: interrupt,
    TempC_DS18B20: temperature / 10,
    Sensor_flag: sensor,
  };
}

/**
 * Earlier firmware (the vendor's "LDDS75 decoder--Chirpstack"): BAT · Distance · interrupt in 5
 * bytes, or BAT · interrupt in 3 when no probe is connected; a distance under 20 mm is reported
 * as an invalid reading.
 */
function decodeLegacy(reader: ByteReader, length: number): Fields {
  const out: Fields = { Node_type: 'LDDS75', Bat: (reader.u16be() & BATTERY_MASK) / 1000 };
  if (length === LEGACY_FRAME_LENGTH) {
    const distance = reader.u16be();
    out.Distance = distance < MIN_VALID_DISTANCE_MM ? 'Invalid Reading' : distance;
  } else out.Distance = 'No Sensor';
  out.Interrupt_status = reader.u8();
  return out;
}

function observe(fields: Fields) {
  const list = new ObservationList(fields);
  const distance = measure(fields, 'Distance');
  const probeAnswered = measure(fields, 'Sensor_flag') !== 0;
  if (distance !== undefined && probeAnswered && distance >= MIN_VALID_DISTANCE_MM) list.push('distanceMm', distance);
  const battery = measure(fields, 'Bat');
  if (battery !== undefined) list.push('batteryV', battery);
  return list.items;
}

/** Device side: the 8-byte uplink from the decoded field names (`Distance` required). */
function encodeUplink(fields: Fields): { fPort: number; bytes: Uint8Array } {
  const distance = numberField(fields, 'Distance');
  if (distance === undefined) throw new TypeError('Distance : nombre attendu (mm)');
  const bytes = new ByteWriter()
    .u16be(scaled(numberField(fields, 'Bat') ?? 3.3, 1000), 'Bat')
    .u16be(distance, 'Distance')
    .u8(numberField(fields, 'Interrupt_flag') ?? 0, 'Interrupt_flag')
    .i16be(scaled(numberField(fields, 'TempC_DS18B20') ?? 0, 10), 'TempC_DS18B20')
    .u8(numberField(fields, 'Sensor_flag') ?? 1, 'Sensor_flag')
    .toBytes();
  return { fPort: DATA_FPORT, bytes };
}

const decoded = (fields: Fields): DecodedUplink => ({ fields, observations: observe(fields) });

export const draginoLdds75: DeviceCodec = {
  model: MODEL,
  vendor: 'Dragino',
  description: 'Capteur de distance à ultrasons (remplissage de conteneur, tension de pile)',
  decodeUplink(fPort, bytes) {
    const reader = new ByteReader(MODEL, fPort, bytes);
    if (fPort !== DATA_FPORT) throw reader.fail(`port ${fPort} inattendu : les mesures arrivent sur le port ${DATA_FPORT}`, 0);
    return decoded(decodeData(reader, bytes.length));
  },
  normaliseObject: (object) => decoded(object),
  encodeUplink,
};
