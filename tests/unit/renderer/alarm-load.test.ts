import { describe, expect, it } from 'vitest';
import { alarmLoad, loadLevel, RaisedTally } from '../../../renderer/alarms/alarm-load';
import { alarm } from './fixtures';

const NOW = Date.parse('2025-11-23T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

describe('the alarm-load strip (ISA-18.2)', () => {
  it.each([
    [0, 'normal'],
    [2, 'normal'],
    [3, 'busy'],
    [10, 'busy'],
    [11, 'flood'],
    [500, 'flood'],
  ])('%i alarms in 10 minutes is %s', (count, level) => {
    expect(loadLevel(count)).toBe(level);
  });

  it('counts alarms raised in the last 10 minutes, including those that already left the list', () => {
    const tally = new RaisedTally();
    const gone = Array.from({ length: 8 }, (_, i) => alarm({ id: `gone-${i}`, assetId: `a${i}`, raisedAt: minutesAgo(2) }));
    const active = [
      alarm({ id: 'now', assetId: 'x', raisedAt: minutesAgo(1) }),
      alarm({ id: 'nine', assetId: 'y', raisedAt: minutesAgo(9.9) }),
      alarm({ id: 'old', assetId: 'z', raisedAt: minutesAgo(10) }),
    ];
    tally.note(gone);
    tally.note(active);
    // The same alarm seen again (an update) is not counted twice.
    tally.note([active[0]!]);
    const load = alarmLoad(tally.prune(NOW), active, 0, NOW);
    expect(load.raisedRecently).toBe(10);
    expect(load.level).toBe('busy');
    tally.note([alarm({ id: 'one-more', assetId: 'w', raisedAt: minutesAgo(0) })]);
    expect(alarmLoad(tally.prune(NOW), active, 0, NOW)).toMatchObject({ raisedRecently: 11, level: 'flood' });
  });

  it('forgets what left the window', () => {
    const tally = new RaisedTally();
    tally.note([alarm({ id: 'a', assetId: 'x', raisedAt: minutesAgo(5) })]);
    expect(tally.prune(NOW).size).toBe(1);
    expect(tally.prune(NOW + 6 * 60_000).size).toBe(0);
  });

  it('counts standing alarms (active for more than 24 h) and shelved ones', () => {
    const active = [
      alarm({ id: 'fresh', assetId: 'x', raisedAt: minutesAgo(60) }),
      alarm({ id: 'day', assetId: 'y', raisedAt: minutesAgo(24 * 60 - 1) }),
      alarm({ id: 'standing', assetId: 'z', raisedAt: minutesAgo(24 * 60 + 1) }),
      alarm({ id: 'week', assetId: 'w', raisedAt: minutesAgo(7 * 24 * 60) }),
    ];
    expect(alarmLoad(new Map(), active, 3, NOW)).toEqual({ raisedRecently: 0, level: 'normal', standing: 2, shelved: 3 });
  });

  it('takes from a newest-first list only what was raised within the window', () => {
    const tally = new RaisedTally();
    tally.noteRecent([alarm({ id: 'a', assetId: 'x', raisedAt: minutesAgo(1) }), alarm({ id: 'b', assetId: 'y', raisedAt: minutesAgo(11) }), alarm({ id: 'c', assetId: 'z', raisedAt: minutesAgo(2) })], NOW);
    expect([...tally.prune(NOW).keys()]).toEqual(['a']);
  });
});
