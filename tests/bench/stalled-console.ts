/**
 * Benchmark H5: a console that stops reading, in a real hub under a steady flow of events.
 *
 * The hub (startTestHub in its own process: the real hub, its embedded broker, SQLite on disk; see
 * support/stalled-console-hub.ts) gets a steady flow of
 * uplinks through the bench field feed (bins turning full and back: asset.updated and alarms).
 * Healthy consoles measure each event's latency (receipt − journal time); one more console stops
 * reading mid-session (its TCP socket paused), so what the hub sends it piles up in the kernel,
 * then in the hub. Measured, for the same stall duration, in the same run:
 *   OURS  the product (backlog limit MAX_CONSOLE_BACKLOG_BYTES): the hub memory the stalled
 *         console holds (its socket's bufferedAmount, and the process RSS) until it is cut; that
 *         it IS cut; that it comes back, resyncs by seq and misses nothing a healthy console got;
 *         the healthy consoles' latency p50/p95 before vs during the stall.
 *   PEER  the same hub with no limit (BEFFROI_CONSOLE_BACKLOG_MB huge: plain `ws`), which keeps
 *         everything for the stalled console.
 * The stall starts after the console has read its snapshot (a console freezing mid-session). A
 * console that stalls while its snapshot is still queued may hold max(limit, snapshot + 1/16 of
 * the limit): see console-connection.ts and tests/unit/hub/console-backlog.test.ts.
 *
 *   npm run bench -- stalled-console [--before 15] [--stall 90] [--rate 1000] [--consoles 3] [--demo essonne]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { connectAsync } from 'mqtt';
import { MAX_CONSOLE_BACKLOG_BYTES } from '../../electron/hub/api/broadcaster';
import { generateTerritory } from '../../electron/hub/territory';
import { FieldFeed } from './support/field-feed';
import { machineInfo } from './support/machine';
import { type BenchConsole, openConsole, percentile } from './support/stalled-console-clients';
import { report } from './support/verdict';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const BEFORE_S = Number(args.get('before') ?? 15);
const STALL_S = Number(args.get('stall') ?? 90);
/** Not counted: the hub's JIT and SQLite warming under the flow. */
const WARMUP_S = 5;
const RATE = Number(args.get('rate') ?? 1000);
const HEALTHY = Number(args.get('consoles') ?? 3);
const DEMO = (args.get('demo') ?? 'essonne') as 'essonne' | 'finistere';
const TICK_MS = 100;
const MiB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface SideResult {
  limitMiB: number | null;
  peakBacklogMiB: number;
  rssAtStallMiB: number;
  peakRssDeltaMiB: number;
  cutAfterS: number | null;
  events: number;
  latency: Record<string, { p50: number; p95: number; n: number }>;
  resync?: { how: 'événements' | 'snapshot'; missing: number; finalSeq: number; healthySeq: number };
}

/** The hub's process and a way to ask it things (see support/stalled-console-hub.ts). */
async function startHubProcess(env: Record<string, string>) {
  const child: ChildProcess = fork(new URL('./support/stalled-console-hub.ts', import.meta.url).pathname, [JSON.stringify(env)], { execArgv: ['--import', 'tsx'] });
  const ready = await new Promise<{ url: string; brokerUrl: string }>((resolve) => child.once('message', (m) => resolve(m as never)));
  let nextId = 0;
  const ask = <T>(question: string) =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      const onMessage = (m: { id?: number }) => {
        if (m.id !== id) return;
        child.off('message', onMessage);
        resolve(m as T);
      };
      child.on('message', onMessage);
      child.send({ ask: question, id });
    });
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ ask: 'exit', id: 0 });
    await exited;
  };
  return { ...ready, ask, stop };
}

