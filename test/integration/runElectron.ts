/**
 * Runs the integration suite through @vscode/test-electron, for machines that can download VS Code (a laptop, a
 * public CI). This machine cannot; runCodeServer.ts runs the same suite in code-server instead.
 *
 *   node out/node/test/integration/runElectron.js [--grep <pattern>]
 */
import { runTests } from '@vscode/test-electron';
import * as path from 'path';
import { repoRoot, suiteEntry } from './harness/paths';
import { printReport } from './harness/report';
import { GREP_ENV, readReport, RESULTS_ENV } from './harness/results';
import { copyFixtureWorkspace, makeTempDir, makeUserDataDir, removeDir } from './harness/workspace';

async function main(): Promise<number> {
  const scratch = makeTempDir('electron');
  const resultsFile = path.join(scratch, 'results.json');
  const grepIndex = process.argv.indexOf('--grep');
  const grep = grepIndex >= 0 ? process.argv[grepIndex + 1] : undefined;
  const extensionTestsEnv: Record<string, string> = { [RESULTS_ENV]: resultsFile };
  if (grep) extensionTestsEnv[GREP_ENV] = grep;
  try {
    // Rejects (TestRunFailedError) when the suite's run() rejected; the report then says which tests failed.
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv,
      launchArgs: [
        copyFixtureWorkspace(scratch),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--user-data-dir',
        makeUserDataDir(scratch),
        '--extensions-dir',
        path.join(scratch, 'extensions'),
      ],
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  const report = readReport(resultsFile);
  removeDir(scratch);
  if (report) return printReport(report);
  console.log('  ✗ VS Code ended without a suite report\n0 passed, 1 failed');
  return 1;
}

void main().then((code) => process.exit(code));
