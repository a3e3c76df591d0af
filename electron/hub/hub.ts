import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Territory } from '../../shared/protocol/messages';
import { AlarmBook } from './alarms/alarm-book';
import { reconcileMaintenance, sweepAlarmTimers } from './alarms/alarm-sweep';
import { MaintenanceBook } from './alarms/maintenance-book';
import { AuditChain } from './audit/audit-chain';
import { Broadcaster } from './api/broadcaster';
import type { HubContext } from './api/context';
import { createHubServer } from './api/http-server';
import { seedDemoAccounts } from './auth/demo-accounts';
import { LoginThrottle } from './auth/login-throttle';
import { SessionStore } from './auth/sessions';
import { acceptedCommands } from './commands/capabilities';
import { CommandDispatcher } from './commands/dispatcher';
import { loadDesiredStates, sweepDrift } from './schedules/desired-state';
import { loadSchoolHolidays } from './schedules/holiday-table';
import { ProgrammeBook } from './schedules/programme-book';
import { PROGRAMME_ACTOR, ProgrammeRunner } from './schedules/programme-runner';
import { Programmes } from './schedules/programmes';
import type { HubConfig } from './config';
import { startField, type Field } from './field';
import { applyUplink, type IngestCounters } from './ingest/apply-uplink';
import { sweepSilences } from './ingest/silence';
import { ThrottledLog } from './ingest/throttled-log';
import type { SourceSink } from './sources/types';
import { Database } from './store/db';
import { takeHubLock } from './store/hub-lock';
import { Journal } from './store/journal';
import { migrate } from './store/migrate';
import { Writer } from './store/writer';
import { seedTerritory, seededCommunes, seededTerritory } from './state/seed';
import { TerritoryState } from './state/territory-state';
import { generateTerritory, territoryInfo, TERRITORY_NAMES, type TerritoryName, type TerritorySeed } from './territory';

/** How often silent devices and expired commands are looked for. */
const SWEEP_INTERVAL_MS = 5000;

export interface RunningHub {
  url: string;
  port: number;
  /** The field broker the hub's source reads (embedded or `BEFFROI_MQTT_URL`). */
  brokerUrl: string;
  context: HubContext;
  counters: IngestCounters;
  stop(): Promise<void>;
}

/**
 * Starts a hub: opens (and if new, seeds) the database, loads the territory, serves consoles, and
 * connects the field (the embedded broker and demo simulator, or the command post's broker).
 */
