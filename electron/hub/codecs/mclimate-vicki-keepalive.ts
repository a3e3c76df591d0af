import type { ByteReader, ByteWriter } from './bytes';
import { type Fields, booleanField, numberField, requireNumber, roundTo } from './fields';

/**
 * The MClimate Vicki keep-alive: the 9-byte frame the thermostat sends every period, and at the
 * end of every other uplink. Written from MClimate's "Keep-alive" table (Vicki LoRaWAN device
 * communication protocol, MClimate/docs); names follow the vendor's uplink decoder.
 *
 * | byte | bits | field |
 * |---|---|---|
 * | 0 | | `reason`: 0x01 (firmware ≤ 3.4) or 0x81 (firmware ≥ 3.5, finer temperature formula) |
 * | 1 | | `targetTemperature`, whole °C (0x05–0x1E) |
 * | 2 | | `sensorTemperature`: 0x01 → XX × 165 / 256 − 40; 0x81 → (XX − 28.33333) / 5.66666 |
 * | 3 | | `relativeHumidity` = XX × 100 / 256 |
 * | 4, 5, 6 | | `motorPosition` = byte 6 high nibble · byte 4; `motorRange` = byte 6 low nibble · byte 5 (steps) |
 * | 7 | 7:4 | `batteryVoltage` = 2 + X × 0.1 V |
 * | 7 | 3, 2, 1, 0 | `openWindow`, `highMotorConsumption`, `lowMotorConsumption`, `brokenSensor` |
 * | 8 | 7 | `childLock` (rotary encoder disabled) |
 * | 8 | 6, 5, 4, 3 | `calibrationFailed`, `attachedBackplate`, `perceiveAsOnline`, `antiFreezeProtection` (0x81 only; reserved before firmware 4.1/4.3, sent as 0) |
 *
 * `valveOpenness` is derived as the vendor's decoder does: (1 − position / range) × 100 %, 0 while
 * the motor range is unknown (not calibrated).
 */

export const KEEP_ALIVE_LENGTH = 9;
export const KEEP_ALIVE_FW_3_4 = 0x01;
export const KEEP_ALIVE_FW_3_5 = 0x81;

const STATUS_BITS = { openWindow: 0x08, highMotorConsumption: 0x04, lowMotorConsumption: 0x02, brokenSensor: 0x01 } as const;
const FLAG_BITS = { childLock: 0x80 } as const;
/** Bits firmware ≥ 4.1 (anti-freeze: ≥ 4.3) sets in byte 8; reserved, and 0, in 0x01 frames. */
const FLAG_BITS_FW_3_5 = { calibrationFailed: 0x40, attachedBackplate: 0x20, perceiveAsOnline: 0x10, antiFreezeProtection: 0x08 } as const;

export function isKeepAliveCode(code: number): boolean {
  return code === KEEP_ALIVE_FW_3_4 || code === KEEP_ALIVE_FW_3_5;
}

/** Reads the 9 bytes at the reader's position into `out`. */
export function readKeepAlive(reader: ByteReader, out: Fields): void {
  const reason = reader.u8();
  out.reason = reason;
  out.targetTemperature = reader.u8();
  const rawTemperature = reader.u8();
  out.sensorTemperature = roundTo(reason === KEEP_ALIVE_FW_3_4 ? (rawTemperature * 165) / 256 - 40 : (rawTemperature - 28.33333) / 5.66666, 2);
  out.relativeHumidity = roundTo((reader.u8() * 100) / 256, 2);
  const positionLow = reader.u8();
  const rangeLow = reader.u8();
  const highNibbles = reader.u8();
  const motorPosition = ((highNibbles >> 4) << 8) | positionLow;
  const motorRange = ((highNibbles & 0x0f) << 8) | rangeLow;
  out.motorPosition = motorPosition;
  out.motorRange = motorRange;
  const status = reader.u8();
  out.batteryVoltage = roundTo(2 + (status >> 4) * 0.1, 1);
  for (const [name, bit] of Object.entries(STATUS_BITS)) out[name] = (status & bit) !== 0;
  const flags = reader.u8();
  out.childLock = (flags & FLAG_BITS.childLock) !== 0;
  if (reason === KEEP_ALIVE_FW_3_5) for (const [name, bit] of Object.entries(FLAG_BITS_FW_3_5)) out[name] = (flags & bit) !== 0;
  out.valveOpenness = valveOpenness(motorPosition, motorRange);
}

function valveOpenness(position: number, range: number): number {
  if (range === 0) return 0;
  // A position past the calibrated range (seen after a recalibration) would read negative.
  return Math.min(100, Math.max(0, Math.round((1 - position / range) * 100)));
}

/**
 * Device side: the keep-alive for these fields. Required: `targetTemperature` (or
 * `targetTemperatureFloat`, shown rounded on the ring), `sensorTemperature`, `relativeHumidity`,
 * `batteryVoltage`. Optional: `reason` (default 0x81), `motorRange` (default 0, not calibrated),
 * `motorPosition` (default from `valveOpenness`, else the valve closed), the status flags (false).
 */
export function writeKeepAlive(writer: ByteWriter, fields: Fields): void {
  const reason = numberField(fields, 'reason') ?? KEEP_ALIVE_FW_3_5;
  if (!isKeepAliveCode(reason)) throw new RangeError(`reason : 1 ou 129 (0x81) attendu, reçu ${reason}`);
  const target = numberField(fields, 'targetTemperature') ?? Math.round(requireNumber(fields, 'targetTemperatureFloat'));
  const motorRange = twelveBits(numberField(fields, 'motorRange') ?? 0, 'motorRange');
  const motorPosition = twelveBits(numberField(fields, 'motorPosition') ?? positionFor(motorRange, numberField(fields, 'valveOpenness')), 'motorPosition');
  let status = nibble(Math.round((requireNumber(fields, 'batteryVoltage') - 2) * 10), 'batteryVoltage') << 4;
  for (const [name, bit] of Object.entries(STATUS_BITS)) if (booleanField(fields, name) === true) status |= bit;
  let flags = booleanField(fields, 'childLock') === true ? FLAG_BITS.childLock : 0;
  if (reason === KEEP_ALIVE_FW_3_5) for (const [name, bit] of Object.entries(FLAG_BITS_FW_3_5)) if (booleanField(fields, name) === true) flags |= bit;
  writer
    .u8(reason, 'reason')
    .u8(target, 'targetTemperature')
    .u8(rawTemperature(reason, requireNumber(fields, 'sensorTemperature')), 'sensorTemperature')
    .u8(Math.round((requireNumber(fields, 'relativeHumidity') * 256) / 100), 'relativeHumidity')
    .u8(motorPosition & 0xff)
    .u8(motorRange & 0xff)
    .u8(((motorPosition >> 8) << 4) | (motorRange >> 8))
    .u8(status)
    .u8(flags);
}

function rawTemperature(reason: number, celsius: number): number {
  return Math.round(reason === KEEP_ALIVE_FW_3_4 ? ((celsius + 40) * 256) / 165 : celsius * 5.66666 + 28.33333);
}

/** The motor position (steps from fully open) that gives this valve opening. */
function positionFor(motorRange: number, opennessPercent: number | undefined): number {
  if (opennessPercent === undefined) return motorRange;
  return Math.round(motorRange * (1 - opennessPercent / 100));
}

function twelveBits(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xfff) throw new RangeError(`${name} : ${value} hors de la plage encodable [0, 4095]`);
  return value;
}

function nibble(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xf) throw new RangeError(`${name} : hors de la plage encodable (2,0 à 3,5 V)`);
  return value;
}

