import { type BinaryAttribute as DeckBinaryAttribute, COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Device, Texture } from '@luma.gl/core';
import { ASSET_KINDS, type AssetKind } from '../../shared';
import { STATUS_CODE, type AssetBuffers } from '../state';
import type { IconAtlas, IconName } from './icon-atlas';
import { GpuColumn } from './gpu-column';
import { LAMP_LAYER_PREFIX, LampLayers, type Viewport } from './lamp-layers';
import { PointSlots, originOf } from './point-slots';

/** deck.gl binary attribute: a typed array the GPU reads directly. */
interface BinaryAttribute<T extends Float64Array | Uint8Array> {
  value: T;
  size: number;
}

interface BinaryData {
  length: number;
  attributes: Record<string, DeckBinaryAttribute>;
}

/** One kind's slice of the shared buffers, and the version of its colours. */
interface KindSlice {
  kind: AssetKind;
  start: number;
  count: number;
  positions: BinaryAttribute<Float64Array>;
  colours: GpuColumn<Uint8Array>;
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
 * deck.gl decides whether to re-upload a binary attribute by the identity of the object given for
 * it (Attribute.setBinaryValue: `state.binaryValue === buffer`): the positions object stays the
 * same for the life of a layout (uploaded once). Colours are the map's own GPU buffers (see
 * GpuColumn), written row by row; a colour change bumps `updateTriggers.getColor` only so that
 * deck.gl redraws. This comparator keeps the new `data` container from counting as a data change,
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
  /** The assets in alarm (street lamps aside), kept up to date incrementally. */
  private inAlarm = new PointSlots(0, [0, 0], false);
  private device: Device | null = null;
  /** The icon atlas on the GPU, one texture shared by every kind's layer. */
  private atlasTexture: Texture | null = null;

  constructor(private readonly atlas: IconAtlas) {}

  /**
   * A new layout (snapshot, new asset): everything is uploaded once more. Every kind gets its
   * layer even when it has no asset yet: deck.gl builds a layer's GPU programs when the layer
   * first appears, so the empty map builds them while the snapshot is still on its way, not
   * between the snapshot's arrival and its first draw.
   */
  setLayout(buffers: AssetBuffers): void {
    this.destroyColumns();
    this.buffers = buffers;
    this.layoutVersion += 1;
    this.slices.clear();
    this.lamps.setLayout(buffers);
    this.inAlarm = new PointSlots(buffers.count - buffers.ranges['street-lamp'].count, originOf(buffers.positions, 0, buffers.count), false);
    for (const kind of ASSET_KINDS) {
      const { start, count } = buffers.ranges[kind];
      if (kind === 'street-lamp') continue;
      this.slices.set(kind, {
        kind,
        start,
        count,
        positions: { value: buffers.positions.subarray(start * 2, (start + count) * 2), size: 2 },
        colours: new GpuColumn(buffers.colours.subarray(start * 4, (start + count) * 4), 4, { type: 'unorm8', normalized: true }),
        icons: kind === 'building' ? buildingIcons(buffers, start, count) : null,
      });
    }
    this.refreshAlarms();
    if (this.device) this.attach(this.device);
  }

  /** The GPU exists (deck.gl's device): the columns get their buffers, one full upload each. */
  attach(device: Device): void {
    this.device = device;
    this.atlasTexture ??= atlasTexture(device, this.atlas.canvas);
    this.lamps.attach(device);
    for (const slice of this.slices.values()) slice.colours.attach(device);
    this.inAlarm.attach(device);
  }

  /** Whether the columns live on the GPU (before, deck.gl uploads them whole). */
  get onGpu(): boolean {
    return this.device !== null;
  }

  /**
   * Colours were rewritten in place for these kinds. With `indexes` (the buffer indexes that
   * changed) only those rows are written to the GPU and only they join or leave the halos and the
   * lamp anomalies; without, every asset of those kinds is looked at again.
   */
  coloursChanged(kinds: Iterable<AssetKind>, indexes?: readonly number[]): void {
    for (const kind of kinds) {
      if (kind === 'street-lamp') this.lamps.coloursChanged(indexes);
      const slice = this.slices.get(kind);
      if (!slice) continue;
      if (indexes) {
        for (const i of indexes) if (i >= slice.start && i < slice.start + slice.count) slice.colours.markDirty(i - slice.start);
      } else for (let row = 0; row < slice.count; row++) slice.colours.markDirty(row);
    }
    if (indexes) this.updateAlarms(indexes);
    else this.refreshAlarms();
  }

  /** Writes the rows changed since the last frame to the GPU; returns the bytes written. */
  flush(): number {
    let written = this.lamps.flush() + this.inAlarm.flush();
    for (const slice of this.slices.values()) written += slice.colours.flush();
    return written;
  }

  /** Lamp chunks' colour versions (see LampLayers), for tests. */
  lampChunkColourVersions(): number[] {
    return this.lamps.chunkColourVersions();
  }

  /** Halo positions, lon/lat pairs, for tests. */
  alarmHaloPositions(): Float64Array {
    const halos = this.inAlarm;
    const positions = new Float64Array(halos.count * 2);
    for (let slot = 0; slot < halos.count; slot++) positions.set(halos.lonLat(slot), slot * 2);
    return positions;
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

  /** The layers for this viewport; first writes what changed to the GPU (see `flush`). */
  layers(viewport: Viewport): Layer[] {
    this.flush();
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
      data: { length: slice.count, attributes: { getPosition: slice.positions, ...slice.colours.attribute('instanceColors', 'getColor') } },
      dataComparator: sameLayout,
      updateTriggers: { getColor: slice.colours.version, getIcon: this.layoutVersion },
      // Given a canvas, deck.gl would upload its own texture of it for each layer; the texture is
      // shared once the GPU exists. (The prop takes any texture source at run time; its
      // TypeScript type only names string | Texture.)
      iconAtlas: this.atlasTexture ?? (this.atlas.canvas as unknown as Texture),
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
    const halos = this.inAlarm;
    return new ScatterplotLayer({
      id: 'alarm-halos',
      data: { length: halos.count, attributes: halos.positions.attribute('instancePositions', 'getPosition', halos.count) },
      coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
      coordinateOrigin: [halos.origin[0], halos.origin[1], 0],
      updateTriggers: { getPosition: halos.version },
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
    const buffers = this.buffers;
    if (!buffers) return;
    for (let i = 0; i < buffers.count; i++) this.updateAlarm(buffers, i);
  }

  /** Only the assets that changed join or leave the halos, each writing its own row. */
  private updateAlarms(indexes: readonly number[]): void {
    const buffers = this.buffers;
    if (!buffers) return;
    for (const i of indexes) this.updateAlarm(buffers, i);
  }

  private updateAlarm(buffers: AssetBuffers, i: number): void {
    if (this.isLamp(i)) return;
    if (buffers.statusCodes[i] === STATUS_CODE.alarm) {
      if (!this.inAlarm.has(i)) this.inAlarm.set(i, buffers.positions);
    } else this.inAlarm.delete(i);
  }

  /** Lamps in alarm are shown through their feeder cabinet's halo; 90k halos would be noise. */
  private isLamp(index: number): boolean {
    const lamps = this.buffers?.ranges['street-lamp'];
    return lamps !== undefined && index >= lamps.start && index < lamps.start + lamps.count;
  }

  /** Frees the GPU buffers (the map is going away). */
  destroy(): void {
    this.destroyColumns();
    this.lamps.destroy();
    this.atlasTexture?.destroy();
    this.atlasTexture = null;
  }

  private destroyColumns(): void {
    for (const slice of this.slices.values()) slice.colours.destroy();
    this.inAlarm.destroy();
  }
}

/** The atlas as deck.gl would upload it (linear filtering, mipmaps, clamped), but once. */
function atlasTexture(device: Device, canvas: HTMLCanvasElement): Texture {
  const texture = device.createTexture({
    data: canvas,
    width: canvas.width,
    height: canvas.height,
    sampler: { minFilter: 'linear', mipmapFilter: 'linear', magFilter: 'linear', addressModeU: 'clamp-to-edge', addressModeV: 'clamp-to-edge' },
    mipLevels: device.getMipLevelCount(canvas.width, canvas.height),
  });
  if (device.type === 'webgl') texture.generateMipmapsWebGL();
  return texture;
}

function buildingIcons(buffers: AssetBuffers, start: number, count: number): IconName[] {
  const icons = new Array<IconName>(count);
  for (let i = 0; i < count; i++) icons[i] = buffers.categoryAt(start + i) === 'school' ? 'school' : 'building';
  return icons;
}
