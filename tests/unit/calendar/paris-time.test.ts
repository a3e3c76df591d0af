import { describe, expect, it } from 'vitest';
import { parisInstant, parisTime } from '../../../shared/calendar/paris-time';

describe('Paris wall-clock time', () => {
  it.each([
    ['2026-01-15', 8, '2026-01-15T07:00:00.000Z'],
    ['2026-07-15', 8, '2026-07-15T06:00:00.000Z'],
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    ['2026-03-29', 1.5, '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', 2.5, '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', 3, '2026-03-29T01:00:00.000Z'],
    ['2026-03-29', 3.5, '2026-03-29T01:30:00.000Z'],
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00 UTC; 02:30 happens twice.
    ['2026-10-25', 1.5, '2026-10-24T23:30:00.000Z'],
    ['2026-10-25', 2.5, '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', 3.5, '2026-10-25T02:30:00.000Z'],
  ])('%s at %f h is %s', (date, hour, iso) => {
    expect(new Date(parisInstant(date, hour)).toISOString()).toBe(iso);
  });

  it('reads back the wall time it was given, outside the gap', () => {
    for (const [date, hour] of [['2026-03-29', 3.25], ['2026-10-25', 2.5], ['2026-10-25', 23.75], ['2026-12-31', 0]] as const) {
      expect(parisTime(parisInstant(date, hour))).toMatchObject({ date, hour });
    }
  });
});
