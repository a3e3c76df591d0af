import { beforeEach, describe, expect, it } from 'vitest';
import { AlarmBook } from '../../../electron/hub/alarms/alarm-book';
import { HubError } from '../../../electron/hub/errors';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import { assetRecord } from '../../support/records';

describe('alarm lifecycle (ISA-18.2)', () => {
  let state: TerritoryState;
  let book: AlarmBook;
  const cabinet = assetRecord('lighting-cabinet');

  beforeEach(() => {
    state = new TerritoryState();
    state.addAsset(cabinet);
    book = new AlarmBook(state);
  });

  const raise = (at = '2026-11-23T18:00:00.000Z') =>
    book.raise(cabinet, 'cabinet.fault', 'high', 'Défaut', at, new ChangeSet())!;

  it('updates the active alarm on a repeat instead of raising a second one', () => {
    const first = raise();
    const again = raise('2026-11-23T18:01:00.000Z');
    expect(again.id).toBe(first.id);
    expect(again.count).toBe(2);
    expect(again.lastAt).toBe('2026-11-23T18:01:00.000Z');
    expect(state.alarms.size).toBe(1);
  });

  it('acknowledged then cleared leaves the list', () => {
    const alarm = raise();
    book.acknowledge(alarm.id, 'operateur', '  équipe prévenue ', '2026-11-23T18:05:00.000Z', new ChangeSet());
    expect(alarm).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'operateur', comment: 'équipe prévenue' });
    book.clear(cabinet.asset.id, 'cabinet.fault', '2026-11-23T18:10:00.000Z', new ChangeSet());
    expect(alarm.state).toBe('cleared');
    expect(state.alarms.has(alarm.id)).toBe(false);
  });

  it('cleared before anyone acknowledged stays on the list as cleared-unacknowledged', () => {
    const alarm = raise();
    book.clear(cabinet.asset.id, 'cabinet.fault', '2026-11-23T18:10:00.000Z', new ChangeSet());
    expect(alarm.state).toBe('cleared-unacknowledged');
    expect(state.alarms.has(alarm.id)).toBe(true);
    book.acknowledge(alarm.id, 'astreinte', undefined, '2026-11-23T18:12:00.000Z', new ChangeSet());
    expect(alarm.state).toBe('cleared');
    expect(state.alarms.has(alarm.id)).toBe(false);
  });

  it('raises a new alarm when the condition returns after it was acknowledged and cleared', () => {
    const first = raise();
    book.acknowledge(first.id, 'operateur', undefined, '2026-11-23T18:05:00.000Z', new ChangeSet());
    book.clear(cabinet.asset.id, 'cabinet.fault', '2026-11-23T18:10:00.000Z', new ChangeSet());
    const second = raise('2026-11-23T18:20:00.000Z');
    expect(second.id).not.toBe(first.id);
    expect(second.count).toBe(1);
  });

  it('brings back an alarm still on the list cleared-unacknowledged when its condition returns, instead of listing a second one', () => {
    const first = raise();
    book.clear(cabinet.asset.id, 'cabinet.fault', '2026-11-23T18:10:00.000Z', new ChangeSet());
    const changes = new ChangeSet();
    const back = book.raise(cabinet, 'cabinet.fault', 'high', 'Défaut revenu', '2026-11-23T18:20:00.000Z', changes)!;
    expect(back.id).toBe(first.id);
    expect(back).toMatchObject({ state: 'unacknowledged', count: 2, cycles: 2, message: 'Défaut revenu', lastAt: '2026-11-23T18:20:00.000Z' });
    expect(back.clearedAt).toBeUndefined();
    expect(back.chattering).toBeUndefined();
    expect(state.alarms.size).toBe(1);
    expect(book.isActive(cabinet.asset.id, 'cabinet.fault')).toBe(true);
    // Acknowledged and cleared, it leaves the list; the next return is a new alarm.
    book.acknowledge(back.id, 'operateur', undefined, '2026-11-23T18:21:00.000Z', new ChangeSet());
    book.clear(cabinet.asset.id, 'cabinet.fault', '2026-11-23T18:30:00.000Z', new ChangeSet());
    expect(raise('2026-11-23T18:40:00.000Z').id).not.toBe(first.id);
  });

  it('a hub restarted with a cleared-unacknowledged alarm brings that one back too', () => {
    const first = raise();
    book.clear(cabinet.asset.id, 'cabinet.fault', '2026-11-23T18:10:00.000Z', new ChangeSet());
    const restarted = new AlarmBook(state);
    const back = restarted.raise(cabinet, 'cabinet.fault', 'high', 'Défaut', '2026-11-23T18:20:00.000Z', new ChangeSet())!;
    expect(back.id).toBe(first.id);
    expect(state.alarms.size).toBe(1);
  });

  it('refuses to acknowledge twice, and an unknown alarm, with stable codes', () => {
    const alarm = raise();
    book.acknowledge(alarm.id, 'operateur', undefined, '2026-11-23T18:05:00.000Z', new ChangeSet());
    expect(() => book.acknowledge(alarm.id, 'admin', undefined, '2026-11-23T18:06:00.000Z', new ChangeSet())).toThrow(
      expect.objectContaining({ code: 'alarm.not-active' }),
    );
    expect(() => book.acknowledge('al-nope', 'admin', undefined, '2026-11-23T18:06:00.000Z', new ChangeSet())).toThrow(HubError);
  });

  it('records each transition in the change set as one journal event', () => {
    const changes = new ChangeSet();
    const alarm = book.raise(cabinet, 'cabinet.fault', 'high', 'Défaut', '2026-11-23T18:00:00.000Z', changes)!;
    book.acknowledge(alarm.id, 'operateur', undefined, '2026-11-23T18:00:01.000Z', changes);
    const { events } = changes.drain();
    expect(events).toHaveLength(1);
    expect(events[0]!.body).toMatchObject({ type: 'alarm.raised', alarm: { state: 'acknowledged' } });
  });
});
