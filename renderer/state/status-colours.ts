import { ASSET_KINDS, ASSET_STATUSES, type AssetKind, type AssetStatus } from '../../shared';

/**
 * Status colours of the map and the legend, chosen for a dark basemap: the alarm red and the ok
 * green differ in lightness too (so they stay apart for red–green colour-blind operators), a
 * silent sensor is a washed-out violet and an offline one a dark grey that still shows on navy.
 */
export const STATUS_RGB: Record<AssetStatus, readonly [number, number, number]> = {
  ok: [46, 182, 100],
  warning: [245, 166, 35],
  alarm: [255, 59, 59],
  stale: [150, 137, 190],
  offline: [104, 111, 124],
  maintenance: [64, 140, 255],
};

export function statusCss(status: AssetStatus): string {
  const [r, g, b] = STATUS_RGB[status];
  return `rgb(${r}, ${g}, ${b})`;
}

/** Small integers for the columnar buffers: index in the shared enum. */
export const STATUS_CODE = Object.fromEntries(ASSET_STATUSES.map((s, i) => [s, i])) as Record<AssetStatus, number>;
export const KIND_CODE = Object.fromEntries(ASSET_KINDS.map((k, i) => [k, i])) as Record<AssetKind, number>;

/** RGBA by status code, so a status change is four byte copies. */
export const STATUS_RGBA_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(ASSET_STATUSES.length * 4);
  ASSET_STATUSES.forEach((status, code) => {
    table.set([...STATUS_RGB[status], 255], code * 4);
  });
  return table;
})();

export function statusFromCode(code: number): AssetStatus {
  const status = ASSET_STATUSES[code];
  if (!status) throw new Error(`unknown status code ${code}`);
  return status;
}
