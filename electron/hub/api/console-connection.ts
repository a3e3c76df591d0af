import type { WebSocket } from 'ws';
import type { SessionUser } from '../../../shared/domain/users';
import { protocolError, type ErrorCode, type ProtocolError } from '../../../shared/protocol/errors';
import { ClientMessage, MAX_CLIENT_FRAME_BYTES, type RequestId } from '../../../shared/protocol/messages';
import { SESSION_TOUCH_INTERVAL_MS } from '../auth/sessions';
import { HubError } from '../errors';
import type { ScopedEvent } from '../store/journal';
import { MessageRateLimit } from './rate-limit';
import type { HubContext } from './context';
import { handle } from './handlers';


/**
 * One console's WebSocket: parses and validates every frame, runs the op, answers with a reply.
 * Whatever a client sends, it gets an answer and the hub stays up.
 */
export class ConsoleConnection {
  user: SessionUser | undefined;
  token: string | undefined;
  expiresAtMs = 0;
  subscribed = false;
  /** Last journal seq this console was sent (or skipped as out of scope). */
  sentSeq = 0;
  /** While a resync reads the journal, live events wait here. */
  catchUpBuffer: ScopedEvent[] | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private touchTimer: NodeJS.Timeout | undefined;
  private readonly rateLimit = new MessageRateLimit();
  private snapshotAllowanceBytes = 0;

  constructor(
    private readonly socket: WebSocket,
    readonly hub: HubContext,
    /** The console's network address, for login throttling and the logs. */
    readonly address: string,
  ) {
    socket.on('message', (data, isBinary) =>
      this.onFrame(data as Buffer | Buffer[] | ArrayBuffer, isBinary).catch((error: Error) =>
        hub.log(`trame non traitée : ${error.message}`),
      ),
    );
    socket.on('close', () => this.close());
    socket.on('error', () => this.close());
    hub.broadcaster.connections.add(this);
  }

  signIn(user: SessionUser, token: string, expiresAt: string): void {
    this.user = user;
    this.token = token;
    this.expiresAtMs = Date.parse(expiresAt);
    clearTimeout(this.expiryTimer);
    // Tell the console the moment its session ends, not at its next click.
    const delay = Math.min(this.expiresAtMs - Date.now(), 2 ** 31 - 1);
    this.expiryTimer = setTimeout(() => this.expire(), Math.max(0, delay));
    // While this console holds the session, it is not idle.
    clearInterval(this.touchTimer);
    this.touchTimer = setInterval(() => this.touchSession(), SESSION_TOUCH_INTERVAL_MS);
    this.touchTimer.unref();
  }

  private touchSession(): void {
    if (!this.token) return;
    this.hub.sessions.touch(this.token).catch((error: Error) => this.hub.log(`session : ${error.message}`));
  }

  /** Drops the connection at once (hub shutting down): upgraded sockets keep an HTTP server open. */
  terminate(): void {
    this.socket.terminate();
    this.close();
  }

  signOut(): void {
    this.user = undefined;
    this.token = undefined;
    this.subscribed = false;
    clearTimeout(this.expiryTimer);
    clearInterval(this.touchTimer);
  }

  /** The signed-in user, or the error the op gets when there is none. */
  requireUser(): SessionUser {
    if (!this.user) throw new HubError('auth.required');
    if (Date.now() >= this.expiresAtMs) {
      this.signOut();
      throw new HubError('auth.expired');
    }
    return this.user;
  }

  /** The signed-in user if their role passes `allowed`, else `forbidden` with `message`. */
  requirePermission(allowed: (user: SessionUser) => boolean, message: string): SessionUser {
    const user = this.requireUser();
    if (!allowed(user)) throw new HubError('forbidden', message);
    return user;
  }

