import { PayloadError } from './types';

/**
 * Reads a LoRaWAN payload left to right and turns every overrun into a `PayloadError` that names
 * the model, the port and the byte where the frame ran out, so a truncated uplink is never
 * silently decoded with `undefined` values (what the vendors' JavaScript decoders do).
 */
export class ByteReader {
  private position = 0;

  constructor(
    readonly model: string,
    readonly fPort: number,
    private readonly bytes: Uint8Array,
  ) {}

  get offset(): number {
    return this.position;
  }

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  /** A `PayloadError` at `byteIndex` (defaults to the current position), to throw. */
  fail(reason: string, byteIndex: number = this.position): PayloadError {
    return new PayloadError(this.model, this.fPort, byteIndex, reason);
  }

  u8(): number {
    return this.take(1)[0] ?? 0;
  }

  i8(): number {
    const value = this.u8();
    return value > 0x7f ? value - 0x100 : value;
  }

  u16le(): number {
    const [lo = 0, hi = 0] = this.take(2);
    return lo | (hi << 8);
  }

  i16le(): number {
    const value = this.u16le();
    return value > 0x7fff ? value - 0x10000 : value;
  }

  u16be(): number {
    const [hi = 0, lo = 0] = this.take(2);
    return (hi << 8) | lo;
  }

  i16be(): number {
    const value = this.u16be();
    return value > 0x7fff ? value - 0x10000 : value;
  }

  u32le(): number {
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = this.take(4);
    return (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0;
  }

  u32be(): number {
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = this.take(4);
    return ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
  }

  /** `count` raw bytes (a copy). */
  take(count: number): Uint8Array {
    if (this.remaining < count) {
      throw this.fail(`trame tronquée : ${count} octet(s) attendu(s), ${this.remaining} disponible(s)`);
    }
    const slice = this.bytes.slice(this.position, this.position + count);
    this.position += count;
    return slice;
  }
}

/** Builds a payload byte by byte; values out of range are programmer errors and throw. */
export class ByteWriter {
  private readonly out: number[] = [];

  u8(value: number, name = 'valeur'): this {
    return this.push(checkInteger(value, 0, 0xff, name));
  }

  i8(value: number, name = 'valeur'): this {
    return this.push(checkInteger(value, -0x80, 0x7f, name) & 0xff);
  }

  u16le(value: number, name = 'valeur'): this {
    const v = checkInteger(value, 0, 0xffff, name);
    return this.push(v & 0xff, v >> 8);
  }

  i16le(value: number, name = 'valeur'): this {
    const v = checkInteger(value, -0x8000, 0x7fff, name) & 0xffff;
    return this.push(v & 0xff, v >> 8);
  }

  u16be(value: number, name = 'valeur'): this {
    const v = checkInteger(value, 0, 0xffff, name);
    return this.push(v >> 8, v & 0xff);
  }

  i16be(value: number, name = 'valeur'): this {
    const v = checkInteger(value, -0x8000, 0x7fff, name) & 0xffff;
    return this.push(v >> 8, v & 0xff);
  }

  u32le(value: number, name = 'valeur'): this {
    const v = checkInteger(value, 0, 0xffffffff, name);
    return this.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  }

  u32be(value: number, name = 'valeur'): this {
    const v = checkInteger(value, 0, 0xffffffff, name);
    return this.push(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
  }

  raw(bytes: Iterable<number>): this {
    for (const b of bytes) this.u8(b);
    return this;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  private push(...bytes: number[]): this {
    this.out.push(...bytes);
    return this;
  }
}

function checkInteger(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} : ${value} hors de la plage encodable [${min}, ${max}]`);
  }
  return value;
}

/** Scales a decimal reading to the integer the wire carries (19.5 °C at ×10 → 195). */
export function scaled(value: number, factor: number): number {
  return Math.round(value * factor);
}

const HEX_PAIR = /^[0-9a-f]{2}$/i;

/** Parses `"03 67 EE00"`-style hex (spaces and an optional 0x prefix allowed). */
export function hexToBytes(hex: string): Uint8Array {
  const compact = hex.replace(/^0x/i, '').replace(/[\s:-]/g, '');
  if (compact.length % 2 !== 0) {
    throw new Error(`hexadécimal invalide : nombre impair de chiffres (${compact.length})`);
  }
  const bytes = new Uint8Array(compact.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const pair = compact.slice(i * 2, i * 2 + 2);
    if (!HEX_PAIR.test(pair)) {
      throw new Error(`hexadécimal invalide : « ${pair} » à l'octet ${i}`);
    }
    bytes[i] = Number.parseInt(pair, 16);
  }
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
