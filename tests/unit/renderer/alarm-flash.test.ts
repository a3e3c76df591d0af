import { describe, expect, it } from 'vitest';
import { newestRaised } from '../../../renderer/alarms/alarm-presentation';
import { alarm } from './fixtures';

describe('which new alarm rows flash', () => {
  // The list as the console shows it: newest first, one alarm raised per second before 10:05.
  const endMs = Date.UTC(2025, 10, 23, 10, 5, 0);
  const list = Array.from({ length: 300 }, (_, i) => alarm({ id: `al-${i}`, assetId: `cab-${i}`, raisedAt: new Date(endMs - i * 1000).toISOString() }));

  it('a burst of hundreds flashes only the newest few rows', () => {
    expect([...newestRaised(list, endMs - 60_000, 12)]).toEqual(Array.from({ length: 12 }, (_, i) => `al-${i}`));
  });

  it('only alarms raised within the window flash', () => {
    expect(newestRaised(list, endMs - 2_500, 12)).toEqual(new Set(['al-0', 'al-1', 'al-2']));
    expect(newestRaised(list, endMs, 12).size).toBe(0);
  });
});
