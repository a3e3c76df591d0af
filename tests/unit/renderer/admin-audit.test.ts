import { describe, expect, it } from 'vitest';
import { auditExportFileName, auditFilter, detailLines, EMPTY_AUDIT_FILTER, parisDayStart, parseFrenchDay } from '../../../renderer/admin/audit/audit-filter';

describe('the audit filter becomes audit.list / audit.export fields', () => {
  it('leaves out what is empty', () => {
    expect(auditFilter(EMPTY_AUDIT_FILTER)).toEqual({ filter: {} });
    expect(auditFilter({ ...EMPTY_AUDIT_FILTER, actor: '  admin ', action: 'login' })).toEqual({ filter: { actor: 'admin', action: 'login' } });
  });

  it('takes French days in Paris, both included: from the first midnight to the midnight after the last', () => {
    expect(auditFilter({ ...EMPTY_AUDIT_FILTER, fromDay: '23/11/2026', toDay: ' 23/11/2026 ' })).toEqual({
      filter: { from: '2026-11-22T23:00:00.000Z', to: '2026-11-23T23:00:00.000Z' },
    });
    expect(auditFilter({ ...EMPTY_AUDIT_FILTER, fromDay: '14/7/2026' })).toEqual({ filter: { from: '2026-07-13T22:00:00.000Z' } });
  });

  it('reads « jj/mm/aaaa » (with / . or -) and refuses what is not a real day', () => {
    expect(parseFrenchDay('23/11/2026')).toBe('2026-11-23');
    expect(parseFrenchDay('1.2.2026')).toBe('2026-02-01');
    expect(parseFrenchDay('29/02/2028')).toBe('2028-02-29');
    for (const text of ['31/11/2026', '29/02/2026', '2026-11-23', '11/23/2026', 'hier']) expect(parseFrenchDay(text)).toBeNull();
  });

  it('says which day does not read, or that the range reads backwards', () => {
    expect(auditFilter({ ...EMPTY_AUDIT_FILTER, fromDay: '31/11/2026' })).toEqual({ problem: { field: 'fromDay', text: '31/11/2026' } });
    expect(auditFilter({ ...EMPTY_AUDIT_FILTER, fromDay: '23/11/2026', toDay: '20/11/2026' })).toEqual({ problem: { field: 'range' } });
  });

  it.each([
    ['2026-03-29', '2026-03-28T23:00:00.000Z', 'the day summer time starts'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z', 'the day after'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z', 'the day winter time starts'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z', 'the day after'],
    ['2026-12-31', '2026-12-30T23:00:00.000Z', 'a month end'],
  ])('%s starts at %s in Paris (%s)', (day, instant) => {
    expect(parisDayStart(day)).toBe(instant);
  });

  it('rolls over months and years when adding the day after', () => {
    expect(parisDayStart('2026-12-31', 1)).toBe('2026-12-31T23:00:00.000Z');
    expect(parisDayStart('pas une date')).toBeNull();
  });
});

describe('the exported file', () => {
  it('is named after the Paris day of the export', () => {
    expect(auditExportFileName(new Date('2026-11-23T10:00:00Z'))).toBe('beffroi-audit-2026-11-23.csv');
    // 23:30 UTC on the 23rd is already the 24th in Paris.
    expect(auditExportFileName(new Date('2026-11-23T23:30:00Z'))).toBe('beffroi-audit-2026-11-24.csv');
  });
});

describe('details as a person reads them', () => {
  it('one line per key, lists joined, nested values as compact JSON', () => {
    expect(detailLines({ role: 'elected', communes: ['91377', '91228'], filter: { actor: 'admin' }, rows: 3, sites: [] })).toEqual([
      'role : elected',
      'communes : 91377, 91228',
      'filter : {"actor":"admin"}',
      'rows : 3',
      'sites : —',
    ]);
  });
});