async function runSide(limitMiB: number | null): Promise<SideResult> {
  const territory = generateTerritory(DEMO);
  const hub = await startHubProcess({ BEFFROI_DEMO: DEMO, ...(limitMiB === null ? { BEFFROI_CONSOLE_BACKLOG_MB: '1000000' } : {}) });
  const publisher = await connectAsync(hub.brokerUrl, { clientId: 'bench-stalled-console' });
  const consoles: BenchConsole[] = [];
  try {
    const feed = new FieldFeed(territory, publisher);
    const bins = territory.assets.filter((a) => a.kind === 'waste-container').map((a) => a.id);
    for (let i = 0; i < HEALTHY; i++) consoles.push(await openConsole(hub.url, 'operateur'));
    await hub.ask('mark');
    const stalled = await openConsole(hub.url, 'operateur');
    await hub.ask('watch');
    const sample = () => hub.ask<{ backlogBytes: number; rssBytes: number; seq: number }>('sample');
    const firstSeq = (await sample()).seq;

    // The steady flow: each tick, a slice of bins reports full, or back to normal, in turn.
    let flowing = true;
    let next = 0;
    const full = new Set<string>();
    const flow = (async () => {
      const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
      while (flowing) {
        const tick = performance.now();
        const ids = Array.from({ length: perTick }, () => bins[next++ % bins.length]!);
        const toFull = ids.filter((id) => !full.has(id));
        const toNormal = ids.filter((id) => full.has(id));
        toFull.forEach((id) => full.add(id));
        toNormal.forEach((id) => full.delete(id));
        await Promise.all([feed.report(toFull, 'bin-full'), feed.report(toNormal, 'normal')]);
        await sleep(Math.max(0, TICK_MS - (performance.now() - tick)));
      }
    })();

    const setPhase = (phase: string) => consoles.forEach((c) => (c.phase = phase));
    setPhase('chauffe');
    await sleep(WARMUP_S * 1000);
    setPhase('avant');
    await sleep(BEFORE_S * 1000);

    // The stall: the console stops reading.
    setPhase('pendant');
    stalled.pause();
    const stallStart = performance.now();
    const rssAtStall = (await sample()).rssBytes;
    let peakBacklog = 0;
    let peakRss = rssAtStall;
    let cutAt: number | null = null;
    while (performance.now() - stallStart < STALL_S * 1000) {
      if (cutAt === null) {
        const now = await sample();
        if (now.backlogBytes >= 0) peakBacklog = Math.max(peakBacklog, now.backlogBytes);
        else cutAt = performance.now();
        peakRss = Math.max(peakRss, now.rssBytes);
      }
      await sleep(50);
    }
    flowing = false;
    await flow;
    await sleep(500);
    const healthySeq = (await hub.ask<{ seq: number }>('idle')).seq;
    const events = healthySeq - firstSeq;
    const latency = Object.fromEntries(
      ['avant', 'pendant'].map((phase) => {
        const all = consoles.flatMap((c) => c.latencies.get(phase) ?? []);
        return [phase, { p50: percentile(all, 50), p95: percentile(all, 95), n: all.length }];
      }),
    );
    const result: SideResult = {
      limitMiB,
      peakBacklogMiB: peakBacklog / MiB,
      rssAtStallMiB: rssAtStall / MiB,
      peakRssDeltaMiB: (peakRss - rssAtStall) / MiB,
      cutAfterS: cutAt === null ? null : (cutAt - stallStart) / 1000,
      events,
      latency,
    };

    if (limitMiB !== null) {
      // Back: it reads what reached it before the cut, sees the hub gone, reconnects from there.
      stalled.resume();
      await Promise.race([stalled.closed, sleep(30_000)]);
      const back = await openConsole(hub.url, 'operateur', stalled.lastSeq);
      consoles.push(back);
      while (back.lastSeq < healthySeq) await sleep(50);
      const healthy = consoles[0]!;
      const got = new Set([...stalled.seqs, ...back.seqs]);
      const from = back.snapshotSeq ?? stalled.subscribedSeq;
      let missing = 0;
      for (const seq of healthy.seqs) if (seq > from && !got.has(seq)) missing += 1;
      result.resync = { how: back.snapshotSeq === undefined ? 'événements' : 'snapshot', missing, finalSeq: back.lastSeq, healthySeq: healthy.lastSeq };
    }
    consoles.push(stalled);
    return result;
  } finally {
    for (const c of consoles) c.socket.terminate();
    await publisher.endAsync();
    await hub.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const limitMiB = MAX_CONSOLE_BACKLOG_BYTES / MiB;
  console.log(`hub ${DEMO}, ${RATE} uplinks/s, ${HEALTHY} consoles saines + 1 qui cesse de lire après ${BEFORE_S} s, pendant ${STALL_S} s`);
  const ours = await runSide(limitMiB);
  console.log('  nous :', JSON.stringify(ours));
  const peer = await runSide(null);
  console.log('  pair :', JSON.stringify(peer));
  const lat = (r: SideResult, phase: string) => r.latency[phase]!;
  const line = (label: string, a: string, b: string) => console.log(`  ${label.padEnd(44)}${a.padStart(16)}${b.padStart(16)}`);
  console.log(`\nConsole bloquée — ${ours.events} / ${peer.events} événements pendant le banc\n${''.padEnd(46)}nous (limite)   pair (sans limite)`);
  line('mémoire en file pour elle, au pic (Mio)', ours.peakBacklogMiB.toFixed(1), peer.peakBacklogMiB.toFixed(1));
  line('RSS du processus du hub, hausse au pic (Mio)', ours.peakRssDeltaMiB.toFixed(1), peer.peakRssDeltaMiB.toFixed(1));
  line('coupée après (s)', ours.cutAfterS?.toFixed(1) ?? 'jamais', peer.cutAfterS?.toFixed(1) ?? 'jamais');
  for (const phase of ['avant', 'pendant']) {
    line(`latence saines ${phase} p50 / p95 (ms)`, `${lat(ours, phase).p50} / ${lat(ours, phase).p95}`, `${lat(peer, phase).p50} / ${lat(peer, phase).p95}`);
  }
  if (ours.resync) console.log(`  retour : resynchronisée par ${ours.resync.how}, seq ${ours.resync.finalSeq} (console saine : ${ours.resync.healthySeq}), ${ours.resync.missing} événement(s) manquant(s)`);
  const p95Ratio = lat(ours, 'pendant').p95 / Math.max(1, lat(ours, 'avant').p95);
  report('stalled-console', {
    machine: await machineInfo(),
    runSeconds: (performance.now() - started) / 1000,
    demo: DEMO,
    rate: RATE,
    stallSeconds: STALL_S,
    ours,
    peer,
    comparisons: [
      {
        id: 'H5',
        what: 'mémoire du hub retenue pour la console bloquée (pic de bufferedAmount)',
        unit: 'Mio',
        ours: ours.peakBacklogMiB,
        peer: peer.peakBacklogMiB,
        peerName: 'ws sans limite',
        better: 'lower',
        goalRatio: 1,
      },
    ],
    absolutes: [
      { id: 'H5', what: 'mémoire retenue pour la console bloquée jusqu’à sa coupure', unit: 'Mio', value: ours.peakBacklogMiB, better: 'lower', goal: 16 },
      { id: 'H5', what: 'console bloquée coupée (1 = oui)', unit: '', value: ours.cutAfterS === null ? 0 : 1, better: 'higher', goal: 1 },
      { id: 'H5', what: 'événements manquants après resynchronisation par seq', unit: '', value: ours.resync?.missing ?? Number.NaN, better: 'lower', goal: 0 },
      { id: 'H5', what: 'latence p95 des consoles saines pendant ÷ avant (inchangée : ≤ 1,5)', unit: '×', value: p95Ratio, better: 'lower', goal: 1.5 },
    ],
  });
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
