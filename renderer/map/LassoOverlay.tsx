import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useI18n } from '../i18n';

type Point = readonly [number, number];

/** Below this many pixels a press is a click (a vertex), above it a drag (a freehand lasso). */
const DRAG_THRESHOLD_PX = 4;
/** Freehand points closer than this to the previous one add nothing but weight. */
const MIN_STEP_PX = 3;

/**
 * Draws a lasso over the map: drag to draw it freehand, or click its corners and double-click
 * (or Enter) to close it; Escape cancels. Hands back the polygon in map coordinates.
 */
export function LassoOverlay({ toLonLat, onDone, onCancel }: { toLonLat(x: number, y: number): Point; onDone(polygon: Point[]): void; onCancel(): void }) {
  const { t } = useI18n();
  const [points, setPoints] = useState<Point[]>([]);
  const [hover, setHover] = useState<Point | null>(null);
  const press = useRef<{ start: Point; dragging: boolean } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const pointsRef = useRef(points);
  pointsRef.current = points;

  const finish = (vertices: Point[]) => {
    if (vertices.length < 3) return;
    onDone(vertices.map(([x, y]) => toLonLat(x, y)));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
      if (event.key === 'Enter') finish(pointsRef.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const at = (event: PointerEvent | React.MouseEvent): Point => {
    const box = ref.current!.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };

  const onPointerDown = (event: PointerEvent) => {
    ref.current?.setPointerCapture(event.pointerId);
    press.current = { start: at(event), dragging: false };
  };
  const onPointerMove = (event: PointerEvent) => {
    const point = at(event);
    setHover(point);
    const current = press.current;
    if (!current) return;
    if (!current.dragging && Math.hypot(point[0] - current.start[0], point[1] - current.start[1]) > DRAG_THRESHOLD_PX) {
      current.dragging = true;
      setPoints([current.start]);
    }
    if (current.dragging) {
      setPoints((drawn) => {
        const last = drawn[drawn.length - 1];
        return last && Math.hypot(point[0] - last[0], point[1] - last[1]) < MIN_STEP_PX ? drawn : [...drawn, point];
      });
    }
  };
  const onPointerUp = (event: PointerEvent) => {
    const current = press.current;
    press.current = null;
    if (current?.dragging) finish([...pointsRef.current, at(event)]);
    else setPoints((drawn) => [...drawn, at(event)]);
  };

  const outline = [...points, ...(hover && !press.current?.dragging && points.length > 0 ? [hover] : [])];
  return (
    <div
      ref={ref}
      className="lasso"
      data-testid="lasso"
      data-vertices={points.length}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onDoubleClick={() => finish(points)}
    >
      <svg className="lasso__drawing" aria-hidden="true">
        {outline.length > 1 && <polygon points={outline.map(([x, y]) => `${x},${y}`).join(' ')} />}
      </svg>
      <p className="lasso__hint" role="status">
        {t('groups.lassoHint')}
      </p>
    </div>
  );
}
