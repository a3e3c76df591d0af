import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatDateTime, formatNumber, formatQuantity, formatTime, parseDecimal } from '../../../renderer/i18n';
import { translate } from '../../../renderer/i18n';

/** French groups thousands with a narrow no-break space and puts a no-break space before units. */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('French number formats', () => {
  it.each([
    [19.5, 1, '°C', `19,5${NBSP}°C`],
    [1234, 0, 'ppm', `1${NNBSP}234${NBSP}ppm`],
    [0.3, 2, '', '0,30'],
    [-107, 0, 'dBm', `-107${NBSP}dBm`],
  ])('%d with %d decimals in %s reads « %s »', (value, decimals, unit, expected) => {
    expect(formatQuantity(value, decimals, unit, 'fr')).toBe(expected);
  });

  it('writes English with a point', () => {
    expect(formatNumber(19.5, 1, 'en')).toBe('19.5');
  });
});

describe('times are shown in Paris whatever the workstation', () => {
  it('winter (UTC+1) and summer (UTC+2)', () => {
    expect(formatTime('2025-01-15T13:32:00Z', 'fr')).toBe('14:32');
    expect(formatTime('2025-07-15T12:32:00Z', 'fr')).toBe('14:32');
  });

  it('says a time of day the French way for « prochaine écoute vers 14 h 32 »', () => {
    expect(formatClock('2025-01-15T13:32:00Z', 'fr')).toBe(`14${NBSP}h${NBSP}32`);
    expect(formatClock('2025-01-15T07:05:00Z', 'fr')).toBe(`8${NBSP}h${NBSP}05`);
  });

  it('dates day first', () => {
    expect(formatDateTime('2025-11-23T09:04:05Z', 'fr')).toBe('23/11/2025 10:04:05');
  });
});

describe('ages on the alarm list', () => {
  const now = Date.parse('2025-11-23T12:00:00Z');
  it.each([
    ['2025-11-23T11:59:30Z', null],
    ['2025-11-23T11:57:00Z', `il y a 3${NBSP}min`],
    ['2025-11-23T09:00:00Z', `il y a 3${NBSP}h`],
    ['2025-11-20T12:00:00Z', `il y a 3${NBSP}j`],
  ])('raised at %s reads %s (Intl puts a no-break space before the unit)', (at, expected) => {
    expect(formatAge(at, now, 'fr')).toBe(expected);
  });
});

describe('reading a typed setpoint', () => {
  it.each([
    ['19,5', 19.5],
    ['19.5', 19.5],
    [' 20 ', 20],
    ['-3,5', -3.5],
    ['1 234,5', 1234.5],
    ['', null],
    ['19,5,5', null],
    ['abc', null],
    ['19°', null],
  ])('« %s » → %s', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });
});

describe('dictionaries', () => {
  it('fills placeholders', () => {
    expect(translate('fr', 'alarms.acknowledgedBy', { user: 'operateur', time: '14:32' })).toBe('acquittée par operateur à 14:32');
    expect(translate('en', 'connection.disconnected', { time: '14:32' })).toBe('Hub unreachable since 14:32 — reconnecting…');
  });
});
