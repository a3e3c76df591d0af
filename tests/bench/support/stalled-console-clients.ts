/**
 * The consoles of the stalled-console benchmark, raw `ws` clients as the console's network side
 * is: each logs in, subscribes, records the seq of every event it is sent and, for the healthy
 * ones, how long after its journal time (`at`) it arrived. The stalled one can stop reading: its
 * TCP socket is paused, so what the hub sends piles up in the kernel, then in the hub.
 */
import WebSocket from 'ws';

export interface BenchConsole {
  socket: WebSocket;
  /** Seq of the subscribe reply (snapshot position, or where the resync ended). */
  subscribedSeq: number;
  snapshotSeq: number | undefined;
  seqs: Set<number>;
  lastSeq: number;
  /** Event latencies in ms (receipt − journal time), by phase. */
  latencies: Map<string, number[]>;
  phase: string;
  closed: Promise<void>;
  pause(): void;
  resume(): void;
}

export async function openConsole(url: string, username: string, since?: number): Promise<BenchConsole> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, { perMessageDeflate: false });
  socket.on('error', () => undefined);
  const bench: BenchConsole = {
    socket,
    subscribedSeq: 0,
    snapshotSeq: undefined,
    seqs: new Set(),
    lastSeq: 0,
    latencies: new Map(),
    phase: 'avant',
    closed: new Promise((resolve) => socket.once('close', () => resolve())),
    pause: () => (socket as unknown as { _socket: { pause(): void } })._socket.pause(),
    resume: () => (socket as unknown as { _socket: { resume(): void } })._socket.resume(),
  };
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ op: 'login', id: 1, username, password: 'beffroi' })));
    socket.once('close', () => reject(new Error(`console ${username} fermée avant son abonnement`)));
    socket.on('message', (data: Buffer) => {
      const received = Date.now();
      const message = JSON.parse(data.toString('utf8')) as { op: string; id?: number; ok?: boolean; seq?: number; events?: { seq: number; at: string }[] };
      if (message.op === 'reply' && message.id === 1) socket.send(JSON.stringify({ op: 'subscribe', id: 2, ...(since === undefined ? {} : { since }) }));
      if (message.op === 'reply' && message.id === 2) {
        bench.subscribedSeq = message.seq ?? 0;
        bench.lastSeq = Math.max(bench.lastSeq, bench.subscribedSeq);
        resolve();
      }
      if (message.op === 'snapshot') bench.snapshotSeq = message.seq;
      if (message.op === 'events' && message.events) {
        let list = bench.latencies.get(bench.phase);
        if (!list) bench.latencies.set(bench.phase, (list = []));
        for (const event of message.events) {
          bench.seqs.add(event.seq);
          bench.lastSeq = Math.max(bench.lastSeq, event.seq);
          list.push(received - Date.parse(event.at));
        }
      }
    });
  });
  return bench;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
