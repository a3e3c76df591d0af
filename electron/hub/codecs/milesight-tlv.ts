import { ByteReader, ByteWriter, scaled } from './bytes';
import { type Fields, requireChoice, requireNumber, roundTo } from './fields';

/**
 * Milesight's uplink format: a sequence of `channel id (1 B) · channel type (1 B) · data`, the
 * data length fixed by the pair (Milesight "IPSO" TLV, see the model tables in the vendor's
 * SensorDecoders repository). Each model is a table of `Channel`s; this module walks a frame
 * against such a table and writes one back for the simulator.
 */
export interface Channel {
  readonly id: number;
  readonly type: number;
  /** The field names this channel yields when decoded (and accepts when encoded). */
  readonly fields: readonly string[];
  read(reader: ByteReader, out: Fields): void;
  /** Absent for channels a device only sends in reply to a downlink (decode only). */
  write?(writer: ByteWriter, fields: Fields): void;
  /** When two channels carry the same field (a value in two units), which one encodes it. */
  encodes?(fields: Fields): boolean;
}

/** Milesight devices use application port 85 for uplinks and downlinks (vendor default). */
export const MILESIGHT_FPORT = 85;

export function decodeChannels(model: string, fPort: number, bytes: Uint8Array, table: readonly Channel[]): Fields {
  const reader = new ByteReader(model, fPort, bytes);
  if (fPort !== MILESIGHT_FPORT) {
    throw reader.fail(`port ${fPort} inattendu : les capteurs Milesight émettent sur le port ${MILESIGHT_FPORT}`, 0);
  }
  if (bytes.length === 0) throw reader.fail('trame vide', 0);
  const byKey = indexChannels(table);
  const out: Fields = {};
  while (!reader.done) {
    const start = reader.offset;
    if (reader.remaining < 2) throw reader.fail('en-tête de canal incomplet (2 octets attendus)');
    const id = reader.u8();
    const type = reader.u8();
    const channel = byKey.get(key(id, type));
    if (channel === undefined) throw reader.fail(`canal ${hex(id)} de type ${hex(type)} inconnu pour ce modèle`, start);
    channel.read(reader, out);
  }
  return out;
}

/** Writes, in table order, every channel for which at least one of its fields is given. */
export function encodeChannels(table: readonly Channel[], fields: Fields): Uint8Array {
  const writer = new ByteWriter();
  for (const channel of table) {
    if (channel.write === undefined) continue;
    if (!channel.fields.some((name) => fields[name] !== undefined)) continue;
    if (channel.encodes !== undefined && !channel.encodes(fields)) continue;
    writer.u8(channel.id).u8(channel.type);
    channel.write(writer, fields);
  }
  return writer.toBytes();
}

/** Every field name an encoder accepts, for the README and `--list`. */
export function encodableFields(table: readonly Channel[]): string[] {
  return table.filter((c) => c.write !== undefined).flatMap((c) => c.fields);
}

type IntegerFormat = 'u8' | 'i8' | 'u16le' | 'i16le' | 'u32le';

/** A number on the wire as an integer; the reading is `raw / divisor` (0.1 °C steps → 10). */
export function numberChannel(id: number, type: number, field: string, format: IntegerFormat, divisor = 1): Channel {
  return {
    id,
    type,
    fields: [field],
    read(reader, out) {
      out[field] = roundTo(reader[format]() / divisor, 6);
    },
    write(writer, fields) {
      writer[format](scaled(requireNumber(fields, field), divisor), field);
    },
  };
}

/** A one-byte code named by the vendor's value table; an unlisted code is refused. */
export function choiceChannel(id: number, type: number, field: string, names: readonly string[]): Channel {
  return {
    id,
    type,
    fields: [field],
    read(reader, out) {
      const at = reader.offset;
      const code = reader.u8();
      const name = names[code];
      if (name === undefined) throw reader.fail(`valeur ${hex(code)} inconnue pour ${field}`, at);
      out[field] = name;
    },
    write(writer, fields) {
      writer.u8(names.indexOf(requireChoice(fields, field, names)), field);
    },
  };
}

/** A channel whose data byte is not meaningful: the vendor reports a fixed value for it. */
export function markerChannel(id: number, type: number, field: string, value: string): Channel {
  return {
    id,
    type,
    fields: [field],
    read(reader, out) {
      reader.u8();
      out[field] = value;
    },
    write(writer) {
      writer.u8(0xff);
    },
  };
}

/** The `0xFF` device-information channels every Milesight sensor sends after joining. */
export const ATTRIBUTE_CHANNELS: readonly Channel[] = [
  {
    id: 0xff,
    type: 0x01,
    fields: ['ipso_version'],
    read(reader, out) {
      const b = reader.u8();
      out.ipso_version = `v${b >> 4}.${b & 0x0f}`;
    },
    write(writer, fields) {
      const [major, minor] = parseVersion(fields.ipso_version, 'ipso_version');
      writer.u8(((major & 0x0f) << 4) | (minor & 0x0f));
    },
  },
  {
    id: 0xff,
    type: 0x09,
    fields: ['hardware_version'],
    read(reader, out) {
      const major = reader.u8();
      out.hardware_version = `v${major}.${reader.u8() >> 4}`;
    },
    write(writer, fields) {
      const [major, minor] = parseVersion(fields.hardware_version, 'hardware_version');
      writer.u8(major).u8((minor & 0x0f) << 4);
    },
  },
  versionPair(0x0a, 'firmware_version'),
  {
    id: 0xff,
    type: 0x16,
    fields: ['sn'],
    read(reader, out) {
      out.sn = Array.from(reader.take(8), (b) => b.toString(16).padStart(2, '0')).join('');
    },
    write(writer, fields) {
      const sn = fields.sn;
      if (typeof sn !== 'string' || !/^[0-9a-f]{16}$/i.test(sn)) throw new TypeError('sn : 16 chiffres hexadécimaux attendus');
      for (let i = 0; i < 16; i += 2) writer.u8(Number.parseInt(sn.slice(i, i + 2), 16));
    },
  },
  choiceChannel(0xff, 0x0f, 'lorawan_class', ['Class A', 'Class B', 'Class C', 'Class CtoB']),
  versionPair(0xff, 'tsl_version'),
  // Note: devices send 0xFF as the data byte of these two; the vendor decoders ignore it.
  markerChannel(0xff, 0xfe, 'reset_event', 'reset'),
  markerChannel(0xff, 0x0b, 'device_status', 'on'),
];

function versionPair(type: number, field: string): Channel {
  return {
    id: 0xff,
    type,
    fields: [field],
    read(reader, out) {
      const major = reader.u8();
      out[field] = `v${major}.${reader.u8()}`;
    },
    write(writer, fields) {
      const [major, minor] = parseVersion(fields[field], field);
      writer.u8(major).u8(minor);
    },
  };
}

function parseVersion(value: unknown, field: string): [number, number] {
  const match = typeof value === 'string' ? /^v(\d+)\.(\d+)$/.exec(value) : null;
  if (match === null) throw new TypeError(`${field} : version « vN.M » attendue`);
  return [Number(match[1]), Number(match[2])];
}

function indexChannels(table: readonly Channel[]): Map<number, Channel> {
  return new Map(table.map((channel) => [key(channel.id, channel.type), channel]));
}

function key(id: number, type: number): number {
  return (id << 8) | type;
}

export function hex(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;
}
