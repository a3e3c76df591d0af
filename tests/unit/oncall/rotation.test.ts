import { describe, expect, it } from 'vitest';
import { nextHandoverAt, OnCallRoster, rosterCovers, whoIsOnCall, type OnCallException } from '../../../shared/domain/oncall';

/** Three people in turn, handing over on Mondays at 08:00 Paris time, Alice first from 2026-01-05. */
function roster(exceptions: OnCallException[] = [], level2Users = ['dora']): OnCallRoster {
  return OnCallRoster.parse({
    id: 'r1',
    name: 'Éclairage Massy',
    communes: ['91377'],
    kinds: ['lighting-cabinet'],
    levels: [
      { level: 2, rotation: { users: level2Users, handoverDay: 1, handoverTime: '08:00', startsOn: '2026-01-05' } },
      { level: 1, rotation: { users: ['alice', 'bruno', 'chloe'], handoverDay: 1, handoverTime: '08:00', startsOn: '2026-01-05' }, exceptions },
    ],
  });
}
const level1 = (r: OnCallRoster, iso: string) => whoIsOnCall(r, Date.parse(iso))[0]!.username;

describe('weekly rotation', () => {
  it.each([
    ['first week, just after the handover (08:00 CET = 07:00 UTC)', '2026-01-05T07:00:00Z', 'alice'],
    ['one minute before the first handover: the week before belongs to the last of the list', '2026-01-05T06:59:00Z', 'chloe'],
    ['end of the first week, Monday 07:59 Paris', '2026-01-12T06:59:59Z', 'alice'],
    ['second week at the handover instant', '2026-01-12T07:00:00Z', 'bruno'],
    ['third week, a Sunday night', '2026-01-25T22:00:00Z', 'chloe'],
    ['fourth week comes back to the first person', '2026-01-26T07:00:00Z', 'alice'],
  ])('%s', (_what, at, who) => {
    expect(level1(roster(), at)).toBe(who);
  });

  it('hands over at 08:00 Paris on both sides of the spring DST change (UTC 07:00, then 06:00)', () => {
    // DST starts Sunday 2026-03-29. Week of 2026-03-23 (CET) and of 2026-03-30 (CEST).
    // 2026-01-05 + 11 weeks = 2026-03-23: 11 % 3 = 2 → chloe; 2026-03-30 → alice.
    expect(level1(roster(), '2026-03-23T06:59:00Z')).toBe('bruno');
    expect(level1(roster(), '2026-03-23T07:00:00Z')).toBe('chloe');
    expect(level1(roster(), '2026-03-29T12:00:00Z')).toBe('chloe');
    expect(level1(roster(), '2026-03-30T05:59:00Z')).toBe('chloe');
    expect(level1(roster(), '2026-03-30T06:00:00Z')).toBe('alice');
  });

  it('hands over at 08:00 Paris across the autumn DST change (UTC 06:00, then 07:00)', () => {
    // DST ends Sunday 2026-10-25. 2026-10-19 is week 41 (41 % 3 = 2, chloe), 2026-10-26 week 42 (alice).
    expect(level1(roster(), '2026-10-19T06:00:00Z')).toBe('chloe');
    expect(level1(roster(), '2026-10-26T06:30:00Z')).toBe('chloe');
    expect(level1(roster(), '2026-10-26T07:00:00Z')).toBe('alice');
    expect(nextHandoverAt(roster().levels[1]!.rotation, Date.parse('2026-10-20T00:00:00Z'))).toBe(Date.parse('2026-10-26T07:00:00Z'));
  });

  it('lists levels in order whatever order they were saved in', () => {
    expect(whoIsOnCall(roster(), Date.parse('2026-01-06T12:00:00Z'))).toEqual([
      { rosterId: 'r1', rosterName: 'Éclairage Massy', level: 1, username: 'alice' },
      { rosterId: 'r1', rosterName: 'Éclairage Massy', level: 2, username: 'dora' },
    ]);
  });

  it('handover on another day and hour: Friday 18:00', () => {
    const friday = OnCallRoster.parse({
      ...roster(),
      levels: [{ level: 1, rotation: { users: ['alice', 'bruno'], handoverDay: 5, handoverTime: '18:00', startsOn: '2026-01-09' } }],
    });
    expect(level1(friday, '2026-01-09T16:59:00Z')).toBe('bruno');
    expect(level1(friday, '2026-01-09T17:00:00Z')).toBe('alice');
    expect(level1(friday, '2026-01-14T12:00:00Z')).toBe('alice');
    expect(level1(friday, '2026-01-16T17:00:00Z')).toBe('bruno');
  });
});

describe('exceptions', () => {
  const holiday: OnCallException = { type: 'cover', fromAt: '2026-01-01T00:00:00+01:00', toAt: '2026-01-07T00:00:00+01:00', username: 'eve', reason: 'jour férié' };
  const swap: OnCallException = { type: 'swap', fromAt: '2026-01-05T07:00:00Z', toAt: '2026-01-19T07:00:00Z', a: 'alice', b: 'bruno', reason: 'échange' };

  it('a cover replaces the rotation for its period only, end excluded', () => {
    expect(level1(roster([holiday]), '2026-01-06T12:00:00Z')).toBe('eve');
    expect(level1(roster([holiday]), '2026-01-06T23:00:00Z')).toBe('alice');
  });

  it('a swap exchanges two people both ways and leaves a third alone', () => {
    expect(level1(roster([swap]), '2026-01-06T12:00:00Z')).toBe('bruno');
    expect(level1(roster([swap]), '2026-01-13T12:00:00Z')).toBe('alice');
    expect(level1(roster([swap]), '2026-01-20T12:00:00Z')).toBe('chloe');
  });

  it('a cover wins over a swap whatever their order; among covers the last listed wins', () => {
    expect(level1(roster([holiday, swap]), '2026-01-06T12:00:00Z')).toBe('eve');
    expect(level1(roster([swap, holiday]), '2026-01-06T12:00:00Z')).toBe('eve');
    const second: OnCallException = { ...holiday, username: 'franck' };
    expect(level1(roster([holiday, second]), '2026-01-06T12:00:00Z')).toBe('franck');
  });

  it('an exception of level 1 does not touch level 2', () => {
    expect(whoIsOnCall(roster([holiday]), Date.parse('2026-01-06T12:00:00Z'))[1]!.username).toBe('dora');
  });
});

describe('coverage', () => {
  it.each([
    [['91377'], ['lighting-cabinet'], '91377', 'lighting-cabinet', true],
    [['91377'], ['lighting-cabinet'], '91377', 'camera', false],
    [['91377'], [], '91377', 'camera', true],
    [[], ['camera'], '91228', 'camera', true],
    [['91377'], [], '91228', 'camera', false],
  ] as const)('communes %j kinds %j covers %s %s: %s', (communes, kinds, commune, kind, covered) => {
    expect(rosterCovers({ ...roster(), communes: [...communes], kinds: [...kinds] }, commune, kind)).toBe(covered);
  });
});
