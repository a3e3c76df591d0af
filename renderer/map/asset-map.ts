import type { DeckProps, Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { Map as MaplibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Asset, Territory } from '../../shared';
import type { AssetsChange, ConsoleStore } from '../state';
import { AssetLayerSet, LAYER_ID_PREFIX } from './asset-layers';
import type { Viewport } from './lamp-layers';
import { offlineStyle } from './basemap-style';
import { loadOutlines, outlineBounds, type OutlineCollection } from './geo-outlines';
import { communeLabels, type CommuneScope } from './label-points';
import { createIconAtlas } from './icon-atlas';
import { publishMapBounds } from './map-bounds';
import { MapTooltip, type TooltipText } from './map-tooltip';
import { gateBadges, type GatePosition } from './gate-badges';
import { driftMarkers, groupHighlight, selectionRing } from './overlay-layers';

// maplibre resolves its worker from its own module URL, which fails under a custom protocol
// (app://) and after bundling: point it at the copy Vite ships with the build.
setWorkerUrl(workerUrl);

/** deck.gl's per-second metrics (its type is not exported). */
type DeckMetrics = Parameters<NonNullable<DeckProps['_onMetrics']>>[0];

/** Counters for tests and benchmarks. */
export interface MapStats {
  /** Assets held by the map's layers, once deck.gl has rendered them (every asset, in view or not). */
  assetsDrawn: number;
  /** Instances the last frame handed to the GPU (street lamps out of view or zoom are culled). */
  instancesDrawn: number;
  layersDrawn: number;
  lastLayerUpdateMs: number;
  /** Sum of every layer update's time: a benchmark reads it before and after, no sampling. */
  layerUpdateMsTotal: number;
  /** Frames deck.gl has drawn (its onAfterRender), since the map was created. */
  framesDrawn: number;
  /** Assets whose colour changed in place, summed over updates (what the GPU writes must follow). */
  colourRowsChanged: number;
  deck: DeckMetrics | null;
  /** Where each gate's badge on the map says it is (from the last layer drawn). */
  gatePositions: Map<string, GatePosition>;
}

export interface AssetMapOptions {
  attribution: string;
  describe(asset: Asset): TooltipText;
  describeCommune(code: string, name: string): TooltipText;
  /** INSEE codes the user is scoped to; empty for a user who sees the whole territory. */
  userScope(): readonly string[];
}

/** How close a fly-to gets: street level, where one asset is distinguishable from its neighbours. */
const FLY_ZOOM = 16;
/** Width of the asset panel over the map, plus its margin (see styles.css `.asset-panel`). */
const PANEL_WIDTH_PX = 410;

/**
 * The map: maplibre draws the offline basemap, deck.gl draws the assets above it from the store's
 * buffers. Lives outside React: the store calls it once per frame with what changed.
 */
export class AssetMap {
  readonly stats: MapStats = { assetsDrawn: 0, instancesDrawn: 0, layersDrawn: 0, lastLayerUpdateMs: 0, layerUpdateMsTotal: 0, framesDrawn: 0, colourRowsChanged: 0, deck: null, gatePositions: new Map() };
  private readonly map: MaplibreMap;
  private readonly overlay: MapboxOverlay;
  private readonly layerSet = new AssetLayerSet(createIconAtlas());
  private readonly tooltip: MapTooltip;
  private readonly unsubscribe: Array<() => void> = [];
  private territoryName: string | null = null;
  private selectedId: string | null = null;
  private pendingDrawn = { assets: 0, instances: 0 };
  private hoveredCommune: string | null = null;
  private viewportKey = '';
  private moveFrame: number | null = null;
  private gateLayer: Layer | null = null;
  private groupIds: ReadonlySet<string> | null = null;
  private groupLayer: Layer | null = null;

  constructor(
    container: HTMLElement,
    private readonly store: ConsoleStore,
    private readonly options: AssetMapOptions,
  ) {
    this.map = new MaplibreMap({
      container,
      style: offlineStyle(options.attribution),
      center: [2.25, 48.53],
      zoom: 9,
      minZoom: 6,
      maxZoom: 19,
      renderWorldCopies: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: { compact: false },
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.tooltip = new MapTooltip(container);
    this.overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onHover: (info) => this.onHover(info),
      onClick: (info) => this.onClick(info),
      getCursor: ({ isHovering, isDragging }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
      onAfterRender: () => {
        this.stats.assetsDrawn = this.pendingDrawn.assets;
        this.stats.instancesDrawn = this.pendingDrawn.instances;
        this.stats.framesDrawn += 1;
      },
      // From here the asset columns live in the map's own GPU buffers (see GpuColumn).
      onDeviceInitialized: (device) => {
        this.layerSet.attach(device);
        this.pushLayers();
      },
      _onMetrics: (metrics: DeckMetrics) => {
        this.stats.deck = { ...metrics };
      },
    });
    this.map.addControl(this.overlay);
    this.map.on('move', () => this.onMove());
    this.map.on('moveend', () => publishMapBounds(this.viewport().bounds));
    this.unsubscribe.push(
      store.onAssetsChange((change) => this.onAssetsChange(change)),
      store.onFly((asset) => this.flyTo(asset)),
      store.subscribe(() => this.onStoreChange()),
    );
    this.onAssetsChange({ buffers: store.currentBuffers(), layout: true, colourKinds: new Set(), colourIndexes: [], positionKinds: new Set(), drift: true });
    this.onStoreChange();
  }

  destroy(): void {
    if (this.moveFrame !== null) cancelAnimationFrame(this.moveFrame);
    for (const off of this.unsubscribe) off();
    publishMapBounds(null);
    this.tooltip.destroy();
    this.map.removeControl(this.overlay);
    this.overlay.finalize();
    this.layerSet.destroy();
    this.map.remove();
  }

  /** The [lon, lat] under a point of the map's container (a lasso's vertex). */
  lonLatAt(x: number, y: number): [number, number] {
    const { lng, lat } = this.map.unproject([x, y]);
    return [lng, lat];
  }

  /** `zoom`: exactly this zoom (following alarms); by default street level or closer. */
  flyTo(asset: Asset, zoom?: number): void {
    // The asset panel opens over the left of the map: centre the asset in what remains visible.
    const width = this.map.getContainer().clientWidth;
    const left = width > 900 ? Math.min(PANEL_WIDTH_PX, width * 0.4) : 0;
    this.map.flyTo({
      center: [asset.lon, asset.lat],
      zoom: zoom ?? Math.max(this.map.getZoom(), FLY_ZOOM),
      padding: { left, top: 0, right: 0, bottom: 0 },
      speed: 1.8,
      essential: true,
    });
  }

  // ─── store → layers ─────────────────────────────────────────────────────────────────────────

  private onAssetsChange(change: AssetsChange): void {
    const started = performance.now();
    if (change.layout || change.gatePositions) this.gateLayer = gateBadges(change.buffers, this.stats.gatePositions);
    if (change.layout && this.groupIds) this.groupLayer = groupHighlight(change.buffers, this.groupIds);
    if (change.layout) this.layerSet.setLayout(change.buffers);
    else {
      if (change.colourKinds.size > 0) this.layerSet.coloursChanged(change.colourKinds, change.colourIndexes);
      this.stats.colourRowsChanged += change.colourIndexes.length;
      if (change.positionKinds.size > 0) this.layerSet.positionsChanged(change.positionKinds);
    }
    this.pushLayers();
    this.stats.lastLayerUpdateMs = performance.now() - started;
    this.stats.layerUpdateMsTotal += this.stats.lastLayerUpdateMs;
  }

  private onStoreChange(): void {
    const view = this.store.getView();
    if (view.territory && view.territory.name !== this.territoryName) {
      this.territoryName = view.territory.name;
      void this.showTerritory(view.territory);
    }
    if (view.group.ids !== this.groupIds) {
      this.groupIds = view.group.ids;
      this.groupLayer = groupHighlight(this.store.currentBuffers(), view.group.ids);
      this.pushLayers();
    }
    if (view.selectedAssetId !== this.selectedId) {
      this.selectedId = view.selectedAssetId;
      this.pushLayers();
    }
  }

  private viewport(): Viewport {
    const bounds = this.map.getBounds();
    return { zoom: this.map.getZoom(), bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] };
  }

  /** Camera moved: only if it changes which lamp chunks are needed does deck.gl hear of it. */
  private onMove(): void {
    if (this.moveFrame !== null) return;
    this.moveFrame = requestAnimationFrame(() => {
      this.moveFrame = null;
      if (this.layerSet.viewportKey(this.viewport()) !== this.viewportKey) this.pushLayers();
    });
  }

  private pushLayers(): void {
    const viewport = this.viewport();
    this.viewportKey = this.layerSet.viewportKey(viewport);
    const layers: Layer[] = this.layerSet.layers(viewport);
    const selected = this.store.getAsset(this.selectedId);
    const drifting = this.store.driftingAssets();
    if (this.gateLayer) layers.push(this.gateLayer);
    if (this.groupLayer) layers.push(this.groupLayer);
    if (drifting.length > 0) layers.push(driftMarkers(drifting));
    if (selected) layers.push(selectionRing(selected));
    this.pendingDrawn = { assets: this.layerSet.assetsHeld(), instances: this.layerSet.instancesDrawn() };
    this.stats.layersDrawn = layers.length;
    this.overlay.setProps({ layers });
  }

  // ─── basemap ────────────────────────────────────────────────────────────────────────────────

  private async showTerritory(territory: Territory): Promise<void> {
    const [west, south, east, north] = territory.bounds;
    this.map.fitBounds([west, south, east, north], { padding: { top: 24, left: 24, right: 24, bottom: 90 }, duration: 0 });
    const outlines = await loadOutlines(territory.departements);
    const scope = new Set(this.options.userScope());
    const scopeOf = (code: string): CommuneScope => (scope.size === 0 ? 'all' : scope.has(code) ? 'in' : 'out');
    const communes: OutlineCollection = {
      type: 'FeatureCollection',
      features: outlines.communes.features.map((f) => ({ ...f, properties: { ...f.properties, scope: scopeOf(f.properties.code) } })),
    };
    const labels = communeLabels(outlines.communes, scopeOf);
    // An elected official sees their own commune(s), framed, not the whole département.
    const scopeBounds = scope.size > 0 ? outlineBounds(outlines.communes.features.filter((f) => scope.has(f.properties.code))) : null;
    if (scopeBounds) this.map.fitBounds(scopeBounds, { padding: { top: 60, left: 60, right: 60, bottom: 110 }, maxZoom: 15, duration: 0 });
    const apply = () => {
      this.map.getSource<GeoJSONSource>('communes')?.setData(communes);
      this.map.getSource<GeoJSONSource>('commune-labels')?.setData(labels);
      this.map.getSource<GeoJSONSource>('departements')?.setData(outlines.departements);
    };
    // The inline style is parsed asynchronously: until then its sources do not exist yet.
    if (this.map.getSource('communes')) apply();
    else this.map.once('style.load', apply);
  }

  // ─── pointer ────────────────────────────────────────────────────────────────────────────────

  private pickedAsset(info: PickingInfo): Asset | undefined {
    if (!info.picked || !info.layer || !info.layer.id.startsWith(LAYER_ID_PREFIX)) return undefined;
    const index = this.layerSet.globalIndex(info.layer.id, info.index);
    return index === undefined ? undefined : this.store.currentBuffers().records.at(index);
  }

  private onHover(info: PickingInfo): void {
    const asset = this.pickedAsset(info);
    if (asset) {
      this.setHoveredCommune(null);
      this.tooltip.show(info.x, info.y, this.options.describe(asset));
      return;
    }
    const commune = info.coordinate ? this.communeAt(info.x, info.y) : null;
    this.setHoveredCommune(commune?.code ?? null);
    if (commune) this.tooltip.show(info.x, info.y, this.options.describeCommune(commune.code, commune.name));
    else this.tooltip.hide();
  }

  private onClick(info: PickingInfo): void {
    const asset = this.pickedAsset(info);
    if (asset) this.store.select(asset.id);
  }

  private communeAt(x: number, y: number): { code: string; name: string } | null {
    if (!this.map.getLayer('commune-fill')) return null;
    const feature = this.map.queryRenderedFeatures([x, y], { layers: ['commune-fill'] })[0];
    const code: unknown = feature?.properties?.code;
    const name: unknown = feature?.properties?.nom;
    return typeof code === 'string' && typeof name === 'string' ? { code, name: this.store.communeName(code) === code ? name : this.store.communeName(code) } : null;
  }

  private setHoveredCommune(code: string | null): void {
    if (code === this.hoveredCommune) return;
    if (this.hoveredCommune) this.map.setFeatureState({ source: 'communes', id: this.hoveredCommune }, { hover: false });
    if (code) this.map.setFeatureState({ source: 'communes', id: code }, { hover: true });
    this.hoveredCommune = code;
  }
}
