/**
 * The territory's field as a benchmark drives it: every device of the demo reporting what the
 * bench decides, over the hub's real MQTT path (ChirpStack v4 `event/up` JSON encoded by each
 * model's own codec; camera status as the video management system publishes it). A device
 * repeats its current readings on `beatAll()`, so none goes silent (a silent cabinet would turn
 * its street lamps stale and flood the map with changes nobody asked for).
 */
import type { MqttClient } from 'mqtt';
import { getCodec } from '../../../electron/hub/codecs/registry';
import { type Cabinet, type CabinetFault, cabinetPowerW, createCabinet, lineStates } from '../../../electron/hub/simulator/behaviour/lighting';
import { type DeviceInfo, deviceInfoFor, topicOf, uplinkEvent } from '../../../electron/hub/simulator/chirpstack-events';
import { cameraStatusTopic } from '../../../electron/hub/sources/video';
import { createRng } from '../../../electron/hub/territory/random';
import type { AssetSeed, DeviceSeed, TerritorySeed } from '../../../electron/hub/territory/types';

/** What an asset's device reports: normal readings, or one that a rule turns into a status. */
export type Reading = 'normal' | 'bin-full' | 'cabinet-overrun' | 'feeder-tripped' | 'camera-offline' | 'co2-high' | 'battery-low';

interface FieldDevice {
  seed: DeviceSeed;
  asset: AssetSeed;
  info: DeviceInfo;
  fCnt: number;
  reading: Reading;
  /** The simulator's model of the cabinet (lamps, watts, lines), lit all night long. */
  cabinet?: Cabinet;
}

export class FieldFeed {
  private readonly devices = new Map<string, FieldDevice>();
  private readonly byAsset = new Map<string, FieldDevice[]>();
  private uplinkId = 0;
  /** Uplinks published so far, to know when the hub has taken them all. */
  published = 0;
  /**
   * Models the bench has no neutral readings for (a model added to the demo since): their devices
   * stay quiet, so their assets turn stale after a few periods; the report says so.
   */
  readonly unfed = new Set<string>();

  constructor(
    territory: TerritorySeed,
    private readonly client: MqttClient,
  ) {
    const assets = new Map(territory.assets.map((a) => [a.id, a]));
    const now = Date.now();
    for (const seed of territory.devices) {
      const asset = assets.get(seed.assetId);
      if (!asset) continue;
      const device: FieldDevice = { seed, asset, info: deviceInfoFor(territory.name, seed, asset), fCnt: 0, reading: 'normal' };
      if (asset.kind === 'lighting-cabinet') {
        device.cabinet = createCabinet(asset.settings ?? {}, asset.lon, asset.lat, now, createRng(asset.id));
        // Lit whatever the hour of the run: a tripped feeder only shows on a lit cabinet.
        device.cabinet.forced = { on: true, untilMs: Number.POSITIVE_INFINITY };
      }
      this.devices.set(seed.devEui, device);
      this.byAsset.set(asset.id, [...(this.byAsset.get(asset.id) ?? []), device]);
    }
  }

  get deviceCount(): number {
    return this.devices.size;
  }

  /** Sets what an asset's devices report from now on and publishes it once. */
  async report(assetIds: readonly string[], reading: Reading): Promise<void> {
    const devices = assetIds.flatMap((id) => this.byAsset.get(id) ?? []);
    for (const device of devices) device.reading = reading;
    await this.publish(devices);
  }

  /** Every device repeats its current readings: nothing changes status, nobody goes silent. */
  async beatAll(): Promise<void> {
    await this.publish([...this.devices.values()]);
  }

  /** The devices of these models repeat their current readings (keeps them from going silent). */
  async beatModels(models: ReadonlySet<string>): Promise<void> {
    await this.publish([...this.devices.values()].filter((d) => models.has(d.seed.model)));
  }

  private async publish(devices: readonly FieldDevice[]): Promise<void> {
    // QoS 1 in slices: the broker's acknowledgements pace the publisher, as a network server's would.
    for (let i = 0; i < devices.length; i += 500) {
      await Promise.all(devices.slice(i, i + 500).map((d) => this.publishOne(d)));
    }
  }

