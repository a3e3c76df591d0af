import type { ByteReader, ByteWriter } from './bytes';
import { type Fields, numberField, requireNumber, roundTo } from './fields';

/**
 * Elsys' generic uplink payload: a run of `type (1 B) · value` where the type fixes the length,
 * big-endian, shared by every Elsys sensor (ERS, ERS CO2, EMS, ELT…). Written from Elsys'
 * published payload description and decoder ("Elsys payload", elsys.se; the copy in
 * TheThingsNetwork/lorawan-devices, vendor/elsys/elsys.js). Names follow that decoder.
 */
export interface ElsysType {
  readonly code: number;
  /** Field names this type yields (and, when `write` exists, takes). */
  readonly fields: readonly string[];
  read(reader: ByteReader, out: Fields): void;
  write?(writer: ByteWriter, fields: Fields): void;
}

function unsigned(code: number, field: string, bytes: 1 | 2 | 4, divisor = 1): ElsysType {
  return {
    code,
    fields: [field],
    read(reader, out) {
      const raw = bytes === 1 ? reader.u8() : bytes === 2 ? reader.u16be() : reader.u32be();
      out[field] = roundTo(raw / divisor, 6);
    },
    write(writer, fields) {
      const raw = Math.round(requireNumber(fields, field) * divisor);
      if (bytes === 1) writer.u8(raw, field);
      else if (bytes === 2) writer.u16be(raw, field);
      else writer.u32be(raw, field);
    },
  };
}

/** Tenths of a degree, int16. */
function celsius(code: number, field: string): ElsysType {
  return {
    code,
    fields: [field],
    read: (reader, out) => void (out[field] = reader.i16be() / 10),
    write: (writer, fields) => void writer.i16be(Math.round(requireNumber(fields, field) * 10), field),
  };
}

function i32be(reader: ByteReader): number {
  return reader.u32be() | 0;
}

const ACCELERATION: ElsysType = {
  code: 0x03,
  fields: ['x', 'y', 'z'],
  // ±63 = 1 g on each axis.
  read: (reader, out) => Object.assign(out, { x: reader.i8(), y: reader.i8(), z: reader.i8() }),
  write: (writer, fields) => void writer.i8(requireNumber(fields, 'x'), 'x').i8(requireNumber(fields, 'y'), 'y').i8(requireNumber(fields, 'z'), 'z'),
};

/** Two 24-bit raw coordinates, left unscaled as the vendor's decoder leaves them; decode only. */
const GPS: ElsysType = {
  code: 0x09,
  fields: ['lat', 'long'],
  read(reader, out) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = reader.take(6);
    out.lat = (a << 16) | (b << 8) | c;
    out.long = (d << 16) | (e << 8) | f;
  },
};

const IR_TEMPERATURE: ElsysType = {
  code: 0x10,
  fields: ['irInternalTemperature', 'irExternalTemperature'],
  read(reader, out) {
    out.irInternalTemperature = reader.i16be() / 10;
    out.irExternalTemperature = reader.i16be() / 10;
  },
};

/** A reference byte then 64 pixels in tenths above it; decode only. */
const GRIDEYE: ElsysType = {
  code: 0x13,
  fields: ['grideye'],
  read(reader, out) {
    const reference = reader.u8();
    out.grideye = Array.from(reader.take(64), (pixel) => roundTo(reference + pixel / 10, 1));
  },
};

const SOUND: ElsysType = {
  code: 0x15,
  fields: ['soundPeak', 'soundAvg'],
  read: (reader, out) => Object.assign(out, { soundPeak: reader.u8(), soundAvg: reader.u8() }),
  write: (writer, fields) => void writer.u8(requireNumber(fields, 'soundPeak'), 'soundPeak').u8(requireNumber(fields, 'soundAvg'), 'soundAvg'),
};

/** A second external probe may repeat in one frame: the vendor's decoder then makes an array. */
const EXTERNAL_TEMPERATURE_2: ElsysType = {
  code: 0x19,
  fields: ['externalTemperature2'],
  read(reader, out) {
    const value = reader.i16be() / 10;
    const previous = out.externalTemperature2;
    if (previous === undefined) out.externalTemperature2 = value;
    else out.externalTemperature2 = Array.isArray(previous) ? [...previous, value] : [previous, value];
  },
  write(writer, fields) {
    const value = numberField(fields, 'externalTemperature2');
    if (value === undefined) throw new TypeError('externalTemperature2 : nombre attendu');
    writer.i16be(Math.round(value * 10), 'externalTemperature2');
  },
};

export const ELSYS_TYPES: readonly ElsysType[] = [
  celsius(0x01, 'temperature'),
  unsigned(0x02, 'humidity', 1),
  ACCELERATION,
  unsigned(0x04, 'light', 2),
  unsigned(0x05, 'motion', 1),
  unsigned(0x06, 'co2', 2),
  unsigned(0x07, 'vdd', 2),
  unsigned(0x08, 'analog1', 2),
  GPS,
  unsigned(0x0a, 'pulse1', 2),
  unsigned(0x0b, 'pulseAbs', 4),
  celsius(0x0c, 'externalTemperature'),
  unsigned(0x0d, 'digital', 1),
  unsigned(0x0e, 'distance', 2),
  unsigned(0x0f, 'accMotion', 1),
  IR_TEMPERATURE,
  unsigned(0x11, 'occupancy', 1),
  unsigned(0x12, 'waterleak', 1),
  GRIDEYE,
  unsigned(0x14, 'pressure', 4, 1000),
  SOUND,
  unsigned(0x16, 'pulse2', 2),
  unsigned(0x17, 'pulseAbs2', 4),
  unsigned(0x18, 'analog2', 2),
  EXTERNAL_TEMPERATURE_2,
  unsigned(0x1a, 'digital2', 1),
  { code: 0x1b, fields: ['analogUv'], read: (reader, out) => void (out.analogUv = i32be(reader)) },
  unsigned(0x1c, 'tvoc', 2),
  { code: 0x3d, fields: ['debug'], read: (reader, out) => void (out.debug = reader.u32be()) },
];
