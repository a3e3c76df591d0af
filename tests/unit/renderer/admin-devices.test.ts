import { describe, expect, it } from 'vitest';
import { previewDeviceCsv, registryFromAssets } from '../../../renderer/admin/devices/csv-preview';
import { describeProblem, formatBattery, formatDevEui, formatLastHeard, formatLink, normaliseDevEui } from '../../../renderer/admin/devices/device-format';
import { translate, type I18n, type Locale } from '../../../renderer/i18n';
import { asset } from './fixtures';

const i18nOf = (locale: Locale): I18n => ({ locale, setLocale: () => undefined, t: (key, params) => translate(locale, key, params) });
const fr = i18nOf('fr');
const en = i18nOf('en');

/** What the admin's console knows from its snapshot: a school with its sensor, a bin. */
const assets = [
  asset({ id: 'bld-91228-001', kind: 'building', devices: [{ devEui: '24e1247300000001', model: 'milesight-am307' }] }),
  asset({ id: 'bin-91228-001', kind: 'waste-container' }),
];

describe('CSV preview in the console', () => {
  const csv = [
    'DevEUI;modèle;équipement',
    'a84041000000c001;milesight-am307;bld-91228-001',
    '24E1247300000001;milesight-am307;bld-91228-001',
    'a84041000000c002;milesight-am307;bin-91228-001',
    'a84041000000c003;dragino-ldds75;bin-91228-999',
    'a84041000000c001;dragino-ldds75;bin-91228-001',
  ].join('\n');

  it.each([
    [2, null],
    [3, { field: 'DevEUI', why: 'appareil déjà déclaré' }],
    [4, { field: 'modèle', why: 'le modèle milesight-am307 ne convient pas à : Conteneur à déchets' }],
    [5, { field: 'équipement', why: 'équipement « bin-91228-999 » introuvable' }],
    [6, { field: 'DevEUI', why: 'DevEUI déjà présent ligne 2' }],
  ])('line %i: %j', (line, expected) => {
    const row = previewDeviceCsv(csv, registryFromAssets(assets)).find((r) => r.line === line)!;
    expect(row.problem ? describeProblem(row.problem, fr) : null).toEqual(expected);
  });

  it('says it in English too', () => {
    const [row] = previewDeviceCsv('zz;milesight-am307;bld-91228-001', registryFromAssets(assets));
    expect(describeProblem(row!.problem!, en)).toEqual({ field: 'DevEUI', why: '“zz” is not a DevEUI (16 hexadecimal digits)' });
  });
});

describe('device formats', () => {
  it.each([
    ['a84041000000abcd', 'A8 40 41 00 00 00 AB CD'],
    ['24e1247300000001', '24 E1 24 73 00 00 00 01'],
  ])('groups %s by byte', (devEui, shown) => {
    expect(formatDevEui(devEui)).toBe(shown);
    expect(normaliseDevEui(shown)).toBe(devEui);
  });

  it('reads a DevEUI typed with colons or dashes', () => {
    expect(normaliseDevEui('A8:40:41:00-00-00 AB CD')).toBe('a84041000000abcd');
  });

  it('shows health as a French operator reads it', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(formatLastHeard('2026-11-23T09:57:00Z', now, fr)).toMatch(/^il y a 3\s+min$/);
    expect(formatLastHeard('2026-11-23T09:59:50Z', now, fr)).toBe('à l’instant');
    expect(formatLastHeard(null, now, fr)).toBe('jamais reçue');
    expect(formatLink(-97, 6.5, fr)).toMatch(/^[-−]97\u00a0dBm \/ 6,5\u00a0dB$/);
    expect(formatLink(null, null, fr)).toBe('— / —');
    expect(formatBattery(87, 3.6, fr)).toBe('87\u00a0%');
    expect(formatBattery(null, 3.61, fr)).toBe('3,61\u00a0V');
    expect(formatBattery(null, null, fr)).toBe('—');
  });
});
