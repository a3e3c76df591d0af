import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parisInstant } from '../../../shared/calendar/paris-time';
import { parseSchoolHolidays } from '../../../shared/calendar/school-holidays';
import { HeatingProgramme } from '../../../shared/domain/schedules';
import { resolveHeating, type HolidayCalendar } from '../../../shared/schedules/heating-programme';

const holidays = parseSchoolHolidays(readFileSync('resources/calendar/vacances-scolaires.csv', 'utf8'));
const zoneB: HolidayCalendar = { zone: 'B', holidays };
const zoneC: HolidayCalendar = { zone: 'C', holidays };

/** A primary school: comfort from 06:30 on class days, Wednesday afternoons off, reduced nights. */
const school = HeatingProgramme.parse({
  setpoints: { comfort: 19, reduced: 16, frost: 8 },
  week: {
    mon: [{ from: '06:30', mode: 'comfort' }, { from: '17:00', mode: 'reduced' }],
    tue: [{ from: '06:30', mode: 'comfort' }, { from: '17:00', mode: 'reduced' }],
    wed: [{ from: '06:30', mode: 'comfort' }, { from: '12:30', mode: 'reduced' }],
    thu: [{ from: '06:30', mode: 'comfort' }, { from: '17:00', mode: 'reduced' }],
    fri: [{ from: '06:30', mode: 'comfort' }, { from: '17:00', mode: 'reduced' }],
    sat: [],
    sun: [],
  },
  daysOff: 'frost',
});

const at = (date: string, hhmm: string) => parisInstant(date, Number(hhmm.slice(0, 2)) + Number(hhmm.slice(3)) / 60);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('school heating programme', () => {
  it.each([
    ['a Monday morning in class', '2026-11-23', '08:00', zoneC, 'comfort', 19, undefined, '2026-11-23T16:00:00.000Z'],
    ['a Monday evening', '2026-11-23', '18:00', zoneC, 'reduced', 16, undefined, '2026-11-24T05:30:00.000Z'],
    ['a Wednesday afternoon', '2026-11-25', '14:00', zoneC, 'reduced', 16, undefined, '2026-11-26T05:30:00.000Z'],
    ['a Saturday, carried over from Friday evening', '2026-11-28', '10:00', zoneC, 'reduced', 16, undefined, '2026-11-30T05:30:00.000Z'],
    ['Armistice Day, a Wednesday', '2026-11-11', '10:00', zoneB, 'frost', 8, 'Armistice 1918', '2026-11-12T05:30:00.000Z'],
    ['Easter Monday', '2026-04-06', '10:00', zoneC, 'frost', 8, 'Lundi de Pâques', '2026-04-07T04:30:00.000Z'],
    ['Christmas holidays, until classes resume on 4 January', '2026-12-28', '10:00', zoneC, 'frost', 8, 'Vacances de Noël', '2027-01-04T05:30:00.000Z'],
    ['zone C in its February holidays', '2027-02-08', '10:00', zoneC, 'frost', 8, "Vacances d'hiver", '2027-02-22T05:30:00.000Z'],
    ['zone B in class the same day', '2027-02-08', '10:00', zoneB, 'comfort', 19, undefined, '2027-02-08T16:00:00.000Z'],
  ] as const)('%s', (_what, date, time, calendar, mode, celsius, dayOff, nextAt) => {
    const state = resolveHeating(school, at(date, time), calendar);
    expect(state).toMatchObject({ mode, celsius, dayOff });
    expect(iso(state.next?.atMs)).toBe(nextAt);
  });

  it('keeps wall-clock hours across the clock changes (last Sundays of March and October)', () => {
    // Sunday 29 March 2026, clocks go forward: Monday 06:30 is 04:30 UTC (CEST).
    expect(iso(resolveHeating(school, at('2026-03-29', '20:00'), zoneC).next?.atMs)).toBe('2026-03-30T04:30:00.000Z');
    // Friday 27 March, before the change: Friday 17:00 is 16:00 UTC (CET).
    expect(iso(resolveHeating(school, at('2026-03-27', '09:00'), zoneC).next?.atMs)).toBe('2026-03-27T16:00:00.000Z');
    // Sunday 25 October 2026, clocks go back, in the Toussaint holidays: the first class day
    // (Monday 2 November) starts at 06:30 CET = 05:30 UTC.
    expect(iso(resolveHeating(school, at('2026-10-25', '12:00'), zoneC).next?.atMs)).toBe('2026-11-02T05:30:00.000Z');
    // A period in the March gap (02:30 does not exist) starts when the clocks jump, 03:00 CEST.
    const night = HeatingProgramme.parse({ ...school, week: { ...school.week, sun: [{ from: '02:30', mode: 'comfort' }] } });
    expect(iso(resolveHeating(night, at('2026-03-28', '23:00'), zoneC).next?.atMs)).toBe('2026-03-29T01:00:00.000Z');
    expect(resolveHeating(night, Date.parse('2026-03-29T01:00:00Z'), zoneC).mode).toBe('comfort');
  });

  it('holds a temporary override until it ends, then gives the programme back', () => {
    const now = at('2026-11-23', '18:00');
    const state = resolveHeating(school, now, zoneC, { celsius: 20.5, untilMs: now + 2 * 3_600_000 });
    expect(state).toMatchObject({ mode: 'override', celsius: 20.5, next: { atMs: now + 2 * 3_600_000, mode: 'reduced', celsius: 16 } });
    expect(resolveHeating(school, now + 2 * 3_600_000, zoneC, { celsius: 20.5, untilMs: now + 2 * 3_600_000 }).mode).toBe('reduced');
  });

  it.each([
    [{ setpoints: { comfort: 15, reduced: 16, frost: 8 } }, 'hors-gel ≤ réduit ≤ confort'],
    [{ week: { ...school.week, mon: [{ from: '17:00', mode: 'reduced' }, { from: '06:30', mode: 'comfort' }] } }, 'dans l’ordre des heures'],
    [{ week: { ...school.week, tue: [{ from: '25:00', mode: 'comfort' }] } }, 'HH:MM'],
  ])('refuses an inconsistent programme in French (%#)', (change, message) => {
    const result = HeatingProgramme.safeParse({ ...school, ...change });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});
