import { isAlarmKept } from '../../../shared/domain/alarms';
import type { Asset } from '../../../shared/domain/assets';
import type { MaintenanceWindow } from '../../../shared/domain/maintenance';
import { canSeeAlarm, canSeeAsset, canSeeCommune, seesDevices, type SessionUser } from '../../../shared/domain/users';
import type { SnapshotMessage, Territory } from '../../../shared/protocol/messages';
import type { TerritoryState } from '../state/territory-state';

/** The territory as this user may see it, at journal position `seq`. */
export function buildSnapshot(
  state: TerritoryState,
  territory: Territory,
  user: SessionUser,
  seq: number,
  maintenanceWindows: Iterable<MaintenanceWindow> = [],
): SnapshotMessage {
  const withDevices = seesDevices(user.role);
  const assets: Asset[] = [];
  for (const { asset, devices } of state.assets.values()) {
    if (!canSeeAsset(user, asset)) continue;
    assets.push(withDevices ? { ...asset, devices: devices.map((d) => ({ devEui: d.devEui, model: d.model })) } : asset);
  }
  const alarms = [...state.alarms.values()].filter((a) => isAlarmKept(a.state) && canSeeAlarm(user, a));
  const commands = [...state.commands.values()]
    .map((r) => r.command)
    .filter((c) => canSeeCommune(user, c.commune));
  const communes = territory.communes.filter((c) => canSeeCommune(user, c.code));
  const maintenance = [...maintenanceWindows].filter((w) => canSeeCommune(user, w.commune));
  return { op: 'snapshot', seq, territory: { ...territory, communes }, assets, alarms, commands, maintenance };
}