  sendText(text: string | Uint8Array, seq?: number): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    // A snapshot may alone be larger than the backlog limit (finistère: 27 MB); the limit is for
    // what piles up on top of it, so its size is allowed until the socket has drained below it.
    const limit = this.hub.maxConsoleBacklogBytes;
    if (this.socket.bufferedAmount <= limit) this.snapshotAllowanceBytes = 0;
    if (this.socket.bufferedAmount > limit + this.snapshotAllowanceBytes) {
      this.hub.log(`console ${this.user?.username ?? '?'} trop lente : coupée, elle se resynchronisera`);
      // Dropped, not closed: a stalled peer never answers a closing handshake, and its backlog
      // would stay in memory until the handshake times out. It reconnects and resyncs by seq.
      this.terminate();
      return;
    }
    this.socket.send(text);
    if (seq !== undefined) this.sentSeq = Math.max(this.sentSeq, seq);
  }

  send(message: object): void {
    this.sendText(JSON.stringify(message));
  }

  /** Sends a snapshot (JSON text, or a binary frame), whose size alone may exceed the backlog limit. */
  sendSnapshot(frame: string | Uint8Array, seq: number): void {
    this.sendText(frame, seq);
    this.snapshotAllowanceBytes = typeof frame === 'string' ? Buffer.byteLength(frame) : frame.byteLength;
  }

  private async onFrame(data: Buffer | Buffer[] | ArrayBuffer, isBinary: boolean): Promise<void> {
    // Refused before parsing, a flood costs the hub as little as possible; the id is read from the
    // frame's head so that a well-behaved client can settle its request (and retry later).
    if (!this.rateLimit.take()) return this.error(idFromHead(data), 'rate-limited');
    const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
    if (size > MAX_CLIENT_FRAME_BYTES) return this.error(undefined, 'message.too-large');
    if (isBinary) return this.error(undefined, 'message.malformed');
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.error(undefined, 'message.malformed');
    }
    const id = usableId(raw);
    const parsed = ClientMessage.safeParse(raw);
    if (!parsed.success) {
      const op = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).op : undefined;
      const known = typeof op === 'string' && ClientMessage.options.some((o) => o.shape.op.value === op);
      const issue = parsed.error.issues[0];
      const where = issue ? ` (${issue.path.join('.') || 'message'} : ${issue.message})` : '';
      return known ? this.error(id, 'invalid', `Message invalide${where}.`) : this.error(id, id === undefined ? 'message.malformed' : 'op.unknown');
    }
    try {
      const payload = await handle(parsed.data, this);
      this.send({ op: 'reply', id: parsed.data.id, ok: true, ...payload });
    } catch (error) {
      if (error instanceof HubError) return this.error(parsed.data.id, error.code, error.message, error.details);
      this.hub.log(`op ${parsed.data.op} : erreur interne ${(error as Error).stack ?? String(error)}`);
      this.error(parsed.data.id, 'internal');
    }
  }

  private error(id: RequestId | undefined, code: ErrorCode, message?: string, details?: Record<string, unknown>): void {
    const error = protocolError(code, message, details);
    this.send(id === undefined ? { op: 'error', error } : { op: 'reply', id, ok: false, error });
  }

  private expire(): void {
    if (this.user) this.endSession(protocolError('auth.expired'));
  }

  /** The session ended (expired, revoked, account changed): the console is told at once why. */
  endSession(error: ProtocolError): void {
    this.signOut();
    this.send({ op: 'error', error });
  }

  private close(): void {
    // The console left: idle expiry counts from now.
    this.touchSession();
    clearTimeout(this.expiryTimer);
    clearInterval(this.touchTimer);
    this.hub.broadcaster.connections.delete(this);
  }
}

/**
 * The request id of a frame without parsing it whole: our clients write `op` and `id` first, so
 * the first bytes tell. Anything unusual yields undefined (the answer is then an `error` message).
 */
export function idFromHead(data: Buffer | Buffer[] | ArrayBuffer): RequestId | undefined {
  const first = Array.isArray(data) ? data[0] : data;
  if (!first) return undefined;
  const head = Buffer.from(first instanceof ArrayBuffer ? new Uint8Array(first) : first).subarray(0, 200).toString('utf8');
  const match = /"id"\s*:\s*(?:"([^"\\]{1,64})"|(-?\d{1,15})(?=[\s,}]))/.exec(head);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1] : Number(match[2]);
}

function usableId(raw: unknown): RequestId | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>).id;
  if (typeof id === 'string' && id.length > 0 && id.length <= 64) return id;
  if (typeof id === 'number' && Number.isInteger(id)) return id;
  return undefined;
}
