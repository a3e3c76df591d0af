/**
 * Real journal event batches for the fan-out benchmark: uplinks of the whole finistère territory,
 * readings varied so that the hub's real ingest (decode → rules → writer) makes asset.updated
 * events and raises and clears alarms, recorded batch by batch exactly as the writer hands them
 * to the broadcaster after each COMMIT.
 */
import { connectAsync } from 'mqtt';
import type { RunningHub } from '../../../electron/hub/hub';
import { getCodec } from '../../../electron/hub/codecs/registry';
import { deviceInfoFor, topicOf, uplinkEvent } from '../../../electron/hub/simulator/chirpstack-events';
import type { ScopedEvent } from '../../../electron/hub/store/journal';
import type { TerritorySeed } from '../../../electron/hub/territory/types';

/** Readings per model that move every uplink a little (bins now and then past « plein »). */
function readings(model: string, i: number): Record<string, unknown> | undefined {
  const wave = (i * 7919) % 100;
  switch (model) {
    case 'milesight-am307':
      return { battery: 90, temperature: 19 + (wave % 40) / 10, humidity: 40 + (wave % 20), co2: 500 + wave * 12 };
    case 'milesight-em310-udl':
      return { battery: 85, distance: 20 + wave * 15 };
    case 'milesight-ws558':
      return { voltage: 231.5, active_power: 800 + wave * 10, power_factor: 95, power_consumption: 1000 + i, total_current: 3500, switch_1: 'on' };
    default:
      return undefined;
  }
}

/** Publishes uplinks until the hub has journaled `events` events; returns the batches it broadcast. */
/** `burst`: uplinks published at once (the broker's pace); the writer cuts its batches from them. */
export async function recordIngestBatches(hub: RunningHub, territory: TerritorySeed, events: number, burst: number): Promise<ScopedEvent[][]> {
  const batches: ScopedEvent[][] = [];
  let recorded = 0;
  const broadcaster = hub.context.broadcaster;
  const publish = broadcaster.publish.bind(broadcaster);
  broadcaster.publish = (batch) => {
    batches.push([...batch]);
    recorded += batch.length;
    publish(batch);
  };
  const assets = new Map(territory.assets.map((a) => [a.id, a]));
  const radios = territory.devices.filter((d) => readings(d.model, 0));
  const publisher = await connectAsync(hub.brokerUrl, { clientId: 'bench-fan-out' });
  try {
    for (let i = 0; recorded < events; ) {
      const slice: Promise<unknown>[] = [];
      for (let n = 0; n < burst; n++, i++) {
        const device = radios[i % radios.length]!;
        const info = deviceInfoFor(territory.name, device, assets.get(device.assetId)!);
        const { fPort, bytes } = getCodec(device.model)!.encodeUplink!(readings(device.model, i)!);
        const fCnt = 10 + Math.floor(i / radios.length);
        const event = uplinkEvent({
          info,
          deduplicationId: `fan-out-${i}`,
          time: new Date().toISOString(),
          devAddr: '01020304',
          fCnt,
          fPort,
          bytes,
          reception: { gatewayId: device.gatewayId ?? '0016c001f0000001', rssi: -100, snr: 5, dr: 5, frequency: 868_100_000, uplinkId: i },
        });
        slice.push(publisher.publishAsync(topicOf(info, 'up'), JSON.stringify(event), { qos: 1 }));
      }
      await Promise.all(slice);
      await hub.context.writer.idle();
    }
  } finally {
    broadcaster.publish = publish;
    await publisher.endAsync();
  }
  // Exactly `events` events, cut at a batch boundary's worth (the last batch trimmed).
  const kept: ScopedEvent[][] = [];
  let count = 0;
  for (const batch of batches) {
    if (count >= events) break;
    kept.push(batch.slice(0, events - count));
    count += kept[kept.length - 1]!.length;
  }
  return kept;
}