export async function startHub(config: HubConfig, log: (line: string) => void = console.log): Promise<RunningHub> {
  const startedAtMs = Date.now();
  await mkdir(config.dataDir, { recursive: true });
  const releaseLock = takeHubLock(config.dataDir);
  const db = await Database.open(join(config.dataDir, 'beffroi.sqlite'));
  await migrate(db);
  const { name: territoryName, seed } = await prepareTerritory(db, config, log);

  const state = await TerritoryState.load(db);
  for (const record of state.assets.values()) {
    const accepts = acceptedCommands(record);
    if (accepts.length > 0) record.asset.accepts = accepts;
  }
  const journal = await Journal.open(db);
  const broadcaster = new Broadcaster();
  const writer = new Writer(
    db,
    journal,
    (events) => broadcaster.publish(events),
    (error) => log(`écriture du journal impossible : ${(error as Error).message}`),
    await AuditChain.open(db),
  );
  const maintenance = await MaintenanceBook.load(db);
  const alarms = new AlarmBook(state, { maxShelveH: config.maxShelveH, suppressor: maintenance });
  const commands = new CommandDispatcher(state, writer, config.commandTtlS * 1000, log);
  await loadDesiredStates(db, state);
  const holidays = loadSchoolHolidays();
  const programmeBook = await ProgrammeBook.load(db, log);
  const runner = new ProgrammeRunner(
    state,
    programmeBook,
    writer,
    (assetId, request) => commands.send(assetId, request, { username: PROGRAMME_ACTOR }, 'programme'),
    holidays,
    log,
  );
  const programmes = new Programmes(state, programmeBook, runner, commands, writer, holidays);
  const context: HubContext = {
    db,
    state,
    territory: territoryOf(territoryName, await seededCommunes(db)),
    journal,
    writer,
    alarms,
    maintenance,
    commands,
    programmes,
    sessions: new SessionStore(db, writer),
    loginThrottle: new LoginThrottle(),
    broadcaster,
    log,
    maxConsoleBacklogBytes: config.maxConsoleBacklogBytes,
  };

  await writer.submit((changes) => reconcileMaintenance(state, alarms, maintenance, Date.now(), changes));

  const counters: IngestCounters = { uplinks: 0, unknownDevices: 0, malformed: 0, duplicates: 0 };
  const ingestProblems = new ThrottledLog(log);
  const server = createHubServer(context, {
    rendererDir: config.rendererDir,
    ...(config.tls ? { tls: config.tls } : {}),
    version: await packageVersion(),
    startedAtMs,
    health: () => ({ ingest: { queued: writer.queued, uplinksTotal: counters.uplinks } }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const sink: SourceSink = {
    uplink(uplink) {
      writer
        .submit((changes) => applyUplink(uplink, state, alarms, counters, changes, (d, o, at, c) => commands.onObservations(d, o, at, c)))
        .then((problem) => {
          if (problem) ingestProblems.report(uplink.devEui, `liaison montante ignorée : ${problem}`);
          uplink.settle?.();
        })
        .catch((error: Error) => log(`liaison montante non enregistrée : ${error.message}`));
    },
    downlinkReport(report) {
      commands.onReport(report);
    },
  };
  let field: Field;
  try {
    field = await startField(config, territoryName, seed, sink, log);
  } catch (error) {
    // Nothing half-started stays behind: the port, the database and the lock are released.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
    releaseLock();
    throw error;
  }
  commands.attach(field.source);
  await commands.resume();
  // Programmes act once the field can carry their commands.
  await runner.run();

  const sweep = setInterval(() => {
    const now = Date.now();
    writer
      .submit((changes) => {
        sweepSilences(state, alarms, now, startedAtMs, changes);
        sweepAlarmTimers(state, alarms, maintenance, now, changes);
        commands.sweepExpired(now, changes);
        sweepDrift(state, alarms, now, changes);
        const prune = journal.pruneWrite();
        if (prune) changes.write(prune);
      })
      .catch((error: Error) => log(`balayage : ${error.message}`));
    runner.run(now).catch((error: Error) => log(`programmes : ${error.message}`));
  }, SWEEP_INTERVAL_MS);

  const url = `${config.tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  return {
    url,
    port,
    brokerUrl: field.brokerUrl,
    context,
    counters,
    async stop() {
      clearInterval(sweep);
      await runner.stop();
      await field.stop();
      await writer.idle();
      for (const connection of [...broadcaster.connections]) connection.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A console closing records its session's last use through the writer: let that land
      // before the database closes (a statement prepared meanwhile makes the close fail).
      await writer.idle();
      await db.close();
      releaseLock();
    },
  };
}

/** The demo territory this database holds, seeding it first when the database is new. */
async function prepareTerritory(
  db: Database,
  config: HubConfig,
  log: (line: string) => void,
): Promise<{ name?: TerritoryName; seed?: TerritorySeed }> {
  const seeded = await seededTerritory(db);
  if (seeded) return { name: (TERRITORY_NAMES as readonly string[]).includes(seeded) ? (seeded as TerritoryName) : undefined };
  if (config.demo === 'none') return {};
  const started = Date.now();
  const seed = generateTerritory(config.demo);
  await seedTerritory(db, seed);
  await seedDemoAccounts(db, seed.communes.map((c) => c.code), config.demoPassword);
  log(`territoire de démonstration « ${config.demo} » créé : ${seed.assets.length} équipements en ${Date.now() - started} ms`);
  return { name: config.demo, seed };
}

function territoryOf(name: TerritoryName | undefined, communes: { code: string; name: string }[]): Territory {
  if (!name) {
    return { name: 'none', label: 'Territoire', departements: [], bounds: [-5.2, 41.3, 9.6, 51.1], communes };
  }
  const info = territoryInfo(name);
  return { name, label: info.label, departements: info.departements, bounds: info.bounds, communes };
}

async function packageVersion(): Promise<string> {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}
