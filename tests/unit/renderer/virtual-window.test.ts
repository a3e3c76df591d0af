import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, visibleRange, withHead } from '../../../renderer/alarms/virtual-window';

describe('the windowed list’s maths', () => {
  it('offsets are the running sum of row heights', () => {
    expect([...rowOffsets(4, (i) => [10, 20, 30, 40][i] ?? 0)]).toEqual([0, 10, 30, 60, 100]);
    expect([...rowOffsets(0, () => 10)]).toEqual([0]);
  });

  it('finds the row under a given height', () => {
    const offsets = rowOffsets(4, (i) => [10, 20, 30, 40][i] ?? 0);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 9.9)).toBe(0);
    expect(rowAt(offsets, 10)).toBe(1);
    expect(rowAt(offsets, 59)).toBe(2);
    expect(rowAt(offsets, 1_000)).toBe(3);
    expect(rowAt(offsets, -5)).toBe(0);
  });

  it('draws the rows in the viewport plus the overscan, of 10,000', () => {
    const offsets = rowOffsets(10_000, () => 100);
    expect(visibleRange(offsets, 0, 800, 0)).toEqual({ start: 0, end: 9 });
    expect(visibleRange(offsets, 50_000, 800, 200)).toEqual({ start: 498, end: 511 });
    // Scrolled to the very end: nothing past the last row.
    expect(visibleRange(offsets, 1_000_000 - 800, 800, 600)).toEqual({ start: 9_986, end: 10_000 });
  });

  it('handles rows of measured, varying heights', () => {
    // Every tenth row carries comments and is three times as tall.
    const offsets = rowOffsets(1_000, (i) => (i % 10 === 0 ? 300 : 100));
    const { start, end } = visibleRange(offsets, 12_000, 600, 0);
    expect(offsets[start]).toBeLessThanOrEqual(12_000);
    expect(offsets[start + 1]).toBeGreaterThan(12_000);
    // A row starting right at the bottom edge is drawn too: one row of slack, never one missing.
    expect(offsets[end - 1]).toBeLessThanOrEqual(12_600);
    expect(offsets[end] ?? Infinity).toBeGreaterThanOrEqual(12_600);
  });

  it('an empty list draws nothing', () => {
    expect(visibleRange(rowOffsets(0, () => 10), 0, 800, 100)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the list’s head drawn while the viewport is near it, not once scrolled past it', () => {
    expect(withHead({ start: 0, end: 12 }, 100, 10_000)).toEqual({ start: 0, end: 100 });
    expect(withHead({ start: 40, end: 130 }, 100, 10_000)).toEqual({ start: 0, end: 130 });
    expect(withHead({ start: 500, end: 520 }, 100, 10_000)).toEqual({ start: 500, end: 520 });
    expect(withHead({ start: 0, end: 30 }, 100, 30)).toEqual({ start: 0, end: 30 });
  });
});
