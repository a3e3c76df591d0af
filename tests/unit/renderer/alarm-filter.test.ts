import { describe, expect, it } from 'vitest';
import type { AssetKind } from '../../../shared';
import { activeCriteria, filterAlarms, NO_FILTER, sortAlarms, type AlarmContext, type AlarmFilter } from '../../../renderer/alarms/alarm-filter';
import { alarm } from './fixtures';

const ASSETS: Record<string, { name: string; kind: AssetKind; lon: number; lat: number }> = {
  'cab-1': { name: 'Armoire Rue de la Gare', kind: 'lighting-cabinet', lon: 2.3, lat: 48.7 },
  'bin-1': { name: 'Conteneur Place de l’Église', kind: 'waste-container', lon: 2.25, lat: 48.73 },
  'sch-1': { name: 'École Jules-Ferry', kind: 'building', lon: 2.1, lat: 48.4 },
};
const COMMUNES: Record<string, string> = { '91377': 'Massy', '91228': 'Évry-Courcouronnes', '91174': 'Corbeil-Essonnes' };
const context: AlarmContext = { asset: (id) => ASSETS[id], communeName: (code) => COMMUNES[code] ?? code };

// Newest first, as the store gives them.
const list = [
  alarm({ id: 'a1', assetId: 'cab-1', commune: '91377', priority: 'high', message: 'Départ d’éclairage en défaut', raisedAt: '2025-11-23T10:05:00.000Z' }),
  alarm({ id: 'a2', assetId: 'bin-1', commune: '91377', priority: 'medium', state: 'acknowledged', message: 'Conteneur plein : 93 %', raisedAt: '2025-11-23T10:04:00.000Z' }),
  alarm({ id: 'a3', assetId: 'sch-1', commune: '91228', priority: 'critical', state: 'cleared-unacknowledged', message: 'Intrusion', raisedAt: '2025-11-23T10:03:00.000Z' }),
  alarm({ id: 'a4', assetId: 'gone', commune: '91174', priority: 'low', message: 'Batterie faible : 8 %', raisedAt: '2025-11-23T10:02:00.000Z' }),
  alarm({ id: 'a5', assetId: 'cab-1', commune: '91377', priority: 'critical', message: 'Défaut signalé', raisedAt: '2025-11-23T10:01:00.000Z' }),
];
const ids = (alarms: readonly { id: string }[]) => alarms.map((a) => a.id);
const only = (change: Partial<AlarmFilter>) => ids(filterAlarms(list, { ...NO_FILTER, ...change }, context));

describe('filtering the alarm list', () => {
  it('no criterion keeps every alarm, in the order given', () => {
    expect(only({})).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it.each([
    ['priority', { priorities: new Set(['critical'] as const) }, ['a3', 'a5']],
    ['several priorities', { priorities: new Set(['critical', 'low'] as const) }, ['a3', 'a4', 'a5']],
    ['waiting for acknowledgement (cleared-unacknowledged included)', { state: 'pending' as const }, ['a1', 'a3', 'a4', 'a5']],
    ['acknowledged', { state: 'acknowledged' as const }, ['a2']],
    ['kind', { kinds: new Set(['lighting-cabinet'] as const) }, ['a1', 'a5']],
    ['commune', { communes: new Set(['91377']) }, ['a1', 'a2', 'a5']],
    ['map view', { bounds: [2.2, 48.6, 2.4, 48.8] as const }, ['a1', 'a2', 'a5']],
    ['text in the asset name, without accents', { text: 'ecole' }, ['a3']],
    ['text in the message', { text: 'plein' }, ['a2']],
    ['text in the commune name', { text: 'massy' }, ['a1', 'a2', 'a5']],
    ['every word of the text', { text: 'armoire défaut' }, ['a1', 'a5']],
    ['criteria combined', { priorities: new Set(['critical'] as const), state: 'pending' as const, communes: new Set(['91377']) }, ['a5']],
  ])('by %s', (_name, change, expected) => {
    expect(only(change as Partial<AlarmFilter>)).toEqual(expected);
  });

  it('an alarm whose asset the console does not know is dropped by a kind or map filter, kept otherwise', () => {
    expect(only({ kinds: new Set(['building'] as const) })).not.toContain('a4');
    expect(only({ bounds: [-180, -90, 180, 90] })).not.toContain('a4');
    expect(only({ communes: new Set(['91174']) })).toEqual(['a4']);
  });

  it('counts the criteria that narrow the list', () => {
    expect(activeCriteria(NO_FILTER)).toBe(0);
    expect(activeCriteria({ ...NO_FILTER, text: '  ', priorities: new Set(['high']), bounds: [0, 0, 1, 1] })).toBe(2);
  });
});

describe('sorting the alarm list', () => {
  const communeName = context.communeName;

  it('by time keeps the store’s order, newest first', () => {
    expect(ids(sortAlarms(list, 'time', communeName))).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('by priority, then newest first within a priority', () => {
    expect(ids(sortAlarms(list, 'priority', communeName))).toEqual(['a3', 'a5', 'a1', 'a2', 'a4']);
  });

  it('by commune name in French order (É sorts with E), then newest first', () => {
    expect(ids(sortAlarms(list, 'commune', communeName))).toEqual(['a4', 'a3', 'a1', 'a2', 'a5']);
  });

  it('does not reorder the list it was given', () => {
    sortAlarms(list, 'priority', communeName);
    expect(ids(list)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });
});
