import { ServerMessage, type ServerMessage as ServerMessageType } from '../../shared';

export type ParsedFrame = { ok: true; message: ServerMessageType } | { ok: false; reason: string };

/** Above this a frame is only a snapshot; parsing stays the same, but the log says how big. */
const DESCRIBE_MAX_CHARS = 200;

/**
 * Reads one text frame from the hub. Nothing is trusted: the JSON is `unknown` until the shared
 * schema accepts it; a frame that fails is described, not thrown, so one bad message cannot take
 * the console down.
 */
export function parseServerFrame(data: unknown): ParsedFrame {
  if (typeof data !== 'string') return { ok: false, reason: 'trame non textuelle' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, reason: `JSON illisible : ${data.slice(0, DESCRIBE_MAX_CHARS)}` };
  }
  const parsed = ServerMessage.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.')} : ${first.message}` : 'schéma';
    return { ok: false, reason: `message refusé (${where})` };
  }
  return { ok: true, message: parsed.data };
}
