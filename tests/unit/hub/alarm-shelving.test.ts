import { beforeEach, describe, expect, it } from 'vitest';
import { AlarmBook, MAX_ALARM_COMMENTS } from '../../../electron/hub/alarms/alarm-book';
import { evaluateAsset, refreshStatus } from '../../../electron/hub/rules/evaluate';
import { ChangeSet } from '../../../electron/hub/store/change-set';
import { TerritoryState } from '../../../electron/hub/state/territory-state';
import { assetRecord } from '../../support/records';

const T0 = Date.parse('2026-11-23T18:00:00.000Z');
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const HOUR_MS = 3_600_000;

describe('shelving (EEMUA 191)', () => {
  let state: TerritoryState;
  let book: AlarmBook;
  const school = assetRecord('building', { metrics: { co2Ppm: 1800 } });

  beforeEach(() => {
    state = new TerritoryState();
    school.asset.metrics = { co2Ppm: 1800 };
    school.asset.status = 'ok';
    state.addAsset(school);
    book = new AlarmBook(state);
    evaluateAsset(school, state, book, iso(0), new ChangeSet());
  });

  const alarm = () => [...state.alarms.values()][0]!;
  const shelve = (untilMinutes = 60, nowMinutes = 1) =>
    book.shelve(alarm().id, 'operateur', 'Capteur en cours de remplacement', T0 + untilMinutes * 60_000, T0 + nowMinutes * 60_000, new ChangeSet());
  const evaluate = (co2Ppm: number, minutes: number) => {
    school.asset.metrics = { co2Ppm };
    evaluateAsset(school, state, book, iso(minutes), new ChangeSet());
  };

  it('sets the alarm aside with who, when, until when and why, and suppresses it on the map', () => {
    expect(school.asset.status).toBe('alarm');
    shelve();
    expect(alarm()).toMatchObject({ state: 'shelved', shelvedBy: 'operateur', shelvedAt: iso(1), shelvedUntil: iso(60), shelveReason: 'Capteur en cours de remplacement' });
    refreshStatus(school, state, book, iso(1), new ChangeSet());
    expect(school.asset.status).toBe('ok');
    expect(state.alarms.has(alarm().id)).toBe(true);
  });

  it('refuses an expiry in the past, beyond the maximum, or a second shelving, before changing anything', () => {
    expect(() => shelve(0, 1)).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => shelve(24 * 60 + 2, 1)).toThrow(expect.objectContaining({ code: 'alarm.shelve-too-long', details: { maxHours: 24 } }));
    expect(alarm().state).toBe('unacknowledged');
    shelve();
    expect(() => shelve()).toThrow(expect.objectContaining({ code: 'alarm.shelved', message: expect.stringContaining('déjà mise de côté par operateur') }));
  });

  it('takes its maximum from the setting', () => {
    const strict = new AlarmBook(state, { maxShelveH: 2 });
    expect(strict.maxShelveMs).toBe(2 * HOUR_MS);
    expect(() => strict.shelve(alarm().id, 'operateur', 'motif', T0 + 3 * HOUR_MS, T0, new ChangeSet())).toThrow(
      expect.objectContaining({ code: 'alarm.shelve-too-long', details: { maxHours: 2 } }),
    );
  });

  it('cannot be acknowledged while shelved', () => {
    shelve();
    expect(() => book.acknowledge(alarm().id, 'operateur', undefined, iso(2), new ChangeSet())).toThrow(expect.objectContaining({ code: 'alarm.shelved' }));
  });

  it('comes back unacknowledged at expiry when the condition still holds, even if acknowledged before', () => {
    book.acknowledge(alarm().id, 'operateur', undefined, iso(1), new ChangeSet());
    shelve(60, 2);
    expect(book.expireShelves(T0 + 59 * 60_000, new ChangeSet())).toEqual([]);
    const back = book.expireShelves(T0 + 60 * 60_000, new ChangeSet());
    expect(back.map((a) => a.id)).toEqual([alarm().id]);
    expect(alarm().state).toBe('unacknowledged');
    expect(alarm().shelvedBy).toBeUndefined();
  });

  it('comes back cleared-unacknowledged when the condition cleared while shelved', () => {
    shelve();
    evaluate(600, 10);
    expect(alarm()).toMatchObject({ state: 'shelved', clearedAt: iso(10) });
    book.expireShelves(T0 + 60 * 60_000, new ChangeSet());
    expect(alarm().state).toBe('cleared-unacknowledged');
  });

  it('stays one shelved alarm when its condition clears and returns meanwhile (no new alarm)', () => {
    shelve();
    const id = alarm().id;
    evaluate(600, 10);
    evaluate(1900, 20);
    expect(state.alarms.size).toBe(1);
    expect(alarm()).toMatchObject({ id, state: 'shelved', count: 2 });
    expect(alarm().clearedAt).toBeUndefined();
    expect(school.asset.status).toBe('ok');
  });

  it('is brought back by hand with unshelve; unshelving an alarm not shelved is refused', () => {
    expect(() => book.unshelve(alarm().id, new ChangeSet())).toThrow(expect.objectContaining({ code: 'alarm.not-shelved' }));
    shelve();
    book.unshelve(alarm().id, new ChangeSet());
    refreshStatus(school, state, book, iso(3), new ChangeSet());
    expect(alarm().state).toBe('unacknowledged');
    expect(school.asset.status).toBe('alarm');
  });

  it('keeps comments as a history besides the acknowledgement comment', () => {
    book.acknowledge(alarm().id, 'operateur', 'Fenêtres ouvertes', iso(1), new ChangeSet());
    book.comment(alarm().id, 'astreinte', 'Directrice prévenue', iso(5), new ChangeSet());
    book.comment(alarm().id, 'admin', 'Ventilation à contrôler', iso(6), new ChangeSet());
    expect(alarm().comment).toBe('Fenêtres ouvertes');
    expect(alarm().comments).toEqual([
      { by: 'astreinte', at: iso(5), text: 'Directrice prévenue' },
      { by: 'admin', at: iso(6), text: 'Ventilation à contrôler' },
    ]);
  });

  it('keeps at most MAX_ALARM_COMMENTS comments per alarm', () => {
    for (let i = 0; i < MAX_ALARM_COMMENTS; i++) book.comment(alarm().id, 'operateur', `n° ${i}`, iso(2), new ChangeSet());
    expect(() => book.comment(alarm().id, 'operateur', 'un de trop', iso(3), new ChangeSet())).toThrow(
      expect.objectContaining({ code: 'invalid', message: expect.stringContaining('main courante') }),
    );
    expect(alarm().comments).toHaveLength(MAX_ALARM_COMMENTS);
  });

  it('reloads a shelved alarm whose condition cleared as resting, revived by a return', () => {
    shelve();
    evaluate(600, 10);
    const reloaded = new AlarmBook(state);
    school.asset.metrics = { co2Ppm: 1900 };
    evaluateAsset(school, state, reloaded, iso(20), new ChangeSet());
    expect(state.alarms.size).toBe(1);
    expect(alarm()).toMatchObject({ state: 'shelved', count: 2 });
  });
});
