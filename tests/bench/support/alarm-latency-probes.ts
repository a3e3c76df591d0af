/**
 * The marked events of the alarm-latency bench and where each one was seen. A probe is one uplink
 * that turns one waste container's status over (full → « alarm », then back to normal → « ok »),
 * published among the burst with its time. It is seen twice on the way: by a WebSocket console in
 * the bench's own process (the hub has decoded, ruled, journaled and broadcast it) and by the
 * browser console (its store applied it; the next animation frame began: it is on screen).
 *
 * Clocks: every time here is `Date.now()` — in Node and in the page alike — the machine's one
 * wall clock, read by processes on the same machine; millisecond resolution against a goal of a
 * second.
 */
import WebSocket from 'ws';
import { z } from 'zod';

export interface Probe {
  assetId: string;
  /** The status the asset must take: « alarm » (a full bin) or « ok » (emptied). */
  expected: string;
  publishedAt: number;
  /** The hub's broadcast reached a console (the bench's own WebSocket). */
  broadcastAt?: number;
  /** The browser console's store applied it. */
  appliedAt?: number;
  /** The first animation frame callback after the apply: a frame with it has been presented. */
  drawnAt?: number;
}

export interface Seen {
  assetId: string;
  status: string;
  at: number;
  drawnAt?: number;
}

/**
 * Gives each probe the first sighting of its asset at its expected status after the previous
 * probe of that asset was matched (an asset's probes alternate statuses, one at a time).
 */
export function matchSightings(probes: readonly Probe[], seen: readonly Seen[], into: (probe: Probe, sighting: Seen) => void): void {
  const byAsset = new Map<string, Seen[]>();
  for (const s of seen) byAsset.set(s.assetId, [...(byAsset.get(s.assetId) ?? []), s]);
  const cursor = new Map<string, number>();
  for (const probe of probes) {
    const sightings = byAsset.get(probe.assetId) ?? [];
    let i = cursor.get(probe.assetId) ?? 0;
    while (i < sightings.length && (sightings[i]!.status !== probe.expected || sightings[i]!.at < probe.publishedAt)) i += 1;
    if (i >= sightings.length) continue; // not seen (yet): later probes of this asset cannot be either
    into(probe, sightings[i]!);
    cursor.set(probe.assetId, i + 1);
  }
}

const Frame = z.looseObject({ op: z.string(), id: z.number().optional(), ok: z.boolean().optional() });
const Events = z.looseObject({
  op: z.literal('events'),
  events: z.array(z.looseObject({ type: z.string(), asset: z.looseObject({ id: z.string(), status: z.string() }).optional() })),
});

/**
 * A console in the bench's process, subscribed from a seq (no snapshot), that notes when a
 * watched asset's new status arrives: where the hub's share of the latency ends.
 */
export class BroadcastWatch {
  readonly seen: Seen[] = [];
  private readonly last = new Map<string, string>();

  private constructor(
    private readonly socket: WebSocket,
    watched: readonly string[],
  ) {
    for (const id of watched) this.last.set(id, 'ok');
  }

  static async open(hubUrl: string, username: string, password: string, since: number, watched: readonly string[]): Promise<BroadcastWatch> {
    const socket = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/ws`, { maxPayload: 512 * 2 ** 20 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const watch = new BroadcastWatch(socket, watched);
    const replies = new Map<number, (ok: boolean) => void>();
    const marks = watched.map((id) => `"id":${JSON.stringify(id)}`);
    socket.on('message', (data) => {
      const at = Date.now();
      const text = data.toString();
      // Thousands of events a second pass by: only frames naming a watched asset (or replies) are parsed.
      if (!text.includes('"op":"reply"') && !marks.some((mark) => text.includes(mark))) return;
      const frame = Frame.parse(JSON.parse(text));
      if (frame.op === 'reply' && frame.id !== undefined) replies.get(frame.id)?.(frame.ok === true);
      if (frame.op !== 'events') return;
      for (const event of Events.parse(frame).events) {
        const asset = event.asset;
        if (event.type !== 'asset.updated' || !asset || !watch.last.has(asset.id) || watch.last.get(asset.id) === asset.status) continue;
        watch.last.set(asset.id, asset.status);
        watch.seen.push({ assetId: asset.id, status: asset.status, at });
      }
    });
    const request = (id: number, message: Record<string, unknown>) =>
      new Promise<void>((resolve, reject) => {
        replies.set(id, (ok) => (ok ? resolve() : reject(new Error(`le hub a refusé ${String(message.op)}`))));
        socket.send(JSON.stringify({ ...message, id }));
      });
    await request(1, { op: 'login', username, password });
    await request(2, { op: 'subscribe', since });
    return watch;
  }

  close(): void {
    this.socket.close();
  }
}

/** p50/p95/p99/max of latencies; a probe never seen counts as infinitely late. */
export function percentiles(values: readonly number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]! };
}
