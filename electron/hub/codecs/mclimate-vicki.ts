import type { CommandRequest } from '../../../shared/domain/commands';
import { ByteReader, ByteWriter, scaled } from './bytes';
import { type Fields, ObservationList, numberField } from './fields';
import { KEEP_ALIVE_LENGTH, isKeepAliveCode, readKeepAlive, writeKeepAlive } from './mclimate-vicki-keepalive';
import { hex } from './milesight-tlv';
import type { DeviceCodec } from './types';

/**
 * MClimate Vicki LoRaWAN radiator thermostat. Written from MClimate's "Vicki LoRaWAN Device
 * communication protocol" (docs.mclimate.eu, sources in MClimate/docs): communication concepts,
 * keep-alive, commands cheat sheet, target temperature commands. Field names follow the vendor's
 * uplink decoder (`targetTemperature`, `targetTemperatureFloat`, `sensorTemperature`…).
 *
 * An uplink is a run of command replies followed by the 9-byte keep-alive (`mclimate-vicki-keepalive.ts`).
 * Replies answer GET downlinks; one comes unasked: since firmware 4.3 a target that is not a whole
 * degree is reported as `52 HH LL` (tenths of °C) in front of every keep-alive.
 */

const MODEL = 'mclimate-vicki';
/** Vicki sends on port 2 and takes downlinks on ports 1, 2 and 4–223; we answer on 2. */
const UPLINK_FPORT = 2;
const DOWNLINK_FPORT = 2;

/** The target range of the device (command 0x08's limits: 5 °C minimum, 30 °C maximum). */
export const VICKI_TARGET_RANGE_C = { min: 5, max: 30 } as const;

// Set-target downlinks: 0x0E whole °C (firmware ≥ 3.5); 0x51 tenths of °C, u16 big-endian (≥ 4.3).
const SET_TARGET = 0x0e;
const SET_TARGET_TENTHS = 0x51;
const TARGET_TENTHS_REPLY = 0x52;

interface Reply {
  length: number;
  read(reader: ByteReader, out: Fields): void;
}

/** Replies to the GET commands of the cheat sheet that the hub may ask (codes as the vendor's). */
const REPLIES: ReadonlyMap<number, Reply> = new Map<number, Reply>([
  [0x04, { length: 2, read: (r, out) => (out.deviceVersions = { hardware: version(r.u8()), software: version(r.u8()) }) }],
  [0x12, { length: 1, read: (r, out) => (out.keepAliveTime = r.u8()) }],
  [0x15, { length: 2, read: (r, out) => (out.temperatureRangeSettings = { min: r.u8(), max: r.u8() }) }],
  [0x18, { length: 1, read: (r, out) => (out.operationalMode = r.u8()) }],
  [0x1b, { length: 1, read: (r, out) => (out.uplinkType = r.u8()) }],
  [0x28, { length: 1, read: (r, out) => (out.manualTargetTemperatureUpdate = r.u8()) }],
  [TARGET_TENTHS_REPLY, { length: 2, read: (r, out) => (out.targetTemperatureFloat = r.u16be() / 10) }],
]);

/** Versions are sent as two decimal digits in a byte: 0x42 is version 4.2. */
function version(byte: number): number {
  return (byte >> 4) + (byte & 0x0f) / 10;
}

function decodeFrame(fPort: number, bytes: Uint8Array): Fields {
  const reader = new ByteReader(MODEL, fPort, bytes);
  if (fPort !== UPLINK_FPORT) throw reader.fail(`port ${fPort} inattendu : la Vicki émet sur le port ${UPLINK_FPORT}`, 0);
  if (bytes.length === 0) throw reader.fail('trame vide', 0);
  const fields: Fields = {};
  while (!reader.done) {
    const at = reader.offset;
    const code = bytes[at] ?? 0;
    if (isKeepAliveCode(code)) {
      if (reader.remaining !== KEEP_ALIVE_LENGTH) {
        throw reader.fail(`keep-alive de ${reader.remaining} octet(s), ${KEEP_ALIVE_LENGTH} attendus`, at);
      }
      readKeepAlive(reader, fields);
      break;
    }
    const reply = REPLIES.get(code);
    if (reply === undefined) throw reader.fail(`réponse de commande ${hex(code)} inconnue`, at);
    reader.u8();
    reply.read(reader, fields);
  }
  // As the vendor's decoder: without a 0x52 reply the target is the whole-degree one.
  if (fields.targetTemperatureFloat === undefined && typeof fields.targetTemperature === 'number') {
    fields.targetTemperatureFloat = fields.targetTemperature;
  }
  return fields;
}

