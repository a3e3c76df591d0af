import type {
  ChirpstackAckEventJson,
  ChirpstackJoinEventJson,
  ChirpstackLogEventJson,
  ChirpstackTxAckEventJson,
  ChirpstackUplinkEventJson,
} from '../../../electron/hub/sources/chirpstack-schema';

/** ChirpStack v4 event bodies shaped like a real server's JSON integration output. */
export const APP = '17c82e96-be03-4f38-aef3-f83d48582d97';
export const THERMOSTAT = '24e1241000000001';

export const deviceInfo = (devEui = THERMOSTAT) => ({
  tenantId: '52f14cd4-c6f1-4fbd-8f87-4025e1d49242',
  tenantName: 'Syndicat numérique',
  applicationId: APP,
  applicationName: 'essonne',
  deviceProfileId: '14855bf7-d10d-4aee-b618-ebfcb64dc7ad',
  deviceProfileName: 'Milesight WT101',
  deviceName: 'École Jules-Ferry, salle 12',
  devEui,
  deviceClassEnabled: 'CLASS_A',
  tags: { commune: '91228' },
});

export const hexToBase64 = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex').toString('base64');

export function upEvent(overrides: Partial<ChirpstackUplinkEventJson> = {}): ChirpstackUplinkEventJson {
  return {
    deduplicationId: '3ac7e3c4-4401-4b8d-9386-a5c902f9202d',
    time: '2025-01-16T08:14:07.263463+00:00',
    deviceInfo: deviceInfo(),
    devAddr: '00189440',
    adr: true,
    dr: 5,
    fCnt: 132,
    fPort: 85,
    data: hexToBase64('017561 04672C01 03670A01 059264'),
    object: { battery: 97, target_temperature: 30, temperature: 26.6, valve_opening: 100 },
    rxInfo: [
      { gatewayId: '7076ff0064030456', uplinkId: 4217, rssi: -112, snr: -3.5, channel: 2, context: 'EFwMtA==', crcStatus: 'CRC_OK' },
      {
        gatewayId: '7076ff0064030999',
        uplinkId: 1093,
        rssi: -97,
        snr: 7.5,
        channel: 2,
        context: 'AbCdEg==',
        crcStatus: 'CRC_OK',
        location: { latitude: 48.7306, longitude: 2.2762, altitude: 96, source: 'CONFIG' },
      },
    ],
    txInfo: { frequency: 868500000, modulation: { lora: { bandwidth: 125000, spreadingFactor: 7, codeRate: 'CR_4_5' } } },
    ...overrides,
  };
}

/** `event/join` as integration.proto's JoinEvent serialises it (no rxInfo in the proto). */
export function joinEvent(overrides: Partial<ChirpstackJoinEventJson> = {}, devEui = THERMOSTAT): ChirpstackJoinEventJson {
  return {
    deduplicationId: 'c9dd3f4a-5e6b-4c1d-9a11-0f6f8b2e7d31',
    time: '2025-01-16T08:10:02.118274+00:00',
    deviceInfo: deviceInfo(devEui),
    devAddr: '01f3a9c2',
    ...overrides,
  };
}

export function txackEvent(queueItemId: string, devEui = THERMOSTAT): ChirpstackTxAckEventJson {
  return {
    downlinkId: 3945902341,
    time: '2025-01-16T08:14:08.301002+00:00',
    deviceInfo: deviceInfo(devEui),
    queueItemId,
    fCntDown: 17,
    gatewayId: '7076ff0064030999',
    txInfo: { frequency: 868500000, power: 14 },
  };
}

export function ackEvent(queueItemId: string, acknowledged: boolean, devEui = THERMOSTAT): ChirpstackAckEventJson {
  const event: ChirpstackAckEventJson = {
    deduplicationId: 'ad1a3ce5-5ad8-4b6b-8e0b-5e2ea6b1a1c4',
    time: '2025-01-16T08:24:07.401463+00:00',
    deviceInfo: deviceInfo(devEui),
    queueItemId,
    fCntDown: 17,
  };
  // Note: protobuf JSON leaves `acknowledged` out when it is false.
  if (acknowledged) event.acknowledged = true;
  return event;
}

export function logEvent(code: string, description: string, devEui = THERMOSTAT): ChirpstackLogEventJson {
  return { time: '2025-01-16T09:00:00Z', deviceInfo: deviceInfo(devEui), level: 'ERROR', code, description, context: {} };
}

export const topic = (event: string, devEui = THERMOSTAT, app = APP) => `application/${app}/device/${devEui}/event/${event}`;
export const json = (value: unknown) => Buffer.from(JSON.stringify(value));
