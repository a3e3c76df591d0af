import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Alarm, Asset, Command } from '../../shared';
import type { AlarmCounts } from './alarm-book';
import type { ConsoleStore, ConsoleView } from './console-store';

const StoreContext = createContext<ConsoleStore | null>(null);

export function StoreProvider({ store, children }: { store: ConsoleStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): ConsoleStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <StoreProvider>');
  return store;
}

/**
 * Re-renders only when the selected value changes identity. Selectors must return stored objects
 * (or primitives), never build new ones, or every frame would re-render.
 */
export function useStoreSelector<T>(select: (store: ConsoleStore, view: ConsoleView) => T): T {
  const store = useStore();
  const getSnapshot = useCallback(() => select(store, store.getView()), [store, select]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}

const selectAlarms = (_: ConsoleStore, view: ConsoleView) => view.alarms;
const selectCounts = (_: ConsoleStore, view: ConsoleView) => view.alarmCounts;
const selectSelected = (_: ConsoleStore, view: ConsoleView) => view.selectedAssetId;
const selectReady = (_: ConsoleStore, view: ConsoleView) => view.ready;
const selectTerritory = (_: ConsoleStore, view: ConsoleView) => view.territory;

export const useActiveAlarms = (): readonly Alarm[] => useStoreSelector(selectAlarms);
export const useAlarmCounts = (): AlarmCounts => useStoreSelector(selectCounts);
const selectShelved = (_: ConsoleStore, view: ConsoleView) => view.shelvedAlarms;
export const useShelvedAlarms = (): readonly Alarm[] => useStoreSelector(selectShelved);
export const useSelectedAssetId = (): string | null => useStoreSelector(selectSelected);
export const useStoreReady = (): boolean => useStoreSelector(selectReady);
export const useTerritory = () => useStoreSelector(selectTerritory);
const selectGroup = (_: ConsoleStore, view: ConsoleView) => view.group;
/** The group a group command will act on, and whether a lasso is being drawn. */
export const useGroupSelection = () => useStoreSelector(selectGroup);

/** The asset's record, re-rendering only when that asset changed. */
export function useAsset(id: string | null): Asset | undefined {
  return useStoreSelector(useCallback((store: ConsoleStore) => store.getAsset(id), [id]));
}

export function useAssetCommands(assetId: string): readonly Command[] {
  return useStoreSelector(useCallback((store: ConsoleStore) => store.commandsForAsset(assetId), [assetId]));
}

export function useCommand(id: string | null): Command | undefined {
  return useStoreSelector(useCallback((store: ConsoleStore) => (id ? store.getCommand(id) : undefined), [id]));
}