function observe(fields: Fields) {
  const list = new ObservationList(fields);
  // A broken sensor reports a meaningless temperature: leave the last good one on the map.
  if (fields.brokenSensor !== true) list.number('temperatureC', 'sensorTemperature');
  list.number('humidityPercent', 'relativeHumidity');
  const target = tenthsTarget(fields.targetTemperatureFloat) ?? numberField(fields, 'targetTemperature');
  if (target !== undefined) list.push('setpointC', target);
  return list.number('valvePercent', 'valveOpenness').boolean('windowOpen', 'openWindow').items;
}

/** Note: one version of the vendor's decoder gives `targetTemperatureFloat` as a string ("19.50"). */
function tenthsTarget(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function isTenth(celsius: number): boolean {
  return Math.abs(celsius * 10 - Math.round(celsius * 10)) < 1e-9;
}

function whyUnsupported(command: CommandRequest): string | undefined {
  if (command.type !== 'heating.setpoint') return `La tête thermostatique Vicki ne sait pas exécuter ${command.type}.`;
  const { min, max } = VICKI_TARGET_RANGE_C;
  if (command.celsius < min || command.celsius > max) {
    return `La tête thermostatique MClimate Vicki règle entre ${min} et ${max} °C : choisissez une consigne dans cette plage.`;
  }
  if (!isTenth(command.celsius)) {
    return 'La tête thermostatique MClimate Vicki prend des consignes au dixième de degré : par exemple 19,5 °C.';
  }
  return undefined;
}

/** Whole degrees keep the command every firmware ≥ 3.5 knows, as MClimate's own encoder does. */
function encodeDownlink(command: CommandRequest) {
  if (command.type !== 'heating.setpoint' || whyUnsupported(command) !== undefined) return undefined;
  const writer = new ByteWriter();
  if (Number.isInteger(command.celsius)) writer.u8(SET_TARGET).u8(command.celsius, 'celsius');
  else writer.u8(SET_TARGET_TENTHS).u16be(scaled(command.celsius, 10), 'celsius');
  return { fPort: DOWNLINK_FPORT, bytes: writer.toBytes() };
}

/** Device side: what the thermostat applies from a downlink (names match the uplink fields). */
function decodeDownlink(fPort: number, bytes: Uint8Array): Record<string, unknown> {
  const reader = new ByteReader(MODEL, fPort, bytes);
  if (bytes.length === 0) throw reader.fail('liaison descendante vide', 0);
  const applied: Record<string, unknown> = {};
  while (!reader.done) {
    const at = reader.offset;
    const code = reader.u8();
    switch (code) {
      case 0x02:
        applied.keepAliveTime = reader.u8();
        break;
      case 0x08:
        applied.temperatureRangeSettings = { min: reader.u8(), max: reader.u8() };
        break;
      case 0x0d:
        applied.operationalMode = reader.u8();
        break;
      case SET_TARGET: {
        const celsius = reader.u8();
        Object.assign(applied, { targetTemperature: celsius, targetTemperatureFloat: celsius });
        break;
      }
      case SET_TARGET_TENTHS: {
        const celsius = reader.u16be() / 10;
        // The ring shows whole degrees; the spec does not say which way a tenth rounds there.
        Object.assign(applied, { targetTemperature: Math.round(celsius), targetTemperatureFloat: celsius });
        break;
      }
      default:
        throw reader.fail(`commande ${hex(code)} non prise en charge`, at);
    }
  }
  return applied;
}

/** Device side: the replies the device puts first (the tenths target), then the keep-alive. */
function encodeUplink(fields: Record<string, unknown>) {
  const writer = new ByteWriter();
  const tenths = numberField(fields, 'targetTemperatureFloat');
  if (tenths !== undefined && !Number.isInteger(tenths)) {
    writer.u8(TARGET_TENTHS_REPLY).u16be(scaled(tenths, 10), 'targetTemperatureFloat');
  }
  writeKeepAlive(writer, fields);
  return { fPort: UPLINK_FPORT, bytes: writer.toBytes() };
}

export const mclimateVicki: DeviceCodec = {
  model: MODEL,
  vendor: 'MClimate',
  description: 'Tête thermostatique de radiateur Vicki (température, consigne au dixième de degré, ouverture de vanne)',
  setpointStepC: 0.1,
  decodeUplink(fPort, bytes) {
    const fields = decodeFrame(fPort, bytes);
    return { fields, observations: observe(fields) };
  },
  normaliseObject: (object) => ({ fields: object, observations: observe(object) }),
  encodeUplink,
  encodeDownlink,
  whyUnsupported,
  decodeDownlink,
};
