import WebSocket from 'ws';
import { ServerMessage, type ClientOp } from '../../shared/protocol/messages';
import { decodeSnapshotFrame, FrameRecords } from '../../shared/protocol/snapshot-frame';

type Message = Record<string, unknown> & { op: string };

/**
 * A binary snapshot (`subscribe {snapshot: "columns"}`) read back as the `snapshot` message it
 * stands for, every record decoded and validated, marked `binary: true`.
 */
function snapshotFromFrame(data: Buffer): Message {
  const frame = decodeSnapshotFrame(data);
  const records = new FrameRecords(frame);
  const assets = Array.from({ length: frame.count }, (_, i) => records.at(i));
  return { ...frame.head, assets, binary: true };
}

/**
 * A console as integration tests drive it: a real WebSocket to a real hub, every message the hub
 * sends validated against the shared schemas and kept for the assertions.
 */
export class HubClient {
  readonly received: Message[] = [];
  private nextId = 1;
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) return this.receive(snapshotFromFrame(data as Buffer));
      const parsed = ServerMessage.safeParse(JSON.parse(data.toString()));
      if (!parsed.success) throw new Error(`le hub a envoyé un message hors schéma : ${data.toString().slice(0, 300)}`);
      this.receive(parsed.data as Message);
    });
  }

  private receive(message: Message): void {
    this.received.push(message);
    this.waiters = this.waiters.filter((w) => (w.test(message) ? (w.resolve(message), false) : true));
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<HubClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url.replace(/^http/, 'ws') + '/ws', { headers });
      socket.once('open', () => resolve(new HubClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends an op and resolves with the hub's reply (ok or not). */
  async request(op: ClientOp | string, fields: Record<string, unknown> = {}): Promise<Message> {
    const id = this.nextId++;
    const reply = this.waitFor((m) => m.op === 'reply' && m.id === id);
    this.socket.send(JSON.stringify({ op, id, ...fields }));
    return reply;
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** The first message, already received or to come, that passes the test. */
  waitFor(test: (m: Message) => boolean, timeoutMs = 30_000): Promise<Message> {
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('message attendu non reçu')), timeoutMs);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  /** Every event received so far, in order. */
  events(): (Record<string, unknown> & { seq: number; type: string })[] {
    return this.received.flatMap((m) => (m.op === 'events' ? (m.events as never[]) : []));
  }

  async login(username: string, password = 'beffroi'): Promise<Message> {
    const reply = await this.request('login', { username, password });
    if (reply.ok !== true) throw new Error(`connexion de ${username} refusée : ${JSON.stringify(reply.error)}`);
    return reply;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  get closed(): Promise<number> {
    return new Promise((resolve) => this.socket.once('close', (code) => resolve(code)));
  }
}
