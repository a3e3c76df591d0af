/**
 * OURS: the product's own code path for a binary snapshot, bundled from the product sources:
 * `decodeSnapshotFrame` (what HubClient runs on a binary frame), `ConsoleStore.snapshotFrame`
 * (AssetBuffers on the frame's columns), and the console's AssetMap (maplibre basemap + deck.gl
 * layers) which uploads the buffers and draws. The territory (commune outlines, bounds) is shown
 * first from an empty snapshot of the same head, so the measure is the assets' snapshot alone.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { decodeSnapshotFrame } from '../../../shared/protocol/snapshot-frame';
import { AssetMap } from '../../../renderer/map/asset-map';
import { animationFrameScheduler, ConsoleStore } from '../../../renderer/state';
import { whenFrame } from './page-contract';

const store = new ConsoleStore(animationFrameScheduler);
let map: AssetMap | null = null;
let frameBytes: ArrayBuffer | null = null;

window.__snapshotBench = {
  async load() {
    map = new AssetMap(document.getElementById('map')!, store, {
      attribution: '',
      describe: (asset) => ({ title: asset.name, lines: [] }),
      describeCommune: (code, name) => ({ title: name, lines: [code] }),
      userScope: () => [],
    });
    const empty = await (await fetch('./empty.bin')).arrayBuffer();
    store.snapshotFrame(decodeSnapshotFrame(empty), 'operateur');
    // Outlines loaded, map fitted and idle before the measure.
    await new Promise((r) => setTimeout(r, 3000));
  },
  async fetchInput() {
    frameBytes = await (await fetch('./snapshot.bin')).arrayBuffer();
  },
  async run() {
    // What HubClient.onSnapshotFrame does with the bytes of a binary WebSocket frame.
    store.snapshotFrame(decodeSnapshotFrame(frameBytes!), 'operateur');
    frameBytes = null;
    const total = () => store.getView().assetCount;
    await whenFrame(() => total() > 0 && map!.stats.assetsDrawn === total());
    return map!.stats.assetsDrawn;
  },
};
