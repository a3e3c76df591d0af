import type { Layer } from '@deck.gl/core';
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Texture } from '@luma.gl/core';
import { ASSET_KINDS, type AssetKind } from '../../shared';
import { STATUS_CODE, type AssetBuffers } from '../state';
import type { IconAtlas, IconName } from './icon-atlas';
import { LAMP_LAYER_PREFIX, LampLayers, type Viewport } from './lamp-layers';

/** deck.gl binary attribute: a typed array the GPU reads directly. */
interface BinaryAttribute<T extends Float64Array | Uint8Array> {
  value: T;
  size: number;
  normalized?: boolean;
}

interface BinaryData {
  length: number;
  attributes: Record<string, BinaryAttribute<Float64Array | Uint8Array>>;
}

/** One kind's slice of the shared buffers, and the version of its colours. */
interface KindSlice {
  kind: AssetKind;
  start: number;
  count: number;
  positions: BinaryAttribute<Float64Array>;
  coloursView: Uint8Array;
  colours: BinaryAttribute<Uint8Array>;
  colourVersion: number;
  /** Per-instance icon, for buildings only (school or other). */
  icons: IconName[] | null;
}

const ICON_BY_KIND: Record<Exclude<AssetKind, 'street-lamp'>, IconName> = {
  'lighting-cabinet': 'cabinet',
  'waste-container': 'bin',
  building: 'building',
  camera: 'camera',
  gate: 'gate',
  gateway: 'gateway',
};

/** Bottom to top (lamps, drawn by LampLayers, go under all): buildings, the most handled, on top. */
const DRAW_ORDER: Array<Exclude<AssetKind, 'street-lamp'>> = ['waste-container', 'lighting-cabinet', 'gate', 'camera', 'gateway', 'building'];

export const LAYER_ID_PREFIX = 'assets-';

/**
 * deck.gl decides whether to re-upload an external attribute by the identity of the object given
 * for it (Attribute.setBinaryValue: `state.binaryValue === buffer`). So: the positions object stays
 * the same for the life of a layout (uploaded once), a colour change hands over a *new wrapper* of
 * the *same* typed array plus a bumped `updateTriggers.getColor` (so that attribute, and only it, is
 * invalidated). This comparator keeps the new `data` container from counting as a data change,
 * which would invalidate every attribute (picking colours included).
 */
function sameLayout(next: unknown, previous: unknown): boolean {
  const a = next as BinaryData;
  const b = previous as BinaryData;
  return a.length === b.length && a.attributes.getPosition === b.attributes.getPosition;
}

/**
 * The asset layers of the map, built from the columnar buffers: one IconLayer per kind (coloured
 * through the icon mask) and ScatterplotLayers for the street lamps (see LampLayers). No per-asset
 * object.
 */
export class AssetLayerSet {
  private slices = new Map<AssetKind, KindSlice>();
  private readonly lamps = new LampLayers();
  private lastDrawn = 0;
  private buffers: AssetBuffers | null = null;
  private layoutVersion = 0;
  /** Buffer indexes of the assets in alarm (street lamps aside), kept up to date incrementally. */
  private readonly inAlarm = new Set<number>();
  /** Grows, never shrinks: the halo positions are a view of its start. */
  private alarmCapacity = new Float64Array(0);
  private alarmPositions = new Float64Array(0);
  private alarmVersion = 0;

  constructor(private readonly atlas: IconAtlas) {}

  /** A new layout (snapshot, new asset): everything is uploaded once more. */
  setLayout(buffers: AssetBuffers): void {
    this.buffers = buffers;
    this.layoutVersion += 1;
    this.slices.clear();
    this.lamps.setLayout(buffers);
    for (const kind of ASSET_KINDS) {
      const { start, count } = buffers.ranges[kind];
      if (count === 0 || kind === 'street-lamp') continue;
      const coloursView = buffers.colours.subarray(start * 4, (start + count) * 4);
      this.slices.set(kind, {
        kind,
        start,
        count,
        positions: { value: buffers.positions.subarray(start * 2, (start + count) * 2), size: 2 },
        coloursView,
        colours: { value: coloursView, size: 4, normalized: true },
        colourVersion: 0,
        icons: kind === 'building' ? buildingIcons(buffers, start, count) : null,
      });
    }
    this.refreshAlarms();
  }

  /**
   * Colours were rewritten in place for these kinds: hand deck.gl a new wrapper, same memory.
   * `indexes` (the buffer indexes that changed) keeps the lamps' and the halos' work proportional
   * to the change; without it they look at every asset again.
   */
  coloursChanged(kinds: Iterable<AssetKind>, indexes?: readonly number[]): void {
    for (const kind of kinds) {
      if (kind === 'street-lamp') this.lamps.coloursChanged(indexes);
      const slice = this.slices.get(kind);
      if (!slice) continue;
      slice.colours = { value: slice.coloursView, size: 4, normalized: true };
      slice.colourVersion += 1;
    }
    if (indexes) this.updateAlarms(indexes);
    else this.refreshAlarms();
  }

  /** Lamp chunks' colour versions (see LampLayers), for tests. */
  lampChunkColourVersions(): number[] {
    return this.lamps.chunkColourVersions();
  }

  /** Halo positions, lon/lat pairs, for tests. */
  alarmHaloPositions(): Float64Array {
    return this.alarmPositions;
  }

  /** Rare (a device relocated): a new positions wrapper re-uploads that kind entirely. */
  positionsChanged(kinds: Iterable<AssetKind>): void {
    for (const kind of kinds) {
      if (kind === 'street-lamp' && this.buffers) this.lamps.setLayout(this.buffers);
      const slice = this.slices.get(kind);
      if (slice) slice.positions = { value: slice.positions.value, size: 2 };
    }
    this.refreshAlarms();
  }

