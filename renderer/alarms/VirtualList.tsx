import { Fragment, useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { rowOffsets, visibleRange, withHead } from './virtual-window';

/**
 * The first rows are always drawn while the viewport is near them: as many as the list drew before
 * it was windowed, so whatever an operator (or a test) could reach at the top stays in the page
 * while a flood pushes it down. A list this short is drawn whole; past it, the head and the window.
 */
export const HEAD_ROWS = 300;
/** Rows drawn beyond the viewport, so a fast scroll does not show blank space. */
const OVERSCAN_PX = 600;

export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf(item: T): string;
  /** Exactly one element per item (an `<li>`): its height is measured once drawn. */
  renderItem(item: T): ReactNode;
  /** A row's height before it is measured, gap included. */
  estimatePx: number;
  /** The CSS gap between rows (measured heights add it). */
  gapPx: number;
  className: string;
  testId?: string;
}

/**
 * A list that draws only the rows in or near view once it is long (10,000 active alarms stay
 * responsive). The list element itself scrolls; its padding stands for the rows not drawn.
 */
export function VirtualList<T>({ items, keyOf, renderItem, estimatePx, gapPx, className, testId }: VirtualListProps<T>) {
  const listRef = useRef<HTMLOListElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(800);
  const windowed = items.length > HEAD_ROWS;

  const offsets = useMemo(() => {
    if (!windowed) return null;
    // Rows that left the list leave their heights behind: forget them once they outnumber it.
    if (heights.current.size > 2 * items.length + 1_000) {
      const kept = new Map<string, number>();
      for (const item of items) {
        const height = heights.current.get(keyOf(item));
        if (height !== undefined) kept.set(keyOf(item), height);
      }
      heights.current = kept;
    }
    return rowOffsets(items.length, (i) => heights.current.get(keyOf(items[i] as T)) ?? estimatePx);
    // `measured` changes when heights learnt something new.
  }, [windowed, items, keyOf, estimatePx, measured]);
  const range = offsets ? withHead(visibleRange(offsets, scrollTop, viewportPx, OVERSCAN_PX), HEAD_ROWS, items.length) : { start: 0, end: items.length };

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || !windowed) return;
    let learnt = false;
    const rows = list.children;
    for (let i = 0; i < rows.length; i += 1) {
      const item = items[range.start + i];
      const row = rows[i];
      if (item === undefined || !(row instanceof HTMLElement)) continue;
      const key = keyOf(item);
      const height = row.offsetHeight + gapPx;
      if (heights.current.get(key) !== height) {
        heights.current.set(key, height);
        learnt = true;
      }
    }
    if (learnt) setMeasured((n) => n + 1);
  });

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new ResizeObserver(() => setViewportPx(list.clientHeight));
    observer.observe(list);
    setViewportPx(list.clientHeight);
    return () => observer.disconnect();
  }, []);

  const frame = useRef<number | null>(null);
  const onScroll = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setScrollTop(listRef.current?.scrollTop ?? 0);
    });
  }, []);

  const style = offsets
    ? { paddingTop: `calc(${offsets[range.start] ?? 0}px + var(--list-padding, 8px))`, paddingBottom: `calc(${(offsets[items.length] ?? 0) - (offsets[range.end] ?? 0)}px + var(--list-padding, 8px))` }
    : undefined;

  return (
    <ol ref={listRef} className={`${className}${windowed ? ' virtual-list--windowed' : ''}`} data-testid={testId} data-rows={items.length} style={style} onScroll={onScroll}>
      {items.slice(range.start, range.end).map((item) => (
        <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
      ))}
    </ol>
  );
}
