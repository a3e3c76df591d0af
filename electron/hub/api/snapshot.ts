import { isAlarmKept } from '../../../shared/domain/alarms';
import type { Asset } from '../../../shared/domain/assets';
import type { MaintenanceWindow } from '../../../shared/domain/maintenance';
import { seesDevices, type SessionUser } from '../../../shared/domain/users';
import type { SnapshotMessage, Territory } from '../../../shared/protocol/messages';
import { scopeOf, windowAssetId } from '../auth/scope';
import type { TerritoryState } from '../state/territory-state';
import { assetDevices } from '../store/change-set';

/** The territory as this user may see it, at journal position `seq`. */
export function buildSnapshot(
  state: TerritoryState,
  territory: Territory,
  user: SessionUser,
  seq: number,
  maintenanceWindows: Iterable<MaintenanceWindow> = [],
): SnapshotMessage {
  const withDevices = seesDevices(user.role);
  const scope = scopeOf(user);
  const assets: Asset[] = [];
  for (const { asset, devices } of state.assets.values()) {
    if (!scope.seesAsset(asset)) continue;
    assets.push(withDevices ? { ...asset, devices: assetDevices(devices) } : asset);
  }
  const alarms = [...state.alarms.values()].filter((a) => isAlarmKept(a.state) && scope.seesAlarm(a));
  const commands = [...state.commands.values()]
    .map((r) => r.command)
    .filter((c) => scope.sees(c.commune, c.assetId));
  const communes = territory.communes.filter((c) => scope.sees(c.code, undefined));
  const maintenance = [...maintenanceWindows].filter((w) => scope.sees(w.commune, windowAssetId(w)));
  return { op: 'snapshot', seq, territory: { ...territory, communes }, assets, alarms, commands, maintenance };
}
