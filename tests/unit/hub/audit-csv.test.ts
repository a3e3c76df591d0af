import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../electron/hub/audit/audit-csv';
import { csvField } from '../../../electron/hub/spreadsheet-csv';

describe('audit CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['il a dit "oui"', '"il a dit ""oui"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+33 6', "'+33 6"],
    ['@cmd', "'@cmd"],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('starts with a BOM and a French header, one CRLF line per entry', () => {
    const csv = auditCsv([{ id: 7, at: '2026-11-23T07:00:00.000Z', actor: 'admin', address: null, action: 'login', target: null, details: {}, hash: 'ab' }]);
    expect(csv).toBe('\uFEFFid;horodatage;acteur;adresse;action;cible;détails;empreinte\r\n7;2026-11-23T07:00:00.000Z;admin;;login;;{};ab\r\n');
  });
});