  /** Global buffer index of the instance `index` picked in layer `layerId`. */
  globalIndex(layerId: string, index: number): number | undefined {
    if (layerId.startsWith(LAMP_LAYER_PREFIX)) return this.lamps.globalIndex(layerId, index);
    const slice = this.slices.get(layerId.slice(LAYER_ID_PREFIX.length) as AssetKind);
    return slice && index >= 0 && index < slice.count ? slice.start + index : undefined;
  }

  /** Instances handed to the GPU by the last `layers()` call (lamps are culled, see LampLayers). */
  instancesDrawn(): number {
    return this.lastDrawn;
  }

  /** Assets the layers hold and draw whenever they are in view. */
  assetsHeld(): number {
    let total = this.lamps.count;
    for (const slice of this.slices.values()) total += slice.count;
    return total;
  }

  /** Changes when a camera move changes which lamp chunks are needed. */
  viewportKey(viewport: Viewport): string {
    return this.lamps.visibleKey(viewport);
  }

  layers(viewport: Viewport): Layer[] {
    const lamps = this.lamps.layers(viewport);
    const layers: Layer[] = [...lamps.layers, this.alarmHaloLayer()];
    let drawn = lamps.drawn;
    for (const kind of DRAW_ORDER) {
      const slice = this.slices.get(kind);
      if (!slice) continue;
      layers.push(this.iconLayer(slice));
      drawn += slice.count;
    }
    this.lastDrawn = drawn;
    return layers;
  }

  private iconLayer(slice: KindSlice): Layer {
    const icons = slice.icons;
    const fixedIcon = ICON_BY_KIND[slice.kind as Exclude<AssetKind, 'street-lamp'>];
    return new IconLayer({
      id: LAYER_ID_PREFIX + slice.kind,
      data: { length: slice.count, attributes: { getPosition: slice.positions, getColor: slice.colours } },
      dataComparator: sameLayout,
      updateTriggers: { getColor: slice.colourVersion, getIcon: this.layoutVersion },
      // deck.gl's `image` prop takes any texture source at run time (canvas included); its
      // TypeScript type only names string | Texture.
      iconAtlas: this.atlas.canvas as unknown as Texture,
      iconMapping: this.atlas.mapping,
      getIcon: icons ? (_: unknown, { index }: { index: number }) => icons[index] ?? 'building' : () => fixedIcon,
      sizeUnits: 'meters',
      getSize: 140,
      sizeMinPixels: slice.kind === 'building' ? 11 : 8,
      sizeMaxPixels: 30,
      alphaCutoff: 0.1,
      pickable: true,
    });
  }

  /** A red halo under every asset in alarm, so alarms stand out at territory zoom. */
  private alarmHaloLayer(): Layer {
    return new ScatterplotLayer({
      id: 'alarm-halos',
      data: { length: this.alarmPositions.length / 2, attributes: { getPosition: { value: this.alarmPositions, size: 2 } } },
      updateTriggers: { getPosition: this.alarmVersion },
      radiusUnits: 'pixels',
      getRadius: 15,
      getFillColor: [255, 59, 59, 70],
      getLineColor: [255, 59, 59, 200],
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      pickable: false,
    });
  }

  /** Every asset in alarm, by one scan (a new layout, or no list of what changed). */
  private refreshAlarms(): void {
    this.inAlarm.clear();
    const buffers = this.buffers;
    if (!buffers) return;
    const alarm = STATUS_CODE.alarm;
    for (let i = 0; i < buffers.count; i++) if (buffers.statusCodes[i] === alarm && !this.isLamp(i)) this.inAlarm.add(i);
    this.packAlarms();
  }

  /** Only the assets that changed join or leave the halos; repacked only if the set changed. */
  private updateAlarms(indexes: readonly number[]): void {
    const buffers = this.buffers;
    if (!buffers) return;
    const alarm = STATUS_CODE.alarm;
    let changed = false;
    for (const i of indexes) {
      if (this.isLamp(i)) continue;
      if (buffers.statusCodes[i] === alarm) {
        if (this.inAlarm.has(i)) continue;
        this.inAlarm.add(i);
        changed = true;
      } else if (this.inAlarm.delete(i)) changed = true;
    }
    if (changed) this.packAlarms();
  }

  /** Lamps in alarm are shown through their feeder cabinet's halo; 90k halos would be noise. */
  private isLamp(index: number): boolean {
    const lamps = this.buffers?.ranges['street-lamp'];
    return lamps !== undefined && index >= lamps.start && index < lamps.start + lamps.count;
  }

  private packAlarms(): void {
    const buffers = this.buffers;
    if (!buffers) return;
    const needed = this.inAlarm.size * 2;
    if (this.alarmCapacity.length < needed) this.alarmCapacity = new Float64Array(Math.max(needed, this.alarmCapacity.length * 2, 64));
    const positions = this.alarmCapacity;
    let at = 0;
    for (const i of this.inAlarm) {
      positions[at++] = buffers.positions[i * 2]!;
      positions[at++] = buffers.positions[i * 2 + 1]!;
    }
    this.alarmPositions = positions.subarray(0, at);
    this.alarmVersion += 1;
  }
}

function buildingIcons(buffers: AssetBuffers, start: number, count: number): IconName[] {
  const icons = new Array<IconName>(count);
  for (let i = 0; i < count; i++) icons[i] = buffers.records.at(start + i)!.category === 'school' ? 'school' : 'building';
  return icons;
}
