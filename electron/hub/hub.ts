import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Territory } from '../../shared/protocol/messages';
import { AlarmBook } from './alarms/alarm-book';
import { reconcileMaintenance, sweepAlarmTimers } from './alarms/alarm-sweep';
import { AlarmCauses } from './alarms/causes';
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
import { ThresholdBook } from './rules/threshold-book';
import { PROGRAMME_ACTOR, ProgrammeRunner } from './schedules/programme-runner';
import { Programmes } from './schedules/programmes';
import type { HubConfig } from './config';
import { startField, type Field } from './field';
import { channelsFromConfig } from './notify/channels';
import { demoRosterWrites } from './oncall/demo-roster';
import { Escalator } from './oncall/escalation';
import { RosterBook } from './oncall/roster-book';
import { GatewayBook } from './gateways/gateway-book';
import { sweepGateways } from './gateways/gateway-sweep';
import { applyJoin, type JoinCounters } from './ingest/apply-join';
import { applyUplink, type IngestCounters } from './ingest/apply-uplink';
import { sweepSilences } from './ingest/silence';
import { ThrottledLog } from './ingest/throttled-log';
import { Logbook } from './logbook/logbook';
import type { SourceSink } from './sources/types';
import { Database } from './store/db';
import { takeHubLock } from './store/hub-lock';
import { Journal } from './store/journal';
import { migrate } from './store/migrate';
import { CommitFailed, Writer } from './store/writer';
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
  joinCounters: JoinCounters;
  stop(): Promise<void>;
}

export interface HubOptions {
  /** The clock escalation reads; tests inject one to jump minutes ahead. */
  now?: () => number;
}

/**
 * Starts a hub: opens (and if new, seeds) the database, loads the territory, serves consoles, and
 * connects the field (the embedded broker and demo simulator, or the command post's broker).
 */
