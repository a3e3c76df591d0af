import { z } from 'zod';
import type { Reception } from './types';

/**
 * Small pieces shared by the network-server formats: a message that does not fit is a
 * `MalformedMessage` (counted and logged by the MQTT source, never thrown further).
 */
export class MalformedMessage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedMessage';
  }
}

/** A DevEUI as 16 hex digits; the hub keys devices by the lower-case form. */
export const DevEui = z
  .string()
  .regex(/^[0-9a-fA-F]{16}$/, 'DevEUI : 16 chiffres hexadécimaux attendus')
  .transform((value) => value.toLowerCase());

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 (what protobuf JSON and TTS use for payload bytes), decoded. */
export const Base64Bytes = z
  .string()
  .regex(BASE64, 'base64 invalide')
  .transform((value) => new Uint8Array(Buffer.from(value, 'base64')));

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Parses a broker payload as JSON and checks it against `schema`, or throws `MalformedMessage`. */
export function parsePayload<T extends z.ZodType>(schema: T, payload: Uint8Array | string, what: string): z.output<T> {
  let json: unknown;
  try {
    const text = typeof payload === 'string' ? payload : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
    json = JSON.parse(text) as unknown;
  } catch {
    throw new MalformedMessage(`${what} : JSON illisible`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new MalformedMessage(`${what} : ${issue?.message ?? 'format inattendu'}${where}`);
  }
  return parsed.data;
}

/** A time the network server gave, or now when it gave none (ISO 8601, UTC). */
export function isoTime(value: string | undefined, now: () => Date = () => new Date()): string {
  const parsed = value === undefined ? Number.NaN : Date.parse(value);
  return (Number.isFinite(parsed) ? new Date(parsed) : now()).toISOString();
}

/** The gateway that heard a frame best (highest RSSI); an absent RSSI counts as the weakest. */
export function strongestReception<T extends { rssi?: number | undefined }>(receptions: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const rx of receptions) if (best === undefined || (rx.rssi ?? -Infinity) > (best.rssi ?? -Infinity)) best = rx;
  return best;
}

/** Gateway position as ChirpStack and TTS give it; absent, partial or (0, 0) means unknown. */
export const GatewayLocation = z
  .looseObject({ latitude: z.number().optional(), longitude: z.number().optional() })
  .optional();

/** The hub's reception from one gateway's metadata. */
export function receptionOf(
  gatewayId: string,
  rx: { rssi?: number | undefined; snr?: number | undefined; location?: z.infer<typeof GatewayLocation> },
): Reception {
  const reception: Reception = { gatewayId };
  if (rx.rssi !== undefined) reception.rssiDbm = rx.rssi;
  if (rx.snr !== undefined) reception.snrDb = rx.snr;
  const { latitude: lat, longitude: lon } = rx.location ?? {};
  if (lat !== undefined && lon !== undefined && (lat !== 0 || lon !== 0) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    reception.location = { lon, lat };
  }
  return reception;
}
