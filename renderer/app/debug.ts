import type { AlarmSounder } from '../alarms';
import type { HubClient } from '../connection';
import type { MapStats } from '../map';
import type { ConsoleStore } from '../state';
import { createStatusProbe } from './status-probe';

/**
 * `window.__beffroiDebug`: read-only counters for end-to-end tests and benchmarks (how many assets
 * the GPU draws, what seq the console holds, how long the last frame's update took). Getters only:
 * nothing here can change the console's state.
 */
export function installDebug(store: ConsoleStore, client: HubClient, mapStats: () => MapStats | null, sounder: AlarmSounder): void {
  Object.defineProperty(window, '__beffroiDebug', { value: createDebug(store, client, mapStats, sounder), writable: false, configurable: false, enumerable: false });
}

function createDebug(store: ConsoleStore, client: HubClient, mapStats: () => MapStats | null, sounder: AlarmSounder) {
  const statusProbe = createStatusProbe(store);
  return Object.freeze({
    get assetsDrawn() {
      return mapStats()?.assetsDrawn ?? 0;
    },
    get instancesDrawn() {
      return mapStats()?.instancesDrawn ?? 0;
    },
    /** Assets per kind in the current layout. */
    get kindCounts() {
      const { ranges } = store.currentBuffers();
      return Object.fromEntries(Object.values(ranges).map((r) => [r.kind, r.count]));
    },
    get assetsTotal() {
      return store.getView().assetCount;
    },
    /** Records decoded from the snapshot frame so far: what startup and panels cost in decoding. */
    get recordsDecoded() {
      return store.currentBuffers().records.decoded;
    },
    get lastSeq() {
      return store.getView().lastSeq;
    },
    get framesApplied() {
      return store.stats.framesApplied;
    },
    get lastApplyMs() {
      return store.stats.lastApplyMs;
    },
    /** Cumulative: read before and after an update instead of sampling `lastApplyMs` per frame. */
    get applyMsTotal() {
      return store.stats.applyMsTotal;
    },
    get lastFrameEvents() {
      return store.stats.lastFrameEvents;
    },
    get eventsApplied() {
      return store.stats.eventsApplied;
    },
    get eventsIgnored() {
      return store.stats.eventsIgnored;
    },
    /** Cumulative: assets whose colour changed in place, as handed to the map (repeats included). */
    get colourRowsChanged() {
      return mapStats()?.colourRowsChanged ?? 0;
    },
    get lastLayerUpdateMs() {
      return mapStats()?.lastLayerUpdateMs ?? 0;
    },
    /** Cumulative time the map spent updating its layers from the store. */
    get layerUpdateMsTotal() {
      return mapStats()?.layerUpdateMsTotal ?? 0;
    },
    /** Frames deck.gl has drawn since the map was created. */
    get framesDrawn() {
      return mapStats()?.framesDrawn ?? 0;
    },
    get layersDrawn() {
      return mapStats()?.layersDrawn ?? 0;
    },
    get alarmsActive() {
      return store.getView().alarmCounts.active;
    },
    /** Alarm tones the browser actually started playing. */
    get soundsPlayed() {
      return sounder.getState().played;
    },
    get link() {
      return client.getState().link;
    },
    get subscribed() {
      return client.getState().subscribed;
    },
    get problems() {
      return client.problemList();
    },
    /** Where the map's badge says a gate is (`open`, `closed`, `unknown`), or undefined if not drawn. */
    gatePosition(assetId: string): string | undefined {
      return mapStats()?.gatePositions.get(assetId);
    },
    /** Assets of the group a group command would act on (highlighted on the map). */
    get groupSize() {
      return store.getView().group.ids.size;
    },
    /**
     * Sensor event → on screen (bench alarm-latency): watch assets, then take when the store applied
     * each new status and when the next frame began. Observes only; costs nothing until called.
     */
    watchStatuses(assetIds: readonly string[]): void {
      statusProbe.watch(assetIds);
    },
    takeStatusRecords() {
      return statusProbe.take();
    },
    get deck() {
      const deck = mapStats()?.deck;
      return deck ? { ...deck } : null;
    },
  });
}

export type BeffroiDebug = ReturnType<typeof createDebug>;

declare global {
  interface Window {
    /** Present once the console started (see installDebug). */
    readonly __beffroiDebug?: BeffroiDebug;
  }
}
