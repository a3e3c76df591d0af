import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../../shared';
import { groupAlarmsByCause } from '../../../renderer/state/alarm-groups';

/** An alarm with just what grouping reads; newest first is the caller's order. */
function alarm(id: string, causeAlarmId?: string, state: Alarm['state'] = 'unacknowledged'): Alarm {
  return {
    id,
    assetId: `asset-${id}`,
    commune: '91377',
    condition: causeAlarmId ? 'device.silent' : 'gateway.silent',
    priority: causeAlarmId ? 'low' : 'high',
    state,
    message: id,
    raisedAt: '2026-11-23T08:00:00.000Z',
    lastAt: '2026-11-23T08:00:00.000Z',
    count: 1,
    ...(causeAlarmId ? { causeAlarmId } : {}),
  };
}

/** The list as lines: `id` for an alarm alone, `id[a,b]` for a cause with its children. */
const lines = (alarms: Alarm[], keep?: (a: Alarm) => boolean) =>
  groupAlarmsByCause(alarms, keep).items.map((item) => (item.kind === 'alarm' ? item.alarm.id : `${item.cause.id}[${item.children.map((c) => c.id).join(',')}]`));

describe('alarm list grouped by cause', () => {
  it.each([
    ['nothing to group', [alarm('a'), alarm('b')], ['a', 'b']],
    ['children under their cause, where the cause stands', [alarm('c1', 'gw'), alarm('x'), alarm('gw'), alarm('c2', 'gw')], ['x', 'gw[c1,c2]']],
    ['a child whose cause is off the list stays on its own', [alarm('c1', 'gone'), alarm('x')], ['c1', 'x']],
    ['a cause without children on the list is a plain line', [alarm('gw'), alarm('x')], ['gw', 'x']],
    ['two causes, each with its own', [alarm('g1'), alarm('a', 'g1'), alarm('g2'), alarm('b', 'g2'), alarm('c', 'g1')], ['g1[a,c]', 'g2[b]']],
    ['an alarm naming itself is not its own child', [alarm('self', 'self')], ['self']],
    ['no chains: a folded cause leaves its children alone', [alarm('top'), alarm('mid', 'top'), alarm('leaf', 'mid')], ['top[mid]', 'leaf']],
  ])('%s', (_case, alarms, expected) => {
    expect(lines(alarms)).toEqual(expected);
  });

  it('counts the folded children apart, for an honest header', () => {
    const grouped = groupAlarmsByCause([alarm('gw'), alarm('a', 'gw'), alarm('b', 'gw'), alarm('x')]);
    expect(grouped.groupedCount).toBe(2);
    expect(grouped.items).toHaveLength(2);
  });

  it.each([
    // « to acknowledge » view: keep only what still needs an acknowledgement
    ['cause acknowledged, a child pending: the cause stays, with that child', [alarm('gw', undefined, 'acknowledged'), alarm('a', 'gw'), alarm('b', 'gw', 'acknowledged')], ['gw[a]']],
    ['cause pending, children all acknowledged: the cause alone', [alarm('gw'), alarm('a', 'gw', 'acknowledged')], ['gw']],
    ['nothing pending: nothing shown', [alarm('gw', undefined, 'acknowledged'), alarm('a', 'gw', 'acknowledged')], []],
  ])('filtered: %s', (_case, alarms, expected) => {
    expect(lines(alarms, (a) => a.state === 'unacknowledged' || a.state === 'cleared-unacknowledged')).toEqual(expected);
  });
});
