import { describe, expect, it } from 'vitest';
import { countPlaywright, countVitest } from '../../../scripts/lib/test-counts.mjs';

describe('countVitest', () => {
  it('reads passed, failed and skipped (pending + todo)', () => {
    const report = { numPassedTests: 120, numFailedTests: 2, numPendingTests: 3, numTodoTests: 1, numFailedTestSuites: 1 };
    expect(countVitest(report)).toEqual({ passed: 120, failed: 2, skipped: 4 });
  });

  it('counts a file that failed to load as a failure', () => {
    expect(countVitest({ numPassedTests: 10, numFailedTests: 0, numFailedTestSuites: 1 })).toEqual({ passed: 10, failed: 1, skipped: 0 });
  });

  it.each([null, 'text', {}, { numPassedTests: 'x' }])('gives null for an unreadable report (%j)', (report) => {
    expect(countVitest(report)).toBeNull();
  });
});

describe('countPlaywright', () => {
  it('reads the stats, flaky counting as passed', () => {
    expect(countPlaywright({ stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 1 }, errors: [] })).toEqual({ passed: 6, failed: 1, skipped: 1 });
  });

  it('counts errors outside tests as failures', () => {
    expect(countPlaywright({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: 'fixture crashed' }] })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });

  it.each([null, {}, { stats: {} }])('gives null for an unreadable report (%j)', (report) => {
    expect(countPlaywright(report)).toBeNull();
  });
});