export async function startHub(config: HubConfig, log: (line: string) => void = console.log, options: HubOptions = {}): Promise<RunningHub> {
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
  const thresholds = await ThresholdBook.load(db, log);
  const alarms = new AlarmBook(state, { maxShelveH: config.maxShelveH, suppressor: maintenance, chatterSettleS: config.chatterSettleS, thresholds });
  // The demo's planned network names the gateways the simulator plays and places them in communes.
  const plan = seed ?? (config.simulate && territoryName ? generateTerritory(territoryName) : undefined);
  const gateways = await GatewayBook.load(db, state, new Map((plan?.gateways ?? []).map((g) => [g.id, g])));
  alarms.causes = new AlarmCauses(state, gateways, alarms);
  const commands = new CommandDispatcher(state, writer, config.commandTtlS * 1000, log);
  const logbook = new Logbook(state);
  commands.onSettled((record, changes) => logbook.commandSettled(record, changes));
  const territory = territoryOf(territoryName, await seededCommunes(db));
  const rosters = await RosterBook.load(db, log);
  const channels = channelsFromConfig(config.notify);
  if (channels.length === 0) log('astreinte : aucun canal de notification (BEFFROI_SMTP_URL, BEFFROI_WEBHOOK_URL), les alarmes non acquittées ne sont signalées à personne');
  let hubUrl = '';
  const communeNames = new Map(territory.communes.map((c) => [c.code, c.name]));
  const escalator = await Escalator.load(db, {
    state,
    alarms,
    rosters,
    writer,
    channels,
    policy: config.escalation,
    publicUrl: () => config.notify.publicUrl ?? hubUrl,
    communeName: (code) => communeNames.get(code) ?? code,
    now: options.now ?? Date.now,
    log,
  });
  await loadDesiredStates(db, state);
  const holidays = loadSchoolHolidays();
  const programmeBook = await ProgrammeBook.load(db, log);
  // An intrusion is judged against a gate's programmed opening hours when it has some.
  thresholds.gateHours = (assetId) => programmeBook.get(assetId)?.gate;
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
    territory,
    journal,
    writer,
    alarms,
    gateways,
    maintenance,
    rosters,
    escalator,
    commands,
    logbook,
    programmes,
    sessions: new SessionStore(db, writer),
    loginThrottle: new LoginThrottle(),
    broadcaster,
    log,
    maxConsoleBacklogBytes: config.maxConsoleBacklogBytes,
  };

  await writer.submit((changes) => reconcileMaintenance(state, alarms, maintenance, Date.now(), changes));

  const counters: IngestCounters = { uplinks: 0, unknownDevices: 0, malformed: 0, duplicates: 0 };
  const joinCounters: JoinCounters = { joins: 0, unknownDevices: 0 };
  const ingestProblems = new ThrottledLog(log);
  const server = createHubServer(context, {
    rendererDir: config.rendererDir,
    ...(config.tls ? { tls: config.tls } : {}),
    version: await packageVersion(),
    startedAtMs,
    health: () => {
      const { pausedMs, ...intake } = context.sources?.intake() ?? { inFlight: 0, maxInFlight: 0, paused: false, sourcesPaused: 0, pauses: 0, pausedMs: 0, acknowledged: 0, reconnections: 0 };
      return {
        ingest: { queued: writer.queued, uplinksTotal: counters.uplinks, duplicates: counters.duplicates, ...intake, pausedS: Math.round(pausedMs / 100) / 10, writer: writer.lag() },
      };
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const sink: SourceSink = {
    uplink(uplink) {
      writer.post(
        (changes) => applyUplink(uplink, state, alarms, counters, changes, (d, o, at, c) => commands.onObservations(d, o, at, c), gateways),
        (error, problem) => {
          // Not committed: the broker keeps the uplink and redelivers it on the next connection.
          if (error instanceof CommitFailed) return uplink.abandon?.();
          if (error !== undefined) log(`liaison montante non enregistrée : ${(error as Error).message}`);
          else if (problem) ingestProblems.report(uplink.devEui, `liaison montante ignorée : ${problem}`);
          // Committed, or refused by the hub itself (it would refuse a redelivery the same way).
          uplink.settle?.();
        },
      );
    },
    join(join) {
      writer.post(
        (changes) => applyJoin(join, state, joinCounters, changes),
        (error, problem) => {
          if (error instanceof CommitFailed) return;
          if (error !== undefined) log(`jonction non enregistrée : ${(error as Error).message}`);
          else if (problem) ingestProblems.report(`join:${join.devEui}`, problem);
        },
      );
    },
    downlinkReport(report) {
      commands.onReport(report);
    },
  };
  let field: Field;
  try {
    field = await startField(config, db, territoryName, plan, sink, log);
  } catch (error) {
    // Nothing half-started stays behind: the port, the database and the lock are released.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
    releaseLock();
    throw error;
  }
  commands.attach(field.sources);
  context.sources = field.sources;
  await commands.resume();
  // Programmes act once the field can carry their commands.
  await runner.run();

  const sweep = setInterval(() => {
    const now = Date.now();
    writer
      .submit((changes) => {
        sweepGateways(state, gateways, alarms, now, startedAtMs, config.gatewaySilentPeriods, changes);
        sweepSilences(state, alarms, now, startedAtMs, changes);
        sweepAlarmTimers(state, alarms, maintenance, now, changes);
        commands.sweepExpired(now, changes);
        sweepDrift(state, alarms, now, changes);
        const prune = journal.pruneWrite();
        if (prune) changes.write(prune);
      })
      .catch((error: Error) => log(`balayage : ${error.message}`));
    if (!escalator.busy) void escalator.run().catch(() => undefined);
    runner.run(now).catch((error: Error) => log(`programmes : ${error.message}`));
  }, SWEEP_INTERVAL_MS);

  const url = `${config.tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  hubUrl = url;
  return {
    url,
    port,
    brokerUrl: field.brokerUrl,
    context,
    counters,
    joinCounters,
    async stop() {
      clearInterval(sweep);
      await runner.stop();
      commands.stop();
      await field.stop();
      // A message being sent is let finish (and recorded) before the database closes.
      await escalator.stop();
      await Promise.all(channels.map((c) => c.close?.()));
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
  await db.transaction(demoRosterWrites(new Date().toISOString()));
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
