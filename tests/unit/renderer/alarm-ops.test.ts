import { describe, expect, it } from 'vitest';
import type { AcknowledgeOutcome } from '../../../shared';
import { summariseOutcomes } from '../../../renderer/alarms/acknowledge-outcomes';
import { AlarmBook } from '../../../renderer/state/alarm-book';
import { alarm } from './fixtures';
import { translate, type I18n, type Locale } from '../../../renderer/i18n';

function i18nIn(locale: Locale): I18n {
  return { locale, setLocale: () => undefined, t: (key, params) => translate(locale, key, params) };
}

function outcomes(groups: Array<[AcknowledgeOutcome['outcome'], number, string?]>): AcknowledgeOutcome[] {
  let n = 0;
  return groups.flatMap(([outcome, count, by]) => Array.from({ length: count }, () => ({ alarmId: `a${(n += 1)}`, outcome, ...(by ? { by } : {}) })));
}

describe('the summary of a bulk acknowledgement', () => {
  it('counts what was acknowledged and who was first for the rest, in French', () => {
    const reply = outcomes([
      ['acknowledged', 12],
      ['already-acknowledged', 2, 'operateur'],
    ]);
    expect(summariseOutcomes(reply, i18nIn('fr'))).toBe('12 acquittées, 2 déjà acquittées par operateur');
  });

  it('uses the singular for one, groups per person, and names shelved and unknown alarms', () => {
    const reply = outcomes([
      ['acknowledged', 1],
      ['already-acknowledged', 1, 'astreinte'],
      ['already-acknowledged', 3, 'operateur'],
      ['shelved', 2],
      ['not-found', 1],
    ]);
    expect(summariseOutcomes(reply, i18nIn('fr'))).toBe(
      '1 acquittée, 1 déjà acquittée par astreinte, 3 déjà acquittées par operateur, 2 mises de côté (à réintégrer d’abord), 1 introuvable',
    );
  });

  it('formats large counts the French way', () => {
    expect(summariseOutcomes(outcomes([['acknowledged', 1500]]), i18nIn('fr'))).toMatch(/^1\s500 acquittées$/);
  });

  it('says so when nothing came back, and speaks English when asked', () => {
    expect(summariseOutcomes([], i18nIn('fr'))).toBe('Aucune alarme à acquitter');
    expect(summariseOutcomes(outcomes([['acknowledged', 2], ['already-acknowledged', 1]]), i18nIn('en'))).toBe('2 acknowledged, 1 already acknowledged');
  });
});

describe('shelved alarms in the console', () => {
  it('keeps shelved alarms off the list but counts them, and puts them back when unshelved', () => {
    const book = new AlarmBook();
    book.replaceAll([
      alarm({ id: 'a1', assetId: 'b-1', raisedAt: '2025-11-23T09:00:00Z' }),
      alarm({ id: 'a2', assetId: 'b-2', raisedAt: '2025-11-23T09:30:00Z', state: 'shelved', shelvedBy: 'operateur', shelveReason: 'capteur HS' }),
    ]);
    expect(book.active().map((a) => a.id)).toEqual(['a1']);
    expect(book.shelved().map((a) => a.id)).toEqual(['a2']);
    expect(book.activeCounts()).toEqual({ active: 1, unacknowledged: 1 });

    book.apply(alarm({ id: 'a1', assetId: 'b-1', raisedAt: '2025-11-23T09:00:00Z', state: 'shelved' }));
    book.apply(alarm({ id: 'a2', assetId: 'b-2', raisedAt: '2025-11-23T09:30:00Z', state: 'unacknowledged' }));
    expect(book.active().map((a) => a.id)).toEqual(['a2']);
    expect(book.shelved().map((a) => a.id)).toEqual(['a1']);

    book.apply(alarm({ id: 'a1', assetId: 'b-1', state: 'cleared' }));
    expect(book.shelved()).toEqual([]);
  });
});
