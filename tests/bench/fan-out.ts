/**
 * Benchmark H4: the hub's CPU to deliver each journal event to 50 consoles of mixed scopes.
 *
 * 50 consoles of the finistère demo: 10 operators (whole territory, devices), 30 elected officials
 * spread over 15 communes, 5 on call, 5 admins. The events are real: uplinks through the hub's
 * real ingest, recorded batch by batch as the writer hands them to the broadcaster. Both sides
 * then deliver the same batches over the same 50 real `ws` sockets (clients in another process
 * that read and discard), alternating round by round:
 *   OURS  the product's Broadcaster to 50 real ConsoleConnections (one frame per scope and batch);
 *   PEER  the straightforward way: for each event, for each console, the scope check, the event
 *         serialised for that console (devices or not), `ws.send`.
 * The cost is this process's CPU (process.cpuUsage: delivery and the event-loop work of flushing
 * the sockets) until every client has received everything, divided by the events delivered.
 *
 * The batches are what the writer cuts from bursts of `--burst` uplinks: the smaller the bursts,
 * the smaller the batches and the less one frame per batch saves (see the mean batch size printed).
 *
 *   npm run bench -- fan-out [--events 20000] [--rounds 4] [--burst 100]
 */
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import { Broadcaster, eventFor, mayReceive } from '../../electron/hub/api/broadcaster';
import { ConsoleConnection } from '../../electron/hub/api/console-connection';
import type { HubContext } from '../../electron/hub/api/context';
import type { ScopedEvent } from '../../electron/hub/store/journal';
import { generateTerritory } from '../../electron/hub/territory';
import { seesDevices, type SessionUser } from '../../shared/domain/users';
import { startTestHub } from '../support/hub';
import { recordIngestBatches } from './support/fan-out-events';
import { machineInfo } from './support/machine';
import { report } from './support/verdict';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const EVENTS = Number(args.get('events') ?? 20_000);
const ROUNDS = Number(args.get('rounds') ?? 4);
const BURST = Number(args.get('burst') ?? 100);
const CONSOLES = 50;

