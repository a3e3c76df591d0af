import { deviceModelName } from '../../../shared/domain/device-models';
import type { RegisteredDevice } from '../../../shared/protocol/messages';
import { foldForSearch } from '../../../shared/search-text';
import { canSeeCommune, type SessionUser } from '../../../shared/domain/users';
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
  const devices: RegisteredDevice[] = [];
  let total = 0;
  for (const device of state.devices.values()) {
    const record = state.assets.get(device.assetId);
    if (!record || !canSeeCommune(user, record.asset.commune)) continue;
    if (words.length > 0) {
      const text = searchText(device, record, communeNames);
      if (!words.every((w) => text.includes(w))) continue;
    }
    if (total >= page.offset && devices.length < page.limit) devices.push(registryRow(device, record, communeNames));
    total += 1;
  }
  return { total, devices };
}

/**
 * What a search matches, folded once per device and kept until its asset is renamed: folding
 * 100k names on every keystroke would cost the hub ~100 ms each time.
 */
const searchTexts = new WeakMap<DeviceRecord, { name: string; text: string }>();

function searchText(device: DeviceRecord, record: AssetRecord, communeNames: ReadonlyMap<string, string>): string {
  const cached = searchTexts.get(device);
  if (cached && cached.name === record.asset.name) return cached.text;
  const { asset } = record;
  const text = foldForSearch(
    [device.devEui, device.model, deviceModelName(device.model), asset.id, asset.name, asset.commune, communeNames.get(asset.commune) ?? ''].join(' '),
  );
  searchTexts.set(device, { name: asset.name, text });
  return text;
}

function numberMetric(record: AssetRecord, metric: string): number | null {
  const value = record.asset.metrics[metric];
  return typeof value === 'number' ? value : null;
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
      rssiDbm: numberMetric(record, 'rssiDbm'),
      snrDb: numberMetric(record, 'snrDb'),
      uplinksLost: numberMetric(record, 'uplinksLost'),
      batteryPercent: numberMetric(record, 'batteryPercent'),
      batteryV: numberMetric(record, 'batteryV'),
    },
  };
}
