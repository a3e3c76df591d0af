import {
  ClientMessage,
  type ClientOp,
  type EventsMessage,
  type ReplyPayload,
  type ServerMessage,
  type Session,
  type SnapshotMessage,
} from '../../shared';
import { SNAPSHOT_FRAME_VERSION, decodeSnapshotFrame, isBinaryFrame, type SnapshotFrame } from '../../shared/protocol/snapshot-frame';
import { reconnectDelayMs } from './backoff';
import { initialConnectionState, type ConnectionState } from './connection-state';
import { HubRequestError, isAuthEnding } from './errors';
import { ProblemLog } from './problems';
import { RequestTable } from './request-table';
import { parseServerFrame } from './server-frames';
import type { TokenStore } from './session-token';
import type { OpenSocket, SocketLink } from './socket';

type RequestOf<K extends ClientOp> = Extract<ClientMessage, { op: K }>;
/** The fields of a request, without `op` and `id` which the client fills in. */
export type RequestArgs<K extends ClientOp> = Omit<RequestOf<K>, 'op' | 'id'>;

/** Where the stream goes: the console's store. */
export interface HubStreamSink {
  /** Last journal seq held for `username`, or null to ask for a full snapshot. */
  lastSeq(username: string): number | null;
  snapshot(message: SnapshotMessage, username: string): void;
  /** A binary snapshot (`subscribe {snapshot: "columns"}`), decoded and checked. */
  snapshotFrame(frame: SnapshotFrame, username: string): void;
  events(message: EventsMessage): void;
  /** Another user logged in after a session expired: forget what the previous one could see. */
  reset(): void;
}

export interface HubClientOptions {
  url: string;
  openSocket: OpenSocket;
  tokens: TokenStore;
  sink: HubStreamSink;
  /** Messages for failures the hub could not word itself, in the operator's language. */
  messages?: { timeout(): string; disconnected(): string };
  requestTimeoutMs?: number;
  now?: () => number;
  random?: () => number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** Performance marks a binary snapshot leaves on its way (read by `tests/bench/map-snapshot.ts`). */
export const SNAPSHOT_MARKS = { received: 'beffroi.snapshot.received', decoded: 'beffroi.snapshot.decoded', stored: 'beffroi.snapshot.stored' } as const;
/** A silent hub (frozen process, dead NAT entry) is only noticed if we ask: ping this often. */
const HEARTBEAT_INTERVAL_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;

/**
 * The console's link to the hub: typed requests with ids and deadlines, every incoming frame
 * validated, reconnection with backoff, session resume and `subscribe {since}` after a drop.
 */
export class HubClient {
  private readonly requests: RequestTable;
  private readonly problems = new ProblemLog();
  private readonly listeners = new Set<() => void>();
  private state: ConnectionState;
  private socket: SocketLink | null = null;
  private socketOpen = false;
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = true;
  /** A binary snapshot could not be read: snapshots come as JSON from then on. */
  private framesRefused = false;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly messages: { timeout(): string; disconnected(): string };

  constructor(private readonly options: HubClientOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.messages = options.messages ?? {
      timeout: () => 'Le hub n’a pas répondu à temps : réessayez.',
      disconnected: () => 'Connexion au hub perdue : réessayez.',
    };
    this.requests = new RequestTable(() => this.messages.timeout());
    this.state = initialConnectionState(this.now());
  }

  // ─── observable state (useSyncExternalStore-compatible) ─────────────────────────────────────

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  problemList() {
    return this.problems.list();
  }

  private update(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  // ─── lifecycle ──────────────────────────────────────────────────────────────────────────────

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.update({ resuming: this.options.tokens.get() !== null });
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.generation += 1;
    this.socket?.close();
    this.socket = null;
    this.socketOpen = false;
    this.requests.failAll(this.messages.disconnected());
  }

  private connect(): void {
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    try {
      this.socket = this.options.openSocket(this.options.url, {
        open: () => isCurrent() && this.onOpen(),
        message: (data) => isCurrent() && this.onFrame(data),
        close: () => isCurrent() && this.onClose(),
      });
    } catch {
      this.onClose();
    }
  }

  private onOpen(): void {
    this.socketOpen = true;
    this.update({ link: 'connected', sinceMs: this.now(), attempt: 0 });
    this.startHeartbeat();
    const token = this.options.tokens.get();
    if (token) void this.resume(token);
  }

  private onClose(): void {
    this.socketOpen = false;
    this.socket = null;
    this.clearTimers();
    this.requests.failAll(this.messages.disconnected());
    if (this.stopped) return;
    const wasUp = this.state.link === 'connected';
    const attempt = wasUp ? 0 : this.state.attempt + 1;
    this.update({
      link: 'disconnected',
      sinceMs: wasUp || this.state.link === 'connecting' ? this.now() : this.state.sinceMs,
      attempt,
      subscribed: false,
    });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, reconnectDelayMs(attempt, this.random()));
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.retryTimer = null;
    this.heartbeatTimer = null;
  }

  private startHeartbeat(): void {
    this.heartbeatTimer = setInterval(() => {
      if (!this.state.session || this.state.expired) return;
      this.request('ping', {}, HEARTBEAT_TIMEOUT_MS).catch((error: unknown) => {
        // No answer in time: the link is dead even if TCP has not noticed. Start over.
        if (error instanceof HubRequestError && error.code === 'timeout') this.socket?.close();
      });
    }, HEARTBEAT_INTERVAL_MS);
  }

  // ─── requests ───────────────────────────────────────────────────────────────────────────────

