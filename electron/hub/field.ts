import type { HubConfig } from './config';
import { startSimulator, type RunningSimulator } from './simulator';
import { startEmbeddedBroker, type EmbeddedBroker } from './sources/embedded-broker';
import type { Database } from './store/db';
import { FieldSources, type ConfiguredSource } from './sources/field-sources';
import type { MqttSourceOptions } from './sources/mqtt-source';
import { installId, loadConsoleSources } from './sources/source-store';
import { readSourcesFile } from './sources/sources-file';
import type { SourceSink } from './sources/types';
import { generateTerritory, type TerritoryName, type TerritorySeed } from './territory';

/** The hub's field side: its LoRaWAN sources, and in the embedded default the broker and the demo. */
export interface Field {
  sources: FieldSources;
  brokerUrl: string;
  stop(): Promise<void>;
}

/**
 * Connects the field. Without `BEFFROI_MQTT_URL` nor a sources file the hub runs its own MQTT
 * broker in-process; the demo simulator publishes to whichever broker is used, exactly as a
 * network server would, so the hub's path from broker to journal is the same in the demo and in a
 * command post. The sources an admin added in the console come on top, from the database.
 */
export async function startField(
  config: HubConfig,
  db: Database,
  territoryName: TerritoryName | undefined,
  seed: TerritorySeed | undefined,
  sink: SourceSink,
  log: (line: string) => void,
): Promise<Field> {
  let broker: EmbeddedBroker | undefined;
  const fromFile = config.sourcesFile ? readSourcesFile(config.sourcesFile) : undefined;
  if (!config.mqttUrl && !fromFile) broker = await startEmbeddedBroker();
  const fixed: ConfiguredSource[] = fromFile
    ? fromFile.map(fileSource)
    : [fixedSource(config.mqttUrl ?? broker!.url, config.mqttFormat, broker ? 'embedded' : 'environment')];
  const sources = new FieldSources({ installId: await installId(db), log, maxInFlightUplinks: config.ingestMaxInFlight });
  await sources.start(sink, [...fixed, ...(await loadConsoleSources(db, log))]);
  for (const { settings } of fixed) {
    log(`source LoRaWAN ${settings.name} (${settings.format}) connectée à ${redactUrl(settings.url)}${broker ? ' (broker embarqué)' : ''}`);
  }
  // The demo simulator plays a ChirpStack network server: it publishes to the first such broker.
  const brokerUrl = (fixed.find((o) => o.settings.format === 'chirpstack') ?? fixed[0]!).settings.url;

  let simulator: RunningSimulator | undefined;
  if (config.simulate && territoryName) {
    if (!fixed.some((o) => o.settings.format === 'chirpstack')) {
      log('simulateur de démonstration non lancé : il ne publie qu’au format ChirpStack');
    } else {
      const territory = seed ?? generateTerritory(territoryName);
      simulator = await startSimulator({ territory, brokerUrl, speed: config.simulationSpeed, log });
      log(`simulateur de démonstration lancé (journée accélérée ×${config.simulationSpeed})`);
    }
  }
  return {
    sources,
    brokerUrl,
    async stop() {
      await simulator?.stop();
      await sources.stop();
      await broker?.stop();
    },
  };
}

/** The one source of `BEFFROI_MQTT_URL`, or the embedded broker's; named as before, `mqtt-<format>`. */
function fixedSource(url: string, format: 'chirpstack' | 'tts', origin: 'environment' | 'embedded'): ConfiguredSource {
  return { origin, settings: { name: `mqtt-${format}`, format, url, applicationIds: [], topicPrefix: '', enabled: true } };
}

function fileSource(options: MqttSourceOptions): ConfiguredSource {
  const { label, url, format, username, password, ...extra } = options;
  return {
    origin: 'file',
    settings: { name: label ?? `mqtt-${format}`, format, url, ...(username ? { username } : {}), applicationIds: [], topicPrefix: '', enabled: true },
    ...(password !== undefined ? { password } : {}),
    extra,
  };
}

/** A broker URL as it can be logged: without credentials. */
function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
