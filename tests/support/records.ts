import type { AssetKind } from '../../shared/domain/assets';
import type { AssetRecord, Settings } from '../../electron/hub/state/records';

/** An asset record as the hub holds it, for rule and lifecycle tests. */
export function assetRecord(kind: AssetKind, overrides: { id?: string; commune?: string; settings?: Settings; metrics?: AssetRecord['asset']['metrics'] } = {}): AssetRecord {
  return {
    asset: {
      id: overrides.id ?? `${kind}-1`,
      kind,
      name: `Test ${kind}`,
      commune: overrides.commune ?? '91228',
      lon: 2.25,
      lat: 48.6,
      status: 'ok',
      metrics: overrides.metrics ?? {},
      updatedAt: '2026-11-23T08:00:00.000Z',
    },
    settings: overrides.settings ?? {},
    devices: [],
  };
}
