import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { easterSunday, publicHolidayNames, publicHolidayOn } from '../../../shared/calendar/public-holidays';
import { parseSchoolHolidays, schoolDayOff, schoolZoneOf } from '../../../shared/calendar/school-holidays';

const holidays = parseSchoolHolidays(readFileSync('resources/calendar/vacances-scolaires.csv', 'utf8'));

describe('French public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i is on %s', (year, date) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(date);
  });

  it('has eleven days, the moving ones following Easter', () => {
    const days = publicHolidayNames(2026);
    expect(days.size).toBe(11);
    expect(days.get('2026-04-06')).toBe('Lundi de Pâques');
    expect(days.get('2026-05-14')).toBe('Ascension');
    expect(days.get('2026-05-25')).toBe('Lundi de Pentecôte');
    expect(publicHolidayOn('2026-11-11')).toBe('Armistice 1918');
    expect(publicHolidayOn('2026-11-12')).toBeUndefined();
  });
});

describe('school days by zone', () => {
  it('knows the zones of our départements', () => {
    expect(schoolZoneOf('91228')).toBe('C');
    expect(schoolZoneOf('29019')).toBe('B');
    expect(schoolZoneOf('35238')).toBe('B');
  });

  it.each([
    ['2026-11-23', 1, 'C', undefined],
    ['2026-11-21', 6, 'C', 'Week-end'],
    ['2026-11-11', 3, 'B', 'Armistice 1918'],
    ['2026-07-20', 1, 'B', "Vacances d'été"],
  ] as const)('%s (weekday %i, zone %s) is off for: %s', (date, weekday, zone, reason) => {
    expect(schoolDayOff(date, weekday, zone, holidays)).toBe(reason);
  });

  it('follows each zone’s winter holidays, which differ between B and C', () => {
    const winter = (zone: 'B' | 'C') => holidays.find((h) => h.zone === zone && /hiver/i.test(h.name) && h.firstDayOff.startsWith('2027'));
    const b = winter('B')!;
    const c = winter('C')!;
    expect(b.firstDayOff).not.toBe(c.firstDayOff);
    const monday = (saturday: string) => new Date(Date.parse(`${saturday}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(schoolDayOff(monday(b.firstDayOff), 1, 'B', holidays)).toBe(b.name);
    expect(schoolDayOff(monday(b.firstDayOff), 1, 'C', holidays)).toBeUndefined();
  });
});
