import { useEffect, useRef } from 'react';
import type { Asset } from '../../shared';
import { paintIcon, type IconName } from './icon-atlas';

/** The icon the map uses for an asset (lamps are plain dots on the map, a cabinet-like badge here). */
export function iconNameFor(asset: Pick<Asset, 'kind' | 'category'>): IconName | 'lamp' {
  switch (asset.kind) {
    case 'lighting-cabinet':
      return 'cabinet';
    case 'street-lamp':
      return 'lamp';
    case 'waste-container':
      return 'bin';
    case 'building':
      return asset.category === 'school' ? 'school' : 'building';
    case 'camera':
      return 'camera';
    case 'gate':
      return 'gate';
    case 'gateway':
      return 'gateway';
  }
}

/** The map's icon for a kind, painted in `colour` on a small canvas (legend, panel, lists). */
export function KindIcon({ icon, colour, sizePx = 18, title }: { icon: IconName | 'lamp'; colour: string; sizePx?: number; title?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (icon === 'lamp') {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.arc(canvas.width / 2, canvas.height / 2, canvas.width / 5, 0, Math.PI * 2);
      ctx.fill();
      return;
    }
    paintIcon(canvas, icon, colour);
  }, [icon, colour]);
  // Twice the CSS size so the icon stays crisp on high-density screens.
  return <canvas ref={ref} className="kind-icon" width={sizePx * 2} height={sizePx * 2} style={{ width: sizePx, height: sizePx }} role="img" aria-label={title} />;
}
