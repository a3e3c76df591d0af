// Reads the JSON reports of vitest and Playwright into one shape, for the final summary line.

/** vitest's `--reporter=json` report (Jest-compatible fields), or null when unreadable. */
export function countVitest(report) {
  if (!isObject(report) || typeof report.numPassedTests !== 'number') return null;
  // A file that fails to load has no failed test, only a failed suite: count it, or it vanishes.
  const failedTests = report.numFailedTests ?? 0;
  const failedSuites = failedTests === 0 ? report.numFailedTestSuites ?? 0 : 0;
  return {
    passed: report.numPassedTests,
    failed: failedTests + failedSuites,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Playwright's JSON reporter output, or null when unreadable. */
export function countPlaywright(report) {
  if (!isObject(report) || !isObject(report.stats) || typeof report.stats.expected !== 'number') return null;
  const { expected, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  // Errors outside any test (a crashed fixture, a config error) fail the run without a failed test.
  const globalErrors = Array.isArray(report.errors) ? report.errors.length : 0;
  return { passed: expected + flaky, failed: unexpected + globalErrors, skipped };
}

function isObject(value) {
  return typeof value === 'object' && value !== null;
}
