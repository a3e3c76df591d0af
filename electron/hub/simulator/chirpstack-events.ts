import type { AssetSeed, DeviceSeed } from '../territory/types';
import { createRng, type Rng } from '../territory/random';
import type {
  ChirpstackAckEventJson,
  ChirpstackJoinEventJson,
  ChirpstackLogEventJson,
  ChirpstackTxAckEventJson,
  ChirpstackUplinkEventJson,
} from '../sources/chirpstack-schema';

/**
 * The JSON a ChirpStack v4 network server publishes on its MQTT integration
 * (`application/<applicationId>/device/<devEui>/event/<type>`), built the way ChirpStack
 * serialises its integration protobufs: camelCase names, enums as strings, bytes as base64,
 * times as RFC 3339 UTC. Field sets follow `api/proto/integration/integration.proto`.
 */
// A type alias, not an interface: it must fit the schema's open (loose) object type.
export type DeviceInfo = {
  tenantId: string;
  tenantName: string;
  applicationId: string;
  applicationName: string;
  deviceProfileId: string;
  deviceProfileName: string;
  deviceName: string;
  devEui: string;
  deviceClassEnabled: 'CLASS_A';
  tags: Record<string, string>;
};

/** ChirpStack applications of the demo network: one per service of the territory. */
const APPLICATION_OF_MODEL: Record<string, string> = {
  'milesight-ws558': 'Éclairage public',
  'milesight-am307': 'Bâtiments communaux',
  'milesight-wt101': 'Bâtiments communaux',
  'mclimate-vicki': 'Bâtiments communaux',
  'milesight-em310-udl': 'Collecte des déchets',
  'dragino-lt22222-l': 'Portails et accès',
};
const PROFILE_OF_MODEL: Record<string, string> = {
  'milesight-ws558': 'Milesight WS558 (EU868)',
  'milesight-am307': 'Milesight AM307 (EU868)',
  'milesight-wt101': 'Milesight WT101 (EU868)',
  'mclimate-vicki': 'MClimate Vicki (EU868)',
  'milesight-em310-udl': 'Milesight EM310-UDL (EU868)',
  'dragino-lt22222-l': 'Dragino LT-22222-L (EU868)',
};

/** A version-4-shaped UUID from a seeded generator (reproducible runs, no crypto needed). */
export function seededUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(rng.next() * 4) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const stableUuid = (key: string): string => seededUuid(createRng(key));

export function deviceInfoFor(territory: string, device: DeviceSeed, asset: AssetSeed): DeviceInfo {
  const applicationName = APPLICATION_OF_MODEL[device.model] ?? 'Capteurs';
  const deviceProfileName = PROFILE_OF_MODEL[device.model] ?? device.model;
  return {
    tenantId: stableUuid(`tenant:${territory}`),
    tenantName: `Beffroi – démonstration ${territory}`,
    applicationId: stableUuid(`application:${territory}:${applicationName}`),
    applicationName,
    deviceProfileId: stableUuid(`profile:${deviceProfileName}`),
    deviceProfileName,
    deviceName: `${asset.id} ${device.model.split('-').slice(1).join('-').toUpperCase()}`,
    devEui: device.devEui,
    deviceClassEnabled: 'CLASS_A',
    tags: { assetId: asset.id, commune: asset.commune },
  };
}

export function topicOf(info: DeviceInfo, event: 'up' | 'join' | 'txack' | 'ack' | 'log'): string {
  return `application/${info.applicationId}/device/${info.devEui}/event/${event}`;
}

/** What one reception looked like on the radio side. */
export interface Reception {
  gatewayId: string;
  rssi: number;
  snr: number;
  /** EU868 data rate: DR5 = SF7 … DR0 = SF12. */
  dr: number;
  frequency: number;
  uplinkId: number;
  /** Where the gateway stands, as ChirpStack reports it from the gateway's configuration. */
  location?: { lon: number; lat: number };
}

export function uplinkEvent(args: {
  info: DeviceInfo;
  deduplicationId: string;
  time: string;
  devAddr: string;
  fCnt: number;
  fPort: number;
  bytes: Uint8Array;
  reception: Reception;
}): ChirpstackUplinkEventJson {
  const { reception } = args;
  return {
    deduplicationId: args.deduplicationId,
    time: args.time,
    deviceInfo: args.info,
    devAddr: args.devAddr,
    adr: true,
    dr: reception.dr,
    fCnt: args.fCnt,
    fPort: args.fPort,
    confirmed: false,
    data: Buffer.from(args.bytes).toString('base64'),
    rxInfo: [
      {
        gatewayId: reception.gatewayId,
        uplinkId: reception.uplinkId,
        nsTime: args.time,
        rssi: reception.rssi,
        snr: reception.snr,
        channel: 0,
        location: reception.location ? { latitude: reception.location.lat, longitude: reception.location.lon, altitude: 0 } : {},
        context: Buffer.from(Uint32Array.of(reception.uplinkId).buffer).toString('base64'),
        metadata: { region_config_id: 'eu868', region_common_name: 'EU868' },
        crcStatus: 'CRC_OK',
      },
    ],
    txInfo: {
      frequency: reception.frequency,
      modulation: { lora: { bandwidth: 125_000, spreadingFactor: 12 - reception.dr, codeRate: 'CR_4_5' } },
    },
    regionConfigId: 'eu868',
  };
}

/** `event/join`: the device completed an OTAA join with this new DevAddr (JoinEvent carries no rxInfo). */
export function joinEvent(args: { info: DeviceInfo; deduplicationId: string; time: string; devAddr: string }): ChirpstackJoinEventJson {
  return { deduplicationId: args.deduplicationId, time: args.time, deviceInfo: args.info, devAddr: args.devAddr };
}

export function txAckEvent(args: { info: DeviceInfo; downlinkId: number; time: string; queueItemId: string; fCntDown: number; gatewayId: string }): ChirpstackTxAckEventJson {
  return {
    downlinkId: args.downlinkId,
    time: args.time,
    deviceInfo: args.info,
    queueItemId: args.queueItemId,
    fCntDown: args.fCntDown,
    gatewayId: args.gatewayId,
    txInfo: {
      frequency: 869_525_000,
      power: 27,
      modulation: { lora: { bandwidth: 125_000, spreadingFactor: 9, codeRate: 'CR_4_5', polarizationInversion: true } },
      timing: { delay: { delay: '1s' } },
    },
  };
}

export function ackEvent(args: { info: DeviceInfo; deduplicationId: string; time: string; queueItemId: string; acknowledged: boolean; fCntDown: number }): ChirpstackAckEventJson {
  return {
    deduplicationId: args.deduplicationId,
    time: args.time,
    deviceInfo: args.info,
    queueItemId: args.queueItemId,
    acknowledged: args.acknowledged,
    fCntDown: args.fCntDown,
  };
}

/** ChirpStack's `log` event, used for a downlink it cannot take (bad payload). */
export function logEvent(args: { info: DeviceInfo; time: string; code: string; description: string; context?: Record<string, string> }): ChirpstackLogEventJson {
  return {
    time: args.time,
    deviceInfo: args.info,
    level: 'ERROR' as const,
    code: args.code,
    description: args.description,
    context: args.context ?? {},
  };
}
