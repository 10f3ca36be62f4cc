/**
 * The integration suite's entry point, called inside the extension host by either runner (runCodeServer.ts here,
 * runElectron.ts through @vscode/test-electron). Runs every suite/**\/*.test.js with mocha (bdd) and, when the
 * runner names a file in BURNRATE_TEST_RESULTS, writes a SuiteReport there. Rejects when any test fails.
 * suite-untrusted/index.ts runs its own folder (Restricted Mode) through runSuite().
 */
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { GREP_ENV, RESULTS_ENV, SuiteReport, TestOutcome } from '../harness/results';

export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs every *.test.js under `dir` and reports as run() does. */
export async function runSuite(dir: string): Promise<void> {
  const outcomes: TestOutcome[] = [];
  let fatal: string | undefined;
  try {
    await runMocha(dir, outcomes);
  } catch (error) {
    fatal = describeError(error);
  }
  const report = summarize(outcomes, fatal);
  writeReport(report);
  if (fatal) throw new Error(`integration suite could not run: ${fatal}`);
  if (report.failed > 0) throw new Error(`${report.failed} integration test(s) failed`);
}

function runMocha(dir: string, outcomes: TestOutcome[]): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env[GREP_ENV];
  if (grep) mocha.grep(grep);
  for (const file of testFiles(dir)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => outcomes.push(outcome(test, 'passed')));
      runner.on('pending', (test) => outcomes.push(outcome(test, 'pending')));
      // Also fires for failing hooks (before/after), which count as failures.
      runner.on('fail', (test, error: unknown) => outcomes.push(outcome(test, 'failed', error)));
    } catch (error) {
      reject(error); // a test file that throws while loading
    }
  });
}

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

function outcome(test: Mocha.Runnable, state: TestOutcome['state'], error?: unknown): TestOutcome {
  const result: TestOutcome = { title: test.fullTitle(), state, durationMs: test.duration ?? 0 };
  if (error !== undefined) result.error = describeError(error);
  return result;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const stack = (error.stack ?? error.message).split('\n').filter((line) => !line.includes('node_modules/mocha'));
  return stack.slice(0, 12).join('\n');
}

function summarize(tests: TestOutcome[], fatal: string | undefined): SuiteReport {
  const count = (state: TestOutcome['state']): number => tests.filter((test) => test.state === state).length;
  const report: SuiteReport = { passed: count('passed'), failed: count('failed'), pending: count('pending'), tests };
  if (fatal) report.fatal = fatal;
  return report;
}

function writeReport(report: SuiteReport): void {
  const file = process.env[RESULTS_ENV];
  if (!file) return;
  // Written whole then renamed, so the runner polling for it never reads half a report.
  fs.writeFileSync(`${file}.partial`, JSON.stringify(report, null, 2));
  fs.renameSync(`${file}.partial`, file);
}
