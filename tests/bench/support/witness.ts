/**
 * A console in the bench's own process, beside the browser's: it follows every asset's status
 * and every alarm through the hub's events, so the bench knows, from the hub's side, how many
 * status changes a batch of uplinks really made (and of which kind), up to which journal seq,
 * and it acknowledges alarms as an operator would, so that every round starts from the same list.
 *
 * It subscribes `since` a seq instead of asking for a snapshot: opened on a fresh hub, before any
 * uplink, it starts from the seeded statuses (every asset ok) and needs no 27 MB snapshot frame.
 */
import WebSocket from 'ws';
import { z } from 'zod';

// Only what the witness reads; the rest of each frame passes through unchecked.
const Frame = z.looseObject({ op: z.string(), id: z.number().optional(), ok: z.boolean().optional() });
const Snapshot = z.looseObject({
  op: z.literal('snapshot'),
  seq: z.number().int(),
  assets: z.array(z.looseObject({ id: z.string(), status: z.string() })),
  alarms: z.array(z.looseObject({ id: z.string(), state: z.string() })),
});
const Events = z.looseObject({
  op: z.literal('events'),
  events: z.array(
    z.looseObject({
      seq: z.number().int(),
      type: z.string(),
      asset: z.looseObject({ id: z.string(), kind: z.string(), status: z.string() }).optional(),
      alarm: z.looseObject({ id: z.string(), state: z.string() }).optional(),
    }),
  ),
});

const NEEDS_ACKNOWLEDGEMENT = new Set(['unacknowledged', 'cleared-unacknowledged']);

export class Witness {
  private readonly statuses = new Map<string, string>();
  private readonly alarms = new Map<string, string>();
  /** Status changes by asset kind since the last `takeChanges()`. */
  private changes = new Map<string, number>();
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 1;
  seq = -1;
  /** Why the hub closed the witness's socket, if it did. */
  closed: string | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.onFrame(JSON.parse(data.toString()) as unknown));
    socket.on('close', (code, reason) => {
      this.closed = `fermé par le hub (${code} ${reason.toString()})`;
      for (const { reject } of this.pending.values()) reject(new Error(`témoin ${this.closed}`));
      this.pending.clear();
    });
  }

  /** `seeded`: each asset's status at `since` (a snapshot, if the hub sends one, replaces it). */
  static async open(hubUrl: string, username: string, password: string, since: number, seeded: ReadonlyMap<string, string>): Promise<Witness> {
    const socket = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/ws`, { maxPayload: 512 * 2 ** 20 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const witness = new Witness(socket);
    for (const [id, status] of seeded) witness.statuses.set(id, status);
    witness.seq = since;
    await witness.request({ op: 'login', username, password });
    await witness.request({ op: 'subscribe', since });
    return witness;
  }

  /** How many status changes were seen since the last `takeChanges()`, without forgetting them. */
  pendingChanges(): number {
    return total(this.changes);
  }

  /** Status changes seen since the previous call, by asset kind, then forgotten. */
  takeChanges(): Map<string, number> {
    const taken = this.changes;
    this.changes = new Map();
    return taken;
  }

  /** Acknowledges every alarm waiting for it in one bulk request, as an operator's « tout acquitter ». */
  async acknowledgeAll(): Promise<number> {
    const ids = [...this.alarms].filter(([, state]) => NEEDS_ACKNOWLEDGEMENT.has(state)).map(([id]) => id);
    if (ids.length > 0) await this.request({ op: 'alarm.acknowledge-many', alarmIds: ids, comment: 'banc map-update' });
    return ids.length;
  }

  close(): void {
    this.socket.close();
  }

  private request(message: Record<string, unknown>): Promise<void> {
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ ...message, id }));
    });
  }

  private onFrame(data: unknown): void {
    const frame = Frame.parse(data);
    if (frame.op === 'reply' && frame.id !== undefined) {
      const pending = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      if (frame.ok) pending?.resolve();
      else pending?.reject(new Error(`le hub a refusé la demande ${frame.id} du témoin : ${JSON.stringify(data)}`));
    } else if (frame.op === 'snapshot') {
      const snapshot = Snapshot.parse(frame);
      this.statuses.clear();
      for (const asset of snapshot.assets) this.statuses.set(asset.id, asset.status);
      this.alarms.clear();
      for (const alarm of snapshot.alarms) this.alarms.set(alarm.id, alarm.state);
      this.seq = snapshot.seq;
    } else if (frame.op === 'events') {
      for (const event of Events.parse(frame).events) {
        this.seq = Math.max(this.seq, event.seq);
        if (event.alarm) this.alarms.set(event.alarm.id, event.alarm.state);
        const asset = event.type === 'asset.updated' ? event.asset : undefined;
        if (!asset) continue;
        if (this.statuses.get(asset.id) !== asset.status) this.changes.set(asset.kind, (this.changes.get(asset.kind) ?? 0) + 1);
        this.statuses.set(asset.id, asset.status);
      }
    }
  }
}

/** Total of a by-kind count. */
export function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const n of counts.values()) sum += n;
  return sum;
}
