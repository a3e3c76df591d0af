import type { HubConfig } from './config';
import { startSimulator, type RunningSimulator } from './simulator';
import { startEmbeddedBroker, type EmbeddedBroker } from './sources/embedded-broker';
import { MqttSource } from './sources/mqtt-source';
import { SourceRouter } from './sources/source-router';
import { readSourcesFile } from './sources/sources-file';
import type { Source, SourceSink } from './sources/types';
import { generateTerritory, type TerritoryName, type TerritorySeed } from './territory';

/** The hub's field side: its LoRaWAN source, and in the embedded default the broker and the demo. */
export interface Field {
  source: Source;
  brokerUrl: string;
  stop(): Promise<void>;
}

/**
 * Connects the field. Without `BEFFROI_MQTT_URL` the hub runs its own MQTT broker in-process; the
 * demo simulator publishes to whichever broker is used, exactly as a network server would, so the
 * hub's path from broker to journal is the same in the demo and in a command post.
 */
export async function startField(
  config: HubConfig,
  territoryName: TerritoryName | undefined,
  seed: TerritorySeed | undefined,
  sink: SourceSink,
  log: (line: string) => void,
): Promise<Field> {
  let broker: EmbeddedBroker | undefined;
  const fromFile = config.sourcesFile ? readSourcesFile(config.sourcesFile) : undefined;
  if (!config.mqttUrl && !fromFile) broker = await startEmbeddedBroker();
  const options = fromFile ?? [{ url: config.mqttUrl ?? broker!.url, format: config.mqttFormat }];
  const sources = options.map((o) => new MqttSource({ ...o, log }));
  const source: Source = sources.length === 1 ? sources[0]! : new SourceRouter(sources);
  await source.start(sink);
  for (const o of options) log(`source LoRaWAN ${o.label ?? ''} (${o.format}) connectée à ${redactUrl(o.url)}${broker ? ' (broker embarqué)' : ''}`);
  // The demo simulator plays a ChirpStack network server: it publishes to the first such broker.
  const brokerUrl = (options.find((o) => o.format === 'chirpstack') ?? options[0]!).url;

  let simulator: RunningSimulator | undefined;
  if (config.simulate && territoryName) {
    if (!options.some((o) => o.format === 'chirpstack')) {
      log('simulateur de démonstration non lancé : il ne publie qu’au format ChirpStack');
    } else {
      const territory = seed ?? generateTerritory(territoryName);
      simulator = await startSimulator({ territory, brokerUrl, speed: config.simulationSpeed, log });
      log(`simulateur de démonstration lancé (journée accélérée ×${config.simulationSpeed})`);
    }
  }
  return {
    source,
    brokerUrl,
    async stop() {
      await simulator?.stop();
      await source.stop();
      await broker?.stop();
    },
  };
}

/** A broker URL as it can be logged: without credentials. */
function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
