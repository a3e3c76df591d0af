import { beforeEach, describe, expect, it } from 'vitest';
import { AlarmBook } from '../../../electron/hub/alarms/alarm-book';
import { ChatterWatch, withinChatterWindow } from '../../../electron/hub/alarms/chattering';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import { assetRecord } from '../../support/records';

const T0 = Date.parse('2026-11-23T18:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

describe('chatter watch', () => {
  it.each([
    // raise times (s) → raises counted in the window at the last one, chattering?
    [[0], 1, false],
    [[0, 20], 2, false],
    [[0, 20, 40], 3, true],
    [[0, 20, 59], 3, true],
    [[0, 30, 61], 2, false], // the first left the 60 s window
    [[0, 70, 140], 1, false],
    [[0, 10, 20, 30], 4, true],
  ])('raises at %j s: %i in the window, chattering %s', (times, count, chattering) => {
    const watch = new ChatterWatch();
    let last = 0;
    for (const t of times) last = watch.noteRaise('bin|bin.full', T0 + t * 1000);
    expect(last).toBe(count);
    expect(watch.isChattering(last)).toBe(chattering);
  });

  it.each([
    [at(0), T0 + 30_000, true],
    [at(0), T0 + 60_000, true],
    [at(0), T0 + 61_000, false],
    [undefined, T0, false],
  ])('cleared at %s is within the window at %i: %s', (clearedAt, atMs, within) => {
    expect(withinChatterWindow(clearedAt, atMs)).toBe(within);
  });
});

describe('chattering alarms', () => {
  let state: TerritoryState;
  let book: AlarmBook;
  const bin = assetRecord('waste-container');
  const raise = (s: number) => book.raise(bin, 'bin.full', 'medium', 'Conteneur plein', at(s), new ChangeSet())!;
  const clear = (s: number) => book.clear(bin.asset.id, 'bin.full', at(s), new ChangeSet());

  beforeEach(() => {
    state = new TerritoryState();
    state.addAsset(bin);
    book = new AlarmBook(state, { chatterSettleS: 60 });
  });

  it('folds 3 raise/clear cycles within a minute into one alarm flagged chattering', () => {
    const first = raise(0);
    clear(10);
    const second = raise(20);
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ state: 'unacknowledged', cycles: 2 });
    expect(second.chattering).toBeUndefined();
    clear(30);
    const third = raise(40);
    expect(third.id).toBe(first.id);
    expect(third).toMatchObject({ cycles: 3, chattering: true, state: 'unacknowledged' });
    expect([...state.alarms.values()].filter((a) => a.condition === 'bin.full')).toHaveLength(1);
  });

  it('keeps a chattering alarm active until its condition stayed clear for the settle time', () => {
    raise(0);
    clear(5);
    raise(10);
    clear(15);
    const alarm = raise(20);
    clear(25);
    // Still on the list, though the rules see the condition as not holding (hysteresis stays right).
    expect(alarm.state).toBe('unacknowledged');
    expect(alarm.clearedAt).toBeUndefined();
    expect(book.isActive(bin.asset.id, 'bin.full')).toBe(false);
    expect(book.settleChattering(T0 + 60_000, new ChangeSet())).toEqual([]);
    // Back before it settled: one more cycle of the same alarm.
    expect(raise(70).cycles).toBe(4);
    clear(80);
    expect(book.settleChattering(T0 + 139_000, new ChangeSet())).toEqual([]);
    const settled = book.settleChattering(T0 + 140_000, new ChangeSet());
    expect(settled.map((a) => a.id)).toEqual([alarm.id]);
    expect(alarm).toMatchObject({ state: 'cleared-unacknowledged', clearedAt: at(140) });
  });

  it('reopens an acknowledged alarm that cleared moments ago as unacknowledged', () => {
    const alarm = raise(0);
    book.acknowledge(alarm.id, 'operateur', undefined, at(2), new ChangeSet());
    clear(5);
    expect(state.alarms.has(alarm.id)).toBe(false);
    const again = raise(15);
    expect(again.id).toBe(alarm.id);
    expect(again.state).toBe('unacknowledged');
    expect(again.acknowledgedBy).toBeUndefined();
    expect(state.alarms.get(alarm.id)).toBe(again);
  });

  it('raises a new alarm once the condition stayed clear longer than the window (the first acknowledged, off the list)', () => {
    const first = raise(0);
    book.acknowledge(first.id, 'operateur', undefined, at(5), new ChangeSet());
    clear(10);
    const second = raise(75);
    expect(second.id).not.toBe(first.id);
    expect(second.cycles).toBeUndefined();
  });

  it('journals a reopened alarm as an update of the same alarm', () => {
    raise(0);
    clear(10);
    const changes = new ChangeSet();
    const alarm = book.raise(bin, 'bin.full', 'medium', 'Conteneur plein', at(20), changes)!;
    const { events } = changes.drain();
    expect(events.map((e) => e.body.type)).toEqual(['alarm.updated']);
    expect(events[0]!.body).toMatchObject({ alarm: { id: alarm.id, cycles: 2 } });
  });
});
