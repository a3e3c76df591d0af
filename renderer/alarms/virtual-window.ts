/**
 * The maths of a windowed list: rows of varying height (a row grows with its comments), of which
 * only those in or near the viewport are drawn. Heights are measured once drawn and estimated
 * before; offsets are prefix sums, so finding the first visible row is a binary search.
 */

/** `offsets[i]` is row i's top; `offsets[count]` the list's full height. */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i += 1) offsets[i + 1] = (offsets[i] ?? 0) + heightOf(i);
  return offsets;
}

/** The last row whose top is at or above `y` (0 when `y` is above the first row). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface WindowRange {
  /** First row drawn. */
  start: number;
  /** One past the last row drawn. */
  end: number;
}

/** The rows to draw for a viewport at `scrollTop`, `overscanPx` above and below it included. */
export function visibleRange(offsets: Float64Array, scrollTop: number, viewportPx: number, overscanPx: number): WindowRange {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const start = rowAt(offsets, Math.max(0, scrollTop - overscanPx));
  const end = Math.min(count, rowAt(offsets, scrollTop + viewportPx + overscanPx) + 1);
  return { start, end };
}

/**
 * The range with the list's head always drawn while the viewport is near it: the newest (or most
 * urgent) rows stay in the page as a flood pushes them down, so a button the operator is about
 * to press is not unmounted under the pointer by the next frame. Scrolled far below the head, only
 * the window is drawn.
 */
export function withHead(range: WindowRange, headRows: number, count: number): WindowRange {
  if (range.start >= headRows) return range;
  return { start: 0, end: Math.max(range.end, Math.min(headRows, count)) };
}
