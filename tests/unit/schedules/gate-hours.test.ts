import { describe, expect, it } from 'vitest';
import { parisInstant } from '../../../shared/calendar/paris-time';
import { GateHours } from '../../../shared/domain/schedules';
import { resolveGate } from '../../../shared/schedules/gate-hours';

const at = (date: string, hhmm: string) => parisInstant(date, Number(hhmm.slice(0, 2)) + Number(hhmm.slice(3)) / 60);

/** A communal cemetery: 8:00–19:00 from April, 8:00–17:30 from November; earlier on All Saints' Day. */
const cemetery = GateHours.parse({
  seasons: [
    { from: '04-01', label: 'Horaires d’été', open: '08:00', close: '19:00' },
    { from: '11-01', label: 'Horaires d’hiver', open: '08:00', close: '17:30' },
  ],
  exceptions: [
    { date: '2026-11-01', label: 'Toussaint', open: '07:30', close: '19:00' },
    { date: '2026-12-25', label: 'Noël', closed: true },
  ],
});

describe('cemetery gate hours', () => {
  it.each([
    ['a summer evening, still open', '2026-06-15', '18:30', 'open', 'Horaires d’été', '2026-06-15', '19:00'],
    ['a summer night', '2026-06-15', '21:00', 'closed', 'Horaires d’été', '2026-06-16', '08:00'],
    ['a winter afternoon past closing', '2026-11-23', '18:00', 'closed', 'Horaires d’hiver', '2026-11-24', '08:00'],
    ['a winter afternoon before closing', '2026-11-23', '16:00', 'open', 'Horaires d’hiver', '2026-11-23', '17:30'],
    ['January, in the winter season across new year', '2027-01-10', '12:00', 'open', 'Horaires d’hiver', '2027-01-10', '17:30'],
    ['All Saints’ Day, open early and late', '2026-11-01', '07:45', 'open', 'Toussaint', '2026-11-01', '19:00'],
    ['Christmas Eve evening: next opening skips Christmas', '2026-12-24', '18:00', 'closed', 'Horaires d’hiver', '2026-12-26', '08:00'],
    ['Christmas Day', '2026-12-25', '10:00', 'closed', 'Noël', '2026-12-26', '08:00'],
  ] as const)('%s', (_what, date, time, position, hoursLabel, nextDate, nextTime) => {
    const state = resolveGate(cemetery, at(date, time));
    expect(state).toMatchObject({ position, hoursLabel });
    expect(state.next?.atMs).toBe(at(nextDate, nextTime));
  });

  it('keeps wall-clock hours on the night the clocks go back', () => {
    // Sunday 25 October 2026: still summer hours, closing at 19:00 CET = 18:00 UTC.
    expect(resolveGate(cemetery, at('2026-10-25', '12:00')).next?.atMs).toBe(Date.parse('2026-10-25T18:00:00Z'));
  });

  it('refuses hours that close before they open, in French', () => {
    const result = GateHours.safeParse({ seasons: [{ from: '01-01', label: 'x', open: '19:00', close: '08:00' }], exceptions: [] });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('l’ouverture doit précéder la fermeture');
  });
});
