import * as fs from 'fs';

/** The report the suite writes inside the extension host and the runners read back (a JSON file). */
export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface SuiteReport {
  passed: number;
  failed: number;
  pending: number;
  tests: TestOutcome[];
  /** Set when the suite could not run at all (a test file failed to load, mocha threw). */
  fatal?: string;
}

/** Environment variable naming the file the suite writes its report to; the extension host inherits it. */
export const RESULTS_ENV = 'BURNRATE_TEST_RESULTS';

export function isSuiteReport(value: unknown): value is SuiteReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Partial<SuiteReport>;
  return typeof report.passed === 'number' && typeof report.failed === 'number' && Array.isArray(report.tests);
}

/** Environment variable naming the folder VS Code writes its logs to (the extension's output channel among them). */
export const LOGS_ENV = 'BURNRATE_TEST_LOGS';

/** Optional environment variable: only tests whose full title matches this pattern run. */
export const GREP_ENV = 'BURNRATE_TEST_GREP';

/** The report in `file`, or undefined when the suite never wrote one (or wrote something else). */
export function readReport(file: string): SuiteReport | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return isSuiteReport(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
