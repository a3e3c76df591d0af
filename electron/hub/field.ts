import type { HubConfig } from './config';
import { startSimulator, type RunningSimulator } from './simulator';
import { startEmbeddedBroker, type EmbeddedBroker } from './sources/embedded-broker';
import { MqttSource } from './sources/mqtt-source';
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
  if (!config.mqttUrl) broker = await startEmbeddedBroker();
  const brokerUrl = config.mqttUrl ?? broker!.url;
  const source = new MqttSource({ url: brokerUrl, format: config.mqttFormat, log });
  await source.start(sink);
  log(`source LoRaWAN (${config.mqttFormat}) connectée à ${brokerUrl}${broker ? ' (broker embarqué)' : ''}`);

  let simulator: RunningSimulator | undefined;
  if (config.simulate && territoryName) {
    if (config.mqttFormat !== 'chirpstack') {
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
