import { parseArgs } from 'node:util';
import { generateTerritory, TERRITORY_NAMES, type TerritoryName } from '../territory';
import { startSimulator } from './simulator';

/**
 * Runs the demo simulator alone against any MQTT broker, for a hub pointed at that broker with
 * `BEFFROI_MQTT_URL` (a command post rehearsal, a Mosquitto on the bench):
 *
 *   npx tsx electron/hub/simulator/cli.ts --broker mqtt://127.0.0.1:1883 [--territory essonne] [--speed 60] [--seed s]
 *
 * Stops cleanly on Ctrl+C.
 */
const { values } = parseArgs({
  options: {
    broker: { type: 'string', default: process.env.BEFFROI_MQTT_URL ?? 'mqtt://127.0.0.1:1883' },
    territory: { type: 'string', default: 'essonne' },
    speed: { type: 'string', default: '60' },
    seed: { type: 'string' },
    'start-at': { type: 'string' },
  },
});

const name = values.territory;
if (!(TERRITORY_NAMES as readonly string[]).includes(name)) {
  console.error(`Territoire inconnu « ${name} » : choisir parmi ${TERRITORY_NAMES.join(', ')}.`);
  process.exit(2);
}
const speed = Number(values.speed);
if (!(speed > 0)) {
  console.error(`Vitesse invalide « ${values.speed} » : un nombre positif est attendu (60 = une journée en 24 minutes).`);
  process.exit(2);
}
const startAt = values['start-at'] ? new Date(values['start-at']) : undefined;
if (startAt && Number.isNaN(startAt.getTime())) {
  console.error(`Date de départ invalide « ${values['start-at']} » : format ISO 8601 attendu.`);
  process.exit(2);
}

const territory = generateTerritory(name as TerritoryName);
const simulator = await startSimulator({
  territory,
  brokerUrl: values.broker,
  speed,
  ...(values.seed ? { seed: values.seed } : {}),
  ...(startAt ? { startAt } : {}),
  log: (line) => console.log(`[simulateur] ${line}`),
}).catch((error: unknown) => {
  console.error(`Broker MQTT ${values.broker} injoignable (${error instanceof Error ? error.message : String(error)}) : démarrez-le ou passez --broker.`);
  process.exit(1);
});
const report = setInterval(() => {
  const { uplinks, downlinks } = simulator.stats();
  console.log(`[simulateur] ${simulator.scenarioNow().toISOString()} (scénario) : ${uplinks} remontées, ${downlinks} descentes`);
}, 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(report);
    void simulator.stop().then(() => process.exit(0));
  });
}
