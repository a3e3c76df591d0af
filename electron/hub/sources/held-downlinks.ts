import type { DownlinkRequest } from './types';

/**
 * Downlinks for devices the network server cannot be addressed for yet: a ChirpStack
 * `command/down` topic names the device's application, and a TTS `down/push` its device id, which
 * the source learns from the device's uplinks. After a hub restart a setpoint may be asked before
 * the thermostat has spoken; a class A device only listens after its next uplink anyway, so the
 * source holds the downlink until that uplink and queues it then.
 *
 * Held in memory only, on purpose: the hub's command TTL already bounds how long a command may
 * wait, and the hub re-sends on start the commands that never reached the network server.
 */
export interface HeldDownlink {
  request: DownlinkRequest;
  resolve(): void;
  reject(error: Error): void;
}

interface Entry extends HeldDownlink {
  timer: NodeJS.Timeout;
}

/** Raised when a held downlink is given up: the hub's `enqueueDownlink` promise rejects with it. */
export class DownlinkNotSent extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'stopped' | 'overflow' | 'withdrawn',
  ) {
    super(message);
    this.name = 'DownlinkNotSent';
  }
}

export interface HeldDownlinksOptions {
  /** How long a downlink may wait for its device's first uplink before it is given up. */
  maxWaitMs: number;
  /** Beyond this many for one device, the oldest is given up. */
  maxPerDevice: number;
}

export class HeldDownlinks {
  private readonly byDevice = new Map<string, Entry[]>();

  constructor(private readonly options: HeldDownlinksOptions) {}

  /** Resolves once the downlink is queued at the network server (`release`), rejects if given up. */
  hold(request: DownlinkRequest): Promise<void> {
    const devEui = request.devEui.toLowerCase();
    return new Promise<void>((resolve, reject) => {
      const entry: Entry = {
        request,
        resolve,
        reject,
        timer: setTimeout(() => {
          const minutes = Math.round(this.options.maxWaitMs / 60_000);
          this.giveUp(entry, new DownlinkNotSent(
            `liaison descendante abandonnée : aucune remontée de ${devEui} en ${minutes} min, le serveur réseau ne sait pas où la lui adresser`,
            'timeout',
          ));
        }, this.options.maxWaitMs),
      };
      // Held downlinks never keep the process alive: stopping the source settles them.
      entry.timer.unref();
      const queue = this.byDevice.get(devEui) ?? [];
      queue.push(entry);
      this.byDevice.set(devEui, queue);
      const oldest = queue.length > this.options.maxPerDevice ? queue[0] : undefined;
      if (oldest) {
        this.giveUp(oldest, new DownlinkNotSent(
          `liaison descendante abandonnée : plus de ${this.options.maxPerDevice} en attente pour ${devEui}, qui n’a encore rien émis depuis le démarrage`,
          'overflow',
        ));
      }
    });
  }

  has(devEui: string): boolean {
    return this.byDevice.has(devEui.toLowerCase());
  }

  /** The device's held downlinks, oldest first, handed over to be queued (no longer held). */
  take(devEui: string): HeldDownlink[] {
    const key = devEui.toLowerCase();
    const queue = this.byDevice.get(key) ?? [];
    this.byDevice.delete(key);
    for (const entry of queue) clearTimeout(entry.timer);
    return queue;
  }

  /** Gives up the downlink held under `ref`; false when none is (already queued, or never held). */
  withdraw(ref: string): boolean {
    for (const queue of this.byDevice.values()) {
      const entry = queue.find((e) => e.request.ref === ref);
      if (entry) {
        this.giveUp(entry, new DownlinkNotSent('liaison descendante retirée avant d’être transmise au serveur réseau', 'withdrawn'));
        return true;
      }
    }
    return false;
  }

  /** Gives up everything (the source stops). */
  rejectAll(message: string): void {
    for (const queue of [...this.byDevice.values()]) {
      for (const entry of queue) this.giveUp(entry, new DownlinkNotSent(message, 'stopped'));
    }
  }

  get size(): number {
    let count = 0;
    for (const queue of this.byDevice.values()) count += queue.length;
    return count;
  }

  private giveUp(entry: Entry, error: DownlinkNotSent): void {
    clearTimeout(entry.timer);
    const key = entry.request.devEui.toLowerCase();
    const remaining = (this.byDevice.get(key) ?? []).filter((e) => e !== entry);
    if (remaining.length > 0) this.byDevice.set(key, remaining);
    else this.byDevice.delete(key);
    entry.reject(error);
  }
}
