/**
 * Downlinks this source queued and has not heard the end of, so that the network server's
 * reports (which carry its own ids) come back to the hub with the hub's `ref`.
 *
 * Each downlink is remembered under the id the network server will echo (ChirpStack: the queue
 * item UUID we set in `command/down`; TTS: our correlation id). When a report carries no usable
 * id (a ChirpStack `log` error), it is matched to the device's oldest pending downlink: network
 * servers send a class A device's queue first in, first out.
 */
export interface PendingDownlink {
  devEui: string;
  /** The id the network server reports about this downlink. */
  networkId: string;
  ref: string;
  confirmed: boolean;
}

/**
 * Bound per device: a class A device takes one downlink per uplink, so a longer queue means
 * reports were lost (broker restarts); the oldest entries are then the least likely to report.
 */
const MAX_PENDING_PER_DEVICE = 32;

export class PendingDownlinks {
  private readonly byNetworkId = new Map<string, PendingDownlink>();
  private readonly byDevice = new Map<string, PendingDownlink[]>();

  remember(downlink: PendingDownlink): void {
    const queue = this.byDevice.get(downlink.devEui) ?? [];
    queue.push(downlink);
    while (queue.length > MAX_PENDING_PER_DEVICE) {
      const dropped = queue.shift();
      if (dropped) this.byNetworkId.delete(dropped.networkId);
    }
    this.byDevice.set(downlink.devEui, queue);
    this.byNetworkId.set(downlink.networkId, downlink);
  }

  /** The downlink a report is about: by network id, else the device's oldest pending one. */
  find(devEui: string, networkId?: string): PendingDownlink | undefined {
    if (networkId !== undefined) return this.byNetworkId.get(networkId);
    return this.byDevice.get(devEui)?.[0];
  }

  /** Called on a final outcome (acknowledged, failed, or sent when unconfirmed). */
  forget(downlink: PendingDownlink): void {
    this.byNetworkId.delete(downlink.networkId);
    const queue = this.byDevice.get(downlink.devEui);
    if (!queue) return;
    const remaining = queue.filter((entry) => entry !== downlink);
    if (remaining.length > 0) this.byDevice.set(downlink.devEui, remaining);
    else this.byDevice.delete(downlink.devEui);
  }

  get size(): number {
    return this.byNetworkId.size;
  }
}
