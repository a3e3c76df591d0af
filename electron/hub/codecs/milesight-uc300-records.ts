import type { ByteReader } from './bytes';
import { type Fields, roundTo } from './fields';
import { type Channel, hex } from './milesight-tlv';

/**
 * UC300 value formats shared by its live channels and its historical records (vendor decoder,
 * Milesight-IoT/SensorDecoders UC_Series/UC300): half-precision statistics, Modbus values, and
 * the `20 DC` (I/O) and `20 DD` (Modbus) records a UC300 sends when it retransmits stored data.
 */

export const ON_OFF = ['off', 'on'] as const;

/** IEEE 754 half precision, little endian. */
export function float16(reader: ByteReader): number {
  const bits = reader.u16le();
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  const magnitude = exponent === 0 ? fraction * 2 ** -24 : (1024 + fraction) * 2 ** (exponent - 25);
  return sign * magnitude;
}

/** Value, max, min, average (four float16), as `name`, `name_max`, `name_min`, `name_avg`. */
export function readStats(reader: ByteReader, name: string, out: Fields): void {
  for (const suffix of ['', '_max', '_min', '_avg']) out[`${name}${suffix}`] = float16(reader);
}

/**
 * One Modbus value of `dataType` (bit 7: signed; 0 coil, 1 discrete, 2/3 int16, 4/6 int32,
 * 5/7 float, 8/10 int32 high register only, 9/11 int32 low register only), little endian.
 */
export function readModbusValue(reader: ByteReader, dataType: number, typeAt: number): number | string {
  const signed = (dataType & 0x80) !== 0;
  const int16 = (raw: number) => (signed && raw > 0x7fff ? raw - 0x10000 : raw);
  switch (dataType & 0x7f) {
    case 0x00: {
      const at = reader.offset;
      const state = ON_OFF[reader.u8()];
      if (state === undefined) throw reader.fail('valeur de bobine Modbus inconnue', at);
      return state;
    }
    case 0x01:
      return signed ? reader.i8() : reader.u8();
    case 0x02:
    case 0x03:
      return int16(reader.u16le());
    case 0x04:
    case 0x06: {
      const raw = reader.u32le();
      return signed && raw > 0x7fffffff ? raw - 0x100000000 : raw;
    }
    case 0x08:
    case 0x0a: {
      const high = int16(reader.u16le());
      reader.u16le();
      return high;
    }
    case 0x09:
    case 0x0b:
      reader.u16le();
      return int16(reader.u16le());
    case 0x05:
    case 0x07: {
      const raw = reader.take(4);
      return roundTo(new DataView(raw.buffer, raw.byteOffset, 4).getFloat32(0, true), 2);
    }
    default:
      throw reader.fail(`type de donnée Modbus ${hex(dataType)} inconnu`, typeAt);
  }
}

function pushRecord(out: Fields, list: string, record: Fields): void {
  const current = out[list];
  const previous: unknown[] = Array.isArray(current) ? current : [];
  out[list] = [...previous, record];
}

/**
 * 20 DC: timestamp (u32) · channel mask (u16) · for each channel set: DI1–4 (a type byte, then
 * on/off or a counter in 4 bytes), DO1–2 (1 byte), PT100 1–2 (float16), current 1–2 and voltage
 * 1–2 (four float16 each), custom text (48 bytes).
 */
export const CHANNEL_HISTORY: Channel = {
  id: 0x20,
  type: 0xdc,
  fields: ['channel_history'],
  read(reader, out) {
    const record: Fields = { timestamp: reader.u32le() };
    const mask = reader.u16le();
    for (let bit = 0; bit < 13; bit++) {
      if (!(mask & (1 << bit))) continue;
      if (bit < 4) {
        const asCounter = reader.u8() !== 0;
        const value = reader.u32le();
        if (asCounter) record[`counter_${bit + 1}`] = value;
        else record[`gpio_in_${bit + 1}`] = value === 0 ? 'off' : 'on';
      } else if (bit < 6) {
        const at = reader.offset;
        const state = ON_OFF[reader.u8()];
        if (state === undefined) throw reader.fail(`état inconnu pour gpio_out_${bit - 3}`, at);
        record[`gpio_out_${bit - 3}`] = state;
      } else if (bit < 8) record[`pt100_${bit - 5}`] = float16(reader);
      else if (bit < 10) readStats(reader, `adc_${bit - 7}`, record);
      else if (bit < 12) readStats(reader, `adv_${bit - 9}`, record);
      else record.text = String.fromCharCode(...reader.take(48)).replace(/\0+$/, '');
    }
    pushRecord(out, 'channel_history', record);
  },
};

/** 20 DD: timestamp (u32) · Modbus channel mask (u32) · for each channel set: data type · 4 bytes. */
export const MODBUS_HISTORY: Channel = {
  id: 0x20,
  type: 0xdd,
  fields: ['modbus_history'],
  read(reader, out) {
    const record: Fields = { timestamp: reader.u32le() };
    const mask = reader.u32le();
    for (let bit = 0; bit < 32; bit++) {
      if (!(mask & (2 ** bit))) continue;
      const typeAt = reader.offset;
      const dataType = reader.u8();
      // Every value takes a 4-byte slot, whatever its type.
      record[`modbus_chn_${bit + 1}`] = readModbusValue(reader, dataType, typeAt);
      reader.take(4 - (reader.offset - typeAt - 1));
    }
    pushRecord(out, 'modbus_history', record);
  },
};