/** The 50 users: the mix a département's command post, mayors and on-call staff make. */
function usersOf(communes: readonly string[]): SessionUser[] {
  const users: SessionUser[] = [];
  for (let i = 0; i < 10; i++) users.push({ username: `operateur-${i}`, role: 'operator', communes: [] });
  // 30 elected officials over 15 communes: two per commune, a few with two communes.
  const picked = Array.from({ length: 15 }, (_, i) => communes[Math.floor((i * communes.length) / 15)]!);
  for (let i = 0; i < 30; i++) {
    const own = [picked[i % 15]!];
    if (i % 7 === 0) own.push(picked[(i + 1) % 15]!);
    users.push({ username: `elu-${i}`, role: 'elected', communes: own });
  }
  // The demo's on-call user (on the demo roster) and four others on no roster yet.
  for (let i = 0; i < 5; i++) users.push({ username: i === 0 ? 'astreinte' : `astreinte-${i}`, role: 'oncall', communes: [] });
  for (let i = 0; i < 5; i++) users.push({ username: `admin-${i}`, role: 'admin', communes: [] });
  return users;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

async function main(): Promise<void> {
  const started = performance.now();
  const territory = generateTerritory('finistere');
  const test = await startTestHub({ BEFFROI_DEMO: 'finistere' });
  const clients = { child: undefined as ReturnType<typeof fork> | undefined };
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  try {
    console.log(`hub finistère prêt ; enregistrement de ${EVENTS} événements de l’ingestion réelle…`);
    const batches = await recordIngestBatches(test.hub, territory, EVENTS, BURST);
    const recorded = batches.reduce((n, b) => n + b.length, 0);
    const kinds = new Map<string, number>();
    for (const b of batches) for (const { event } of b) kinds.set(event.type, (kinds.get(event.type) ?? 0) + 1);
    console.log(`  ${recorded} événements en ${batches.length} lots de ${(recorded / batches.length).toFixed(0)} en moyenne, rafales de ${BURST} uplinks (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`);

    // The delivering side: its own broadcaster, the hub's real state and rosters for the scopes.
    const broadcaster = new Broadcaster();
    const context: HubContext = { ...test.hub.context, broadcaster, log: () => undefined };
    const users = usersOf(territory.communes.map((c) => c.code));
    const sockets: WebSocket[] = [];
    const connections: ConsoleConnection[] = [];
    if (!server.address()) await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    server.on('connection', (socket, request) => {
      const index = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('client'));
      const connection = new ConsoleConnection(socket, context, '127.0.0.1');
      connection.user = users[index]!;
      connection.expiresAtMs = Number.MAX_SAFE_INTEGER;
      connection.subscribed = true;
      sockets[index] = socket;
      connections[index] = connection;
    });
    const { port } = server.address() as AddressInfo;
    clients.child = fork(new URL('./support/fan-out-clients.ts', import.meta.url).pathname, [`ws://127.0.0.1:${port}`, String(CONSOLES)], { execArgv: ['--import', 'tsx'] });
    await new Promise((resolve) => clients.child!.once('message', resolve));
    console.log(`  ${connections.filter(Boolean).length} consoles connectées`);
    const stats = () =>
      new Promise<{ bytes: number; frames: number }>((resolve) => {
        clients.child!.once('message', (m) => resolve(m as { bytes: number; frames: number }));
        clients.child!.send({ ask: 'stats' });
      });

    // The straightforward fan-out, on the very same sockets and users.
    const naive = (batch: readonly ScopedEvent[]) => {
      for (const scoped of batch) {
        for (let i = 0; i < CONSOLES; i++) {
          const user = users[i]!;
          if (!mayReceive(context, user, scoped)) continue;
          sockets[i]!.send(JSON.stringify({ op: 'events', events: [eventFor(scoped.event, seesDevices(user.role))] }));
        }
      }
    };

    /** Delivers all batches one way; CPU of this process until the clients have it all. */
    const run = async (deliver: (batch: readonly ScopedEvent[]) => void) => {
      for (const c of connections) c.sentSeq = 0;
      const before = await stats();
      const elu = performance.eventLoopUtilization();
      const cpu = process.cpuUsage();
      let deliveryMs = 0;
      for (const batch of batches) {
        const t = process.cpuUsage();
        deliver(batch);
        deliveryMs += cpuMs(t);
        // As the hub does between batches: back to the event loop, the sockets flush.
        await new Promise((r) => setImmediate(r));
      }
      // Everything flushed to the kernel, then everything received by the clients.
      let sent = 0;
      for (;;) {
        const s = await stats();
        if (sockets.every((x) => x.bufferedAmount === 0) && s.bytes === sent && s.bytes > before.bytes) break;
        sent = s.bytes;
        await new Promise((r) => setTimeout(r, 20));
      }
      const totalMs = cpuMs(cpu);
      const loop = performance.eventLoopUtilization(elu);
      const after = await stats();
      return { totalMs, deliveryMs, loopActiveMs: loop.active, bytes: after.bytes - before.bytes, frames: after.frames - before.frames };
    };

    const ours = { totalMs: 0, deliveryMs: 0, loopActiveMs: 0, bytes: 0, frames: 0 };
    const peer = { ...ours };
    const add = (sum: typeof ours, r: typeof ours) => Object.keys(sum).forEach((k) => ((sum as Record<string, number>)[k]! += (r as Record<string, number>)[k]!));
    // A first round of each to warm the JIT, not counted; then alternated so noise hits both.
    const warm = [await run((b) => broadcaster.publish(b)), await run(naive)];
    console.log(`  chauffe : nous ${warm[0]!.frames} trames, pair ${warm[1]!.frames} trames`);
    for (let round = 0; round < ROUNDS; round++) {
      const a = await run((b) => broadcaster.publish(b));
      const b = await run(naive);
      add(ours, a);
      add(peer, b);
      console.log(`  tour ${round + 1} : nous ${((a.totalMs / recorded) * 1000).toFixed(1)} µs/évt, pair ${((b.totalMs / recorded) * 1000).toFixed(1)} µs/évt`);
    }
    const perEvent = (ms: number) => (ms / (recorded * ROUNDS)) * 1000;
    console.log(`
Fan-out à ${CONSOLES} consoles (10 opérateurs, 30 élus sur 15 communes, 5 astreintes, 5 admins), ${recorded} événements réels × ${ROUNDS} tours
                                  nous (Broadcaster)    pair (naïf)
  CPU du hub / événement          ${perEvent(ours.totalMs).toFixed(1).padStart(10)} µs      ${perEvent(peer.totalMs).toFixed(1).padStart(10)} µs
   dont l’appel de diffusion      ${perEvent(ours.deliveryMs).toFixed(1).padStart(10)} µs      ${perEvent(peer.deliveryMs).toFixed(1).padStart(10)} µs
  boucle d’événements active      ${perEvent(ours.loopActiveMs).toFixed(1).padStart(10)} µs      ${perEvent(peer.loopActiveMs).toFixed(1).padStart(10)} µs
  trames reçues                   ${String(ours.frames).padStart(10)}         ${String(peer.frames).padStart(10)}
  octets reçus                    ${(ours.bytes / 2 ** 20).toFixed(0).padStart(10)} Mo      ${(peer.bytes / 2 ** 20).toFixed(0).padStart(10)} Mo`);
    report('fan-out', {
      machine: await machineInfo(),
      runSeconds: (performance.now() - started) / 1000,
      events: recorded,
      batches: batches.length,
      burst: BURST,
      rounds: ROUNDS,
      consoles: CONSOLES,
      ours,
      peer,
      comparisons: [
        {
          id: 'H4',
          what: `CPU du hub par événement diffusé à ${CONSOLES} consoles`,
          unit: 'µs',
          ours: perEvent(ours.totalMs),
          peer: perEvent(peer.totalMs),
          peerName: 'ws naïf (scope + JSON.stringify + send par console)',
          better: 'lower',
          goalRatio: 3,
        },
      ],
    });
  } finally {
    clients.child?.send({ ask: 'exit' });
    server.close();
    await test.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
