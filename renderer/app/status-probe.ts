import type { AssetStatus } from '../../shared';
import type { ConsoleStore } from '../state';

/** When the console took a watched asset's new status, and when the next frame began after it. */
export interface StatusRecord {
  assetId: string;
  status: AssetStatus;
  /** Epoch ms (`Date.now()`, the clock a benchmark in another process also reads) of the store's apply. */
  appliedAt: number;
  /** Epoch ms of the first animation frame callback after the apply: the frame with it was presented. */
  drawnAt: number | null;
}

export interface StatusProbe {
  /** Starts watching these assets (adds to those already watched). */
  watch(assetIds: readonly string[]): void;
  /** Records whose frame has come, then forgotten (a benchmark drains them while it runs). */
  take(): StatusRecord[];
}

/**
 * For the alarm-latency benchmark (through `window.__beffroiDebug`): sensor event → on screen
 * needs the moment the store applied one asset's change and the frame after. Costs nothing until
 * something is watched; then a look at the watched assets per applied frame (a few dozen ids).
 */
export function createStatusProbe(store: ConsoleStore, now: () => number = Date.now, nextFrame: (callback: () => void) => void = (cb) => requestAnimationFrame(cb)): StatusProbe {
  const known = new Map<string, AssetStatus | undefined>();
  let records: StatusRecord[] = [];
  let listening = false;

  const onApplied = () => {
    const appliedAt = now();
    const fresh: StatusRecord[] = [];
    for (const [assetId, before] of known) {
      const status = store.getAsset(assetId)?.status;
      if (status === before || status === undefined) continue;
      known.set(assetId, status);
      fresh.push({ assetId, status, appliedAt, drawnAt: null });
    }
    if (fresh.length === 0) return;
    records.push(...fresh);
    nextFrame(() => {
      const drawnAt = now();
      for (const record of fresh) record.drawnAt = drawnAt;
    });
  };

  return {
    watch(assetIds) {
      for (const id of assetIds) if (!known.has(id)) known.set(id, store.getAsset(id)?.status);
      if (!listening) store.onAssetsChange(onApplied);
      listening = true;
    },
    take() {
      const taken = records.filter((r) => r.drawnAt !== null);
      records = records.filter((r) => r.drawnAt === null);
      return taken;
    },
  };
}
