import { describe, expect, it } from 'vitest';
import type { Alarm, AlarmPriority, AlarmState } from '../../../shared/domain/alarms';
import type { Command, CommandState } from '../../../shared/domain/commands';
import type { LogbookEntry } from '../../../shared/domain/logbook';
import { assembleHandover, shiftRange, type HandoverSources } from '../../../electron/hub/logbook/handover';

const alarm = (id: string, state: AlarmState, priority: AlarmPriority, raisedAt: string, extra: Partial<Alarm> = {}): Alarm => ({
  id,
  assetId: `asset-${id}`,
  commune: '91377',
  condition: 'fill.high',
  priority,
  state,
  message: `alarme ${id}`,
  raisedAt,
  lastAt: raisedAt,
  count: 1,
  ...extra,
});
const command = (id: string, state: CommandState, requestedAt: string): Command => ({
  id,
  assetId: 'sch-1',
  commune: '91377',
  type: 'heating.setpoint',
  params: { celsius: 19 },
  state,
  requestedBy: 'operateur',
  requestedAt,
  updatedAt: requestedAt,
  history: [{ state, at: requestedAt }],
});
const entry = (id: string, at: string): LogbookEntry => ({ id, at, author: 'operateur', kind: 'note', text: id, links: [] });

const sources = (overrides: Partial<HandoverSources> = {}): HandoverSources => ({
  from: '2026-11-22T19:00:00.000Z',
  to: '2026-11-23T07:00:00.000Z',
  generatedAt: '2026-11-23T07:00:01.000Z',
  keptAlarms: [],
  pendingCommands: [],
  acknowledgedInShift: [],
  commandsInShift: [],
  entriesInShift: [],
  ...overrides,
});

describe('shift handover assembly', () => {
  it('sorts open alarms into what nobody acknowledged, what is acknowledged and what is shelved', () => {
    const handover = assembleHandover(
      sources({
        keptAlarms: [
          alarm('low-new', 'unacknowledged', 'low', '2026-11-23T06:00:00Z'),
          alarm('crit-old', 'unacknowledged', 'critical', '2026-11-22T20:00:00Z'),
          alarm('cleared-unacked', 'cleared-unacknowledged', 'high', '2026-11-23T01:00:00Z'),
          alarm('acked', 'acknowledged', 'medium', '2026-11-23T02:00:00Z'),
          alarm('shelved-late', 'shelved', 'high', '2026-11-23T03:00:00Z', { shelvedUntil: '2026-11-23T12:00:00Z' }),
          alarm('shelved-soon', 'shelved', 'low', '2026-11-23T04:00:00Z', { shelvedUntil: '2026-11-23T08:00:00Z' }),
        ],
      }),
    );
    // Most urgent first: priority, then the newest.
    expect(handover.open.unacknowledged.map((a) => a.id)).toEqual(['crit-old', 'cleared-unacked', 'low-new']);
    expect(handover.open.acknowledged.map((a) => a.id)).toEqual(['acked']);
    // The one coming back first is the next team's first concern.
    expect(handover.open.shelved.map((a) => a.id)).toEqual(['shelved-soon', 'shelved-late']);
  });

  it('lists what was done: acknowledgements and commands newest first, the log oldest first', () => {
    const handover = assembleHandover(
      sources({
        acknowledgedInShift: [
          alarm('a1', 'cleared', 'low', '2026-11-22T20:00:00Z', { acknowledgedAt: '2026-11-22T21:00:00Z' }),
          alarm('a2', 'acknowledged', 'low', '2026-11-22T20:00:00Z', { acknowledgedAt: '2026-11-23T05:00:00Z' }),
        ],
        commandsInShift: [command('c-old', 'confirmed', '2026-11-22T22:00:00Z'), command('c-new', 'failed', '2026-11-23T04:00:00Z')],
        pendingCommands: [command('c-pending', 'queued', '2026-11-23T06:30:00Z')],
        entriesInShift: [entry('late', '2026-11-23T06:00:00Z'), entry('early', '2026-11-22T19:30:00Z')],
      }),
    );
    expect(handover.done.acknowledgements.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(handover.done.commands.map((c) => [c.id, c.state])).toEqual([['c-new', 'failed'], ['c-old', 'confirmed']]);
    expect(handover.open.pendingCommands.map((c) => c.id)).toEqual(['c-pending']);
    expect(handover.done.entries.map((e) => e.id)).toEqual(['early', 'late']);
    expect(handover.totals).toEqual({ unacknowledged: 0, acknowledged: 0, shelved: 0, pendingCommands: 1, acknowledgements: 2, commands: 2, entries: 2 });
  });

  it('cuts each list at the cap, keeping the most urgent open items and the latest entries, and counts them all', () => {
    const entries = Array.from({ length: 5 }, (_, i) => entry(`e${i}`, `2026-11-23T0${i}:00:00Z`));
    const alarms = Array.from({ length: 5 }, (_, i) => alarm(`u${i}`, 'unacknowledged', i === 4 ? 'critical' : 'low', `2026-11-23T0${i}:00:00Z`));
    const handover = assembleHandover(sources({ entriesInShift: entries, keptAlarms: alarms }), 2);
    expect(handover.done.entries.map((e) => e.id)).toEqual(['e3', 'e4']);
    expect(handover.open.unacknowledged.map((a) => a.id)).toEqual(['u4', 'u3']);
    expect(handover.totals).toMatchObject({ entries: 5, unacknowledged: 5 });
  });
});

describe('shift range', () => {
  const now = Date.parse('2026-11-23T07:00:00Z');

  it.each<[{ from?: string; to?: string }, string, string, string]>([
    [{}, '2026-11-22T19:00:00.001Z', '2026-11-23T07:00:00.001Z', 'the last 12 h by default, now included'],
    [{ to: '2026-11-23T19:00:00+01:00' }, '2026-11-23T06:00:00.000Z', '2026-11-23T18:00:00.000Z', '12 h before the end given'],
    [{ from: '2026-11-23T00:00:00Z' }, '2026-11-23T00:00:00.000Z', '2026-11-23T07:00:00.001Z', 'from a start to now'],
  ])('%j → %s – %s (%s)', (request, from, to, _why) => {
    const range = shiftRange(request, now);
    expect('error' in range).toBe(false);
    if ('error' in range) return;
    expect([new Date(range.fromMs).toISOString(), new Date(range.toMs).toISOString()]).toEqual([from, to]);
  });

  it.each([
    [{ from: '2026-11-23T08:00:00Z' }, /suivre son début/],
    [{ from: '2026-10-01T00:00:00Z' }, /31 jours/],
  ])('refuses %j', (request, message) => {
    const range = shiftRange(request, now);
    expect('error' in range && range.error).toMatch(message);
  });
});
