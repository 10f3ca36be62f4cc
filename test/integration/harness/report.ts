import { SuiteReport } from './results';

/** Prints each test, then exactly one `N passed, N failed` line; returns the process exit code. */
export function printReport(report: SuiteReport): number {
  for (const test of report.tests) {
    const mark = test.state === 'passed' ? '✓' : test.state === 'failed' ? '✗' : '-';
    console.log(`  ${mark} ${test.title} (${test.durationMs} ms)`);
    if (test.error) console.log(indent(test.error, '      '));
  }
  let failed = report.failed;
  if (report.fatal) {
    console.log(`  ✗ the suite could not run\n${indent(report.fatal, '      ')}`);
    failed += 1;
  }
  if (report.passed + failed === 0) {
    console.log('  ✗ the suite ran no tests');
    failed += 1;
  }
  console.log(`${report.passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