  /** Sends `op` and resolves with its validated reply payload, or rejects with a HubRequestError. */
  request<K extends ClientOp>(op: K, args: RequestArgs<K>, timeoutMs = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS): Promise<ReplyPayload<K>> {
    if (!this.socket || !this.socketOpen) {
      return Promise.reject(new HubRequestError({ code: 'disconnected', message: this.messages.disconnected() }));
    }
    const { id, reply } = this.requests.open(op, timeoutMs);
    // A message the shared schema refuses is a bug in the console: fail loudly, here.
    const message = ClientMessage.parse({ ...args, op, id });
    this.socket.send(JSON.stringify(message));
    return reply;
  }

  // ─── session ────────────────────────────────────────────────────────────────────────────────

  /**
   * Logs in, from the login screen or from the re-login dialog of an expired session. The same
   * user carries on where the stream stopped (`subscribe {since}`); another user starts afresh.
   */
  async login(username: string, password: string): Promise<Session> {
    const { session } = await this.request('login', { username, password });
    const previous = this.state.session?.user.username;
    if (previous !== undefined && previous !== session.user.username) this.options.sink.reset();
    this.options.tokens.set(session.token);
    this.update({ session, authMessage: null, resuming: false, expired: false });
    await this.subscribeStream(session);
    return session;
  }

  async logout(): Promise<void> {
    const wasLoggedIn = this.state.session !== null && !this.state.expired;
    this.options.tokens.clear();
    this.update({ session: null, subscribed: false, authMessage: null, resuming: false, expired: false });
    if (wasLoggedIn) await this.request('logout', {}).catch(() => undefined);
  }

  private async resume(token: string): Promise<void> {
    this.update({ resuming: true });
    try {
      const { session } = await this.request('resume', { token });
      this.options.tokens.set(session.token);
      this.update({ session, authMessage: null, resuming: false, expired: false });
      await this.subscribeStream(session);
    } catch (error) {
      if (error instanceof HubRequestError && isAuthEnding(error.code)) this.endSession(error.message);
      else this.update({ resuming: false });
    }
  }

  private async subscribeStream(session: Session): Promise<void> {
    const since = this.options.sink.lastSeq(session.user.username);
    await this.request('subscribe', { ...(since === null ? {} : { since }), ...this.snapshotFormat() });
    this.update({ subscribed: true });
  }

  /**
   * Columns: the map draws 100k assets from typed arrays, without parsing a 27 MB JSON text. Once
   * a frame could not be read (a hub writing another layout version), JSON for this console's life.
   */
  private snapshotFormat(): RequestArgs<'subscribe'> {
    return this.framesRefused ? { snapshot: 'json' } : { snapshot: 'columns', frameVersion: SNAPSHOT_FRAME_VERSION };
  }

  /**
   * The hub ended the session. Mid-shift, the console stays as it is under a re-login dialog
   * (`expired`); with no session yet (a stale token at start-up), back to the login screen.
   */
  private endSession(message: string): void {
    this.options.tokens.clear();
    if (this.state.session) this.update({ expired: true, subscribed: false, authMessage: message, resuming: false });
    else this.update({ session: null, subscribed: false, authMessage: message, resuming: false });
  }

  // ─── incoming frames ────────────────────────────────────────────────────────────────────────

  private onFrame(data: unknown): void {
    if (isBinaryFrame(data)) return this.onSnapshotFrame(data);
    const parsed = parseServerFrame(data);
    if (!parsed.ok) {
      this.reportProblem('frame.invalid', parsed.reason);
      return;
    }
    this.dispatch(parsed.message);
  }

  private onSnapshotFrame(data: ArrayBuffer | Uint8Array): void {
    // Marks for the cold-start benchmark's split (network, decode, store, first draw); cheap.
    performance.mark(SNAPSHOT_MARKS.received);
    let frame: SnapshotFrame;
    try {
      frame = decodeSnapshotFrame(data);
      performance.mark(SNAPSHOT_MARKS.decoded);
    } catch (error) {
      this.reportProblem('frame.invalid', error instanceof Error ? error.message : String(error));
      // Without a snapshot the map would stay empty: ask for the whole territory again, as JSON.
      if (!this.framesRefused && this.state.session && !this.state.expired) {
        this.framesRefused = true;
        this.request('subscribe', this.snapshotFormat()).catch(() => undefined);
      }
      return;
    }
    const username = this.state.session?.user.username;
    if (username) this.options.sink.snapshotFrame(frame, username);
  }

  private dispatch(message: ServerMessage): void {
    switch (message.op) {
      case 'reply': {
        const settled = this.requests.settle(message.id, message);
        if (!settled.matched) this.reportProblem('reply.unmatched', `réponse ${String(message.id)} sans requête`);
        else if (settled.invalid) this.reportProblem('reply.invalid', `${settled.op} : ${settled.invalid}`);
        else if (settled.error && this.endsSession(settled.error.code)) this.endSession(settled.error.message);
        return;
      }
      case 'snapshot': {
        const username = this.state.session?.user.username;
        if (username) this.options.sink.snapshot(message, username);
        return;
      }
      case 'events':
        this.options.sink.events(message);
        return;
      case 'error':
        if (message.error.code === 'auth.expired') this.endSession(message.error.message);
        else this.reportProblem(`hub.${message.error.code}`, message.error.message);
        return;
    }
  }

  /**
   * `auth.expired` ends the session; so does `auth.required` while the console believes it holds
   * one (the hub lost it, e.g. across a restart), so the operator gets the re-login dialog instead
   * of a refusal they cannot act on.
   */
  private endsSession(code: string): boolean {
    return code === 'auth.expired' || (code === 'auth.required' && this.state.session !== null && !this.state.expired);
  }

  private reportProblem(key: string, detail: string): void {
    this.problems.report(key, detail, this.now());
    console.warn(`[beffroi] ${key}: ${detail}`);
    this.update({ problemCount: this.problems.totalCount });
  }
}
