import { useEffect, useRef, useState } from 'react';
import type { Asset } from '../../shared';
import { useConnectionState } from '../connection';
import { useI18n, type I18n } from '../i18n';
import { statusCss, useGroupSelection, useStore } from '../state';
import { AssetMap, type MapStats } from './asset-map';
import { FollowMode, loadFollowSetting, saveFollowSetting } from './follow-mode';
import { Legend } from './Legend';
import { LassoOverlay } from './LassoOverlay';
import type { TooltipText } from './map-tooltip';

function describeAsset(i18n: I18n, communeName: (code: string) => string, asset: Asset): TooltipText {
  const kind = asset.kind === 'building' && asset.category ? i18n.t(`category.${asset.category}`) : i18n.t(`kind.${asset.kind}`);
  return {
    title: asset.name,
    lines: [kind, communeName(asset.commune)],
    status: { label: i18n.t(`status.${asset.status}`), colour: statusCss(asset.status) },
  };
}

/**
 * The map panel. The map itself is an imperative object created once; language changes only swap
 * the functions the tooltip calls (through a ref), they never rebuild the map.
 */
export function MapView({ onStats }: { onStats?: (stats: MapStats | null) => void }) {
  const store = useStore();
  const i18n = useI18n();
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const containerRef = useRef<HTMLDivElement>(null);
  const { session } = useConnectionState();
  const scopeRef = useRef<readonly string[]>([]);
  scopeRef.current = session?.user.communes ?? [];
  const [failure, setFailure] = useState<string | null>(null);
  const [following, setFollowing] = useState(loadFollowSetting);
  const followRef = useRef<FollowMode | null>(null);
  const mapRef = useRef<AssetMap | null>(null);
  const group = useGroupSelection();

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: AssetMap;
    try {
      map = new AssetMap(container, store, {
        attribution: i18nRef.current.t('map.attribution'),
        describe: (asset) => describeAsset(i18nRef.current, (code) => store.communeName(code), asset),
        describeCommune: (code, name) => ({ title: name, lines: [`INSEE ${code}`] }),
        userScope: () => scopeRef.current,
      });
    } catch (error) {
      console.error('[beffroi] carte', error);
      setFailure(i18nRef.current.t('map.webglMissing'));
      return;
    }
    mapRef.current = map;
    onStats?.(map.stats);
    const follow = new FollowMode(store, (asset, zoom) => map.flyTo(asset, zoom));
    followRef.current = follow;
    return () => {
      followRef.current = null;
      follow.destroy();
      onStats?.(null);
      mapRef.current = null;
      map.destroy();
    };
  }, [store, onStats]);

  useEffect(() => {
    followRef.current?.setEnabled(following);
    saveFollowSetting(following);
  }, [following]);

  return (
    <div className="map" data-testid="map">
      <div ref={containerRef} className="map__canvas" />
      <button
        type="button"
        className="map__follow"
        data-testid="map-follow"
        aria-pressed={following}
        title={i18n.t('map.followHint')}
        onClick={() => setFollowing((on) => !on)}
      >
        {i18n.t('map.follow')}
      </button>
      {group.lassoing && (
        <LassoOverlay
          toLonLat={(x, y) => mapRef.current?.lonLatAt(x, y) ?? [0, 0]}
          onDone={(polygon) => store.lassoDrawn(polygon)}
          onCancel={() => store.setLassoing(false)}
        />
      )}
      {failure && <div className="map__failure" role="alert">{failure}</div>}
      <Legend />
    </div>
  );
}