  private publishOne(device: FieldDevice): Promise<unknown> {
    const time = new Date().toISOString();
    if (device.seed.model === 'vms-camera') {
      this.published += 1;
      return this.client.publishAsync(cameraStatusTopic(device.seed.devEui), JSON.stringify({ online: device.reading !== 'camera-offline', recording: device.reading !== 'camera-offline', time }), { qos: 1 });
    }
    const encoded = encode(device);
    if (!encoded) {
      this.unfed.add(device.seed.model);
      return Promise.resolve();
    }
    const { fPort, bytes } = encoded;
    this.published += 1;
    device.fCnt += 1;
    this.uplinkId += 1;
    const event = uplinkEvent({
      info: device.info,
      deduplicationId: `bench-${device.seed.devEui}-${device.fCnt}`,
      time,
      devAddr: '01020304',
      fCnt: device.fCnt,
      fPort,
      bytes,
      reception: { gatewayId: device.seed.gatewayId ?? '0016c001f0000001', rssi: -97, snr: 6, dr: 5, frequency: 868_100_000, uplinkId: this.uplinkId },
    });
    return this.client.publishAsync(topicOf(device.info, 'up'), JSON.stringify(event), { qos: 1 });
  }
}

/** The device's current reading through its model's own encoder, or undefined if the bench has none. */
function encode(device: FieldDevice): { fPort: number; bytes: Uint8Array } | undefined {
  const fields = fieldsOf(device);
  const codec = getCodec(device.seed.model);
  if (!fields || !codec?.encodeUplink) return undefined;
  try {
    return codec.encodeUplink(fields);
  } catch {
    return undefined; // the codec changed its fields since these readings were written
  }
}

/** Vendor fields for a device's current reading; normal readings raise nothing on any rule. */
function fieldsOf(device: FieldDevice): Record<string, unknown> | undefined {
  const { seed, asset, reading } = device;
  switch (seed.model) {
    case 'milesight-am307':
      return { battery: reading === 'battery-low' ? 5 : 90, temperature: 20.5, humidity: 45, co2: reading === 'co2-high' ? 1_900 : 550 };
    case 'milesight-wt101':
      return { battery: 80, temperature: 19.5, target_temperature: 19, valve_opening: 30, tamper_status: 'installed', window_detection: 'normal' };
    case 'mclimate-vicki':
      return {
        targetTemperatureFloat: 19,
        sensorTemperature: 19.5,
        relativeHumidity: 45,
        motorRange: 500,
        valveOpenness: 30,
        batteryVoltage: 3.4,
        attachedBackplate: true,
        perceiveAsOnline: true,
      };
    case 'milesight-em310-udl': {
      const depthMm = typeof asset.settings?.depthMm === 'number' ? asset.settings.depthMm : 1600;
      // Fill = 1 − distance / depth: 97 % is past the « plein » alarm, 30 % is below the 75 % warning.
      return { battery: reading === 'battery-low' ? 5 : 85, distance: Math.round(depthMm * (reading === 'bin-full' ? 0.03 : 0.7)), position: 'normal' };
    }
    case 'milesight-ws558':
      return cabinetFields(device.cabinet!, reading === 'cabinet-overrun' ? 'overrun' : reading === 'feeder-tripped' ? 'feeder' : undefined);
    case 'dragino-lt22222-l':
      return { DI1_status: 'L', RO1_status: 'OFF' };
    default:
      return undefined;
  }
}

/** What the WS558 meter reads, from the simulator's own model of a (faulty) cabinet. */
function cabinetFields(cabinet: Cabinet, fault: CabinetFault | undefined): Record<string, unknown> {
  const now = Date.now();
  const powerW = Math.round(cabinetPowerW(cabinet, now, fault));
  const voltage = 231.5;
  return {
    voltage,
    active_power: powerW,
    power_factor: 95,
    power_consumption: Math.round(cabinet.energyWh),
    total_current: Math.min(65_535, Math.round((powerW / (voltage * 0.95)) * 1_000)),
    ...lineStates(cabinet, now, fault),
  };
}
