import { deviceModelName } from '../../../shared/domain/device-models';
import type { RegisteredDevice } from '../../../shared/protocol/messages';
import { foldForSearch } from '../../../shared/search-text';
import type { SessionUser } from '../../../shared/domain/users';
import { scopeOf } from '../auth/scope';
import type { AssetRecord, DeviceRecord } from '../state/records';
import type { TerritoryState } from '../state/territory-state';

/**
 * One page of the device registry, filtered in the hub: a registry of 100k devices never crosses
 * the wire whole. Pages follow the registry's own order (load order, then declaration order), so
 * paging stays stable while nothing is declared or retired.
 */
export function listDevices(
  state: TerritoryState,
  communeNames: ReadonlyMap<string, string>,
  user: SessionUser,
  page: { query: string; offset: number; limit: number },
): { total: number; devices: RegisteredDevice[] } {
  const words = foldForSearch(page.query).split(/\s+/).filter(Boolean);
  // The whole registry, unfiltered: only the page's rows are looked at.
  if (words.length === 0 && user.communes.length === 0) return { total: state.devices.size, devices: pageOf(state, communeNames, page) };
  const devices: RegisteredDevice[] = [];
  let total = 0;
  for (const device of state.devices.values()) {
    const record = state.assets.get(device.assetId);
    if (!record || !scopeOf(user).sees(record.asset.commune, record.asset.id)) continue;
    if (words.length > 0) {
      const text = searchText(device, record, communeNames);
      if (!words.every((w) => text.includes(w))) continue;
    }
    if (total >= page.offset && devices.length < page.limit) devices.push(registryRow(device, record, communeNames));
    total += 1;
  }
  return { total, devices };
}

/** The page of an unfiltered registry, reaching no further than its last row. */
function pageOf(state: TerritoryState, communeNames: ReadonlyMap<string, string>, page: { offset: number; limit: number }): RegisteredDevice[] {
  const rows: RegisteredDevice[] = [];
  let index = 0;
  for (const device of state.devices.values()) {
    if (index++ < page.offset) continue;
    if (rows.length >= page.limit) break;
    const record = state.assets.get(device.assetId);
    if (record) rows.push(registryRow(device, record, communeNames));
  }
  return rows;
}

/**
 * What a search matches, per device: its DevEUI, model, asset name and id, commune, folded once and
 * kept until the asset is renamed. Folding 100k accented names costs the hub a noticeable stall,
 * so `prepareSearch` does it in slices between which uplinks keep flowing.
 */
const searchTexts = new WeakMap<DeviceRecord, { name: string; text: string }>();

/** Devices folded per slice before the event loop gets a turn. */
const FOLD_SLICE = 2000;

function searchText(device: DeviceRecord, record: AssetRecord, communeNames: ReadonlyMap<string, string>): string {
  const cached = searchTexts.get(device);
  if (cached && cached.name === record.asset.name) return cached.text;
  const { asset } = record;
  const text = foldForSearch(
    `${device.devEui} ${device.model} ${deviceModelName(device.model)} ${asset.id} ${asset.name} ${asset.commune} ${communeNames.get(asset.commune) ?? ''}`,
  );
  searchTexts.set(device, { name: asset.name, text });
  return text;
}

/** Folds what a search will read, a slice at a time; a no-op once every device is folded. */
export async function prepareSearch(state: TerritoryState, communeNames: ReadonlyMap<string, string>): Promise<void> {
  let sliced = 0;
  for (const device of state.devices.values()) {
    const record = state.assets.get(device.assetId);
    if (!record) continue;
    const cached = searchTexts.get(device);
    if (cached && cached.name === record.asset.name) continue;
    searchText(device, record, communeNames);
    if (++sliced % FOLD_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

function registryRow(device: DeviceRecord, record: AssetRecord, communeNames: ReadonlyMap<string, string>): RegisteredDevice {
  const { asset } = record;
  return {
    devEui: device.devEui,
    model: device.model,
    uplinkPeriodS: device.uplinkPeriodS,
    asset: { id: asset.id, name: asset.name, kind: asset.kind, commune: asset.commune, communeName: communeNames.get(asset.commune) ?? asset.commune },
    health: {
      lastUplinkAt: device.lastUplinkAt === undefined ? null : new Date(device.lastUplinkAt).toISOString(),
      silent: device.silent,
      gatewayId: device.gatewayId ?? null,
      rssiDbm: device.rssiDbm ?? null,
      snrDb: device.snrDb ?? null,
      uplinksLost: device.lastUplinkAt === undefined ? null : (device.uplinksLost ?? 0),
      batteryPercent: device.batteryPercent ?? null,
      batteryV: device.batteryV ?? null,
      lastJoinAt: device.lastJoinAt === undefined ? null : new Date(device.lastJoinAt).toISOString(),
      joinCount: device.joinCount ?? 0,
    },
  };
}
