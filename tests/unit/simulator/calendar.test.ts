import { describe, expect, it } from 'vitest';
import { createSchoolCalendar, loadHolidays, publicHolidays } from '../../../electron/hub/simulator/calendar';
import { parisInstant, parisTime } from '../../../electron/hub/simulator/clock';

const holidays = loadHolidays();
const zoneC = createSchoolCalendar('C', holidays);
const zoneB = createSchoolCalendar('B', holidays);
const inClass = (calendar: typeof zoneC, date: string, hour: number): boolean => {
  const local = parisTime(parisInstant(date, hour));
  return calendar.inClass(local.date, local.weekday, local.hour);
};

describe('school calendar', () => {
  it('reads the national holiday table shipped in resources/calendar', () => {
    expect(holidays.length).toBeGreaterThan(20);
  });

  it.each([
    ['a Tuesday morning', '2026-01-13', 10, true],
    ['a Tuesday at lunch', '2026-01-13', 12.5, false],
    ['a Tuesday afternoon', '2026-01-13', 14.5, true],
    ['a Tuesday night', '2026-01-13', 3, false],
    ['a Wednesday morning', '2026-01-14', 10, true],
    ['a Wednesday afternoon', '2026-01-14', 14.5, false],
    ['a Saturday', '2026-01-17', 10, false],
    ['winter holidays, zone C', '2026-02-24', 10, false],
    ['Ascension Thursday', '2026-05-14', 10, false],
    ['summer holidays', '2026-07-15', 10, false],
    ['the last unfixed summer (2027) until 1 September', '2027-08-31', 10, false],
  ])('%s (%s %f h) in class: %s', (_label, date, hour, expected) => {
    expect(inClass(zoneC, date, hour)).toBe(expected);
  });

  it('follows each zone: 2 March 2026 is a school day in zone B, still holidays in zone C', () => {
    expect(inClass(zoneB, '2026-03-02', 10)).toBe(true);
    expect(inClass(zoneC, '2026-03-02', 10)).toBe(false);
  });

  it('knows the moveable public holidays (Easter 2026 is 5 April)', () => {
    const days = publicHolidays(2026);
    expect(days).toContain('2026-04-06'); // Easter Monday
    expect(days).toContain('2026-05-14'); // Ascension
    expect(days).toContain('2026-05-25'); // Whit Monday
    expect(days.size).toBe(11);
  });
});
