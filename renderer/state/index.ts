/** The console's state: columnar assets for the map, alarms, commands, selection. */
export { ConsoleStore, type AssetsChange, type ConsoleView, type StoreStats, type GroupSelection, type LonLatPolygon } from './console-store';
export { AssetBuffers, sortSpatially, type KindRange } from './asset-buffers';
export { AlarmBook, type AlarmCounts } from './alarm-book';
export { groupAlarmsByCause, type AlarmListItem, type GroupedAlarms } from './alarm-groups';
export { CommandBook } from './command-book';
export { animationFrameScheduler, manualScheduler, type FrameScheduler } from './frame-scheduler';
export { STATUS_RGB, STATUS_CODE, KIND_CODE, STATUS_RGBA_TABLE, statusCss, statusFromCode } from './status-colours';
export { searchBuffers, foldForSearch } from './asset-search';
export {
  StoreProvider,
  useStore,
  useStoreSelector,
  useActiveAlarms,
  useAlarmCounts,
  useShelvedAlarms,
  useSelectedAssetId,
  useStoreReady,
  useTerritory,
  useGroupSelection,
  useAsset,
  useAssetCommands,
  useCommand,
} from './react';
