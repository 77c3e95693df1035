// Prints one closing line "N passed, N failed" over every test report given (vitest's JSON
// reports and the e2e runner's), so a CI run that executed no test is visible. Strict: a missing
// or unreadable report, a suite that failed outside its tests (an import error, a failing hook)
// and a skipped test each count as a failure. Exits non-zero when anything failed or nothing ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;

function readReport(file) {
  if (!existsSync(file)) throw new Error('missing');
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Suites vitest marks failed although none of their tests failed: their tests never ran. */
function suitesFailedOutsideTests(report) {
  if (!Array.isArray(report.testResults)) return 0;
  return report.testResults.filter(
    (suite) => suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
}

for (const file of process.argv.slice(2)) {
  let report;
  try {
    report = readReport(file);
  } catch (error) {
    console.error(`test-summary: no usable report ${file} (${error.message})`);
    failed += 1;
    continue;
  }
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) + (report.numSkippedTests ?? 0);
  const broken = suitesFailedOutsideTests(report) + (report.numRuntimeErrorTestSuites ?? 0);
  if (skipped) console.error(`test-summary: ${file}: ${skipped} skipped (CI runs every test)`);
  if (broken) console.error(`test-summary: ${file}: ${broken} suite(s) failed outside their tests`);
  // CI keeps only the tail of its output: each failed test is named again here, with the first
  // lines of its message (a property's seed among them), so that a failure is known from the tail.
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((test) => test.status === 'failed'))
      console.error(
        `test-summary: FAILED ${suite.name?.replace(`${process.cwd()}/`, '') ?? file}: ${(suite.message ?? '').split('\n').slice(0, 6).join('\n    ')}`,
      );
    for (const test of suite.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 6).join('\n    ');
      console.error(`test-summary: FAILED ${suite.name?.replace(`${process.cwd()}/`, '') ?? file}: ${test.fullName}\n    ${message}`);
    }
  }
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + broken + skipped;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
