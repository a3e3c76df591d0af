import type { Asset } from '../../../shared/domain/assets';
import type { Alarm } from '../../../shared/domain/alarms';
import type { Command } from '../../../shared/domain/commands';

export type Settings = Record<string, number | string | boolean>;

/** An asset as the hub holds it: what consoles see, plus what only the hub needs. */
export interface AssetRecord {
  asset: Omit<Asset, 'devices'>;
  settings: Settings;
  devices: DeviceRecord[];
}

export interface DeviceRecord {
  devEui: string;
  model: string;
  assetId: string;
  uplinkPeriodS: number;
  gatewayId?: string;
  /** Epoch ms of the last uplink, or undefined if never heard. */
  lastUplinkAt?: number;
  lastFCnt?: number;
  /** Best gateway's link quality on the last uplink, from the network server's metadata. */
  rssiDbm?: number;
  snrDb?: number;
  /** Last battery reading the device's payload carried (models report one or the other). */
  batteryPercent?: number;
  batteryV?: number;
  /** Uplinks the network never delivered (frame-counter gaps) since the device was declared. */
  uplinksLost?: number;
  /** Epoch ms of the last OTAA join or rejoin (network-server time), and how many were seen. */
  lastJoinAt?: number;
  joinCount?: number;
  /**
   * Epoch ms the device was declared while this hub ran: silence counts from then, not from the
   * hub's start, so a device declared before its installation is not « pas de données » at once.
   */
  declaredAt?: number;
  /** No uplink for longer than the silence threshold. */
  silent: boolean;
}

/** A command with what the dispatcher needs beyond what consoles see. */
export interface CommandRecord {
  command: Command;
  devEui?: string;
  expiresAt: number;
}

export type { Alarm };
