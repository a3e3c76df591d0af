import { describe, expect, it } from 'vitest';
import { auditExportFileName, auditFilter, detailLines, EMPTY_AUDIT_FILTER, parisDayStart, rangeIsBackwards } from '../../../renderer/admin/audit/audit-filter';

describe('the audit filter becomes audit.list / audit.export fields', () => {
  it('leaves out what is empty', () => {
    expect(auditFilter(EMPTY_AUDIT_FILTER)).toEqual({});
    expect(auditFilter({ ...EMPTY_AUDIT_FILTER, actor: '  admin ', action: 'login' })).toEqual({ actor: 'admin', action: 'login' });
  });

  it('takes Paris days, both included: from the first midnight to the midnight after the last', () => {
    expect(auditFilter({ ...EMPTY_AUDIT_FILTER, fromDay: '2026-11-23', toDay: '2026-11-23' })).toEqual({
      from: '2026-11-22T23:00:00.000Z',
      to: '2026-11-23T23:00:00.000Z',
    });
    expect(auditFilter({ ...EMPTY_AUDIT_FILTER, fromDay: '2026-07-14' })).toEqual({ from: '2026-07-13T22:00:00.000Z' });
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

  it('notices a range that reads backwards', () => {
    expect(rangeIsBackwards({ ...EMPTY_AUDIT_FILTER, fromDay: '2026-11-23', toDay: '2026-11-20' })).toBe(true);
    expect(rangeIsBackwards({ ...EMPTY_AUDIT_FILTER, fromDay: '2026-11-23', toDay: '' })).toBe(false);
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
