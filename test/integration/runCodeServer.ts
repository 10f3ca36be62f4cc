/**
 * Runs the integration suite (suite/index.ts) inside a real VS Code: code-server 1.100.3 serves the workbench,
 * headless chromium opens it with the repository as the extension under development, and the remote extension
 * host calls the suite's run(). Nothing exits when the suite ends, so the suite writes a report file and this
 * runner waits for it with a deadline. Prints each test, then one `N passed, N failed` line.
 *
 *   node out/node/test/integration/runCodeServer.js [--grep <pattern>] [--untrusted]
 *
 * --untrusted (or BURNRATE_IT_UNTRUSTED=1) runs suite-untrusted/ instead, with workspace trust enabled and the
 * workspace opened in Restricted Mode (no dialog); its artifacts go to test-results/integration-untrusted/.
 * --examples runs suite-examples/ with a copy of examples/ as the workspace (the editor against the built CLI there);
 * its artifacts go to test-results/integration-examples/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openBrowser } from './harness/browser';
import { onTeardown, teardownAll, tearingDown } from './harness/cleanup';
import { codeServerMissing, delay, startCodeServer } from './harness/codeServer';
import { freePort } from './harness/freePort';
import {
  examplesSuiteEntry,
  examplesWorkspace,
  fixtureWorkspace,
  repoRoot,
  suiteEntry,
  testResultsDir,
  untrustedSuiteEntry,
} from './harness/paths';
import { printReport } from './harness/report';
import { GREP_ENV, LOGS_ENV, readReport, RESULTS_ENV, SuiteReport } from './harness/results';
import { copyFixtureWorkspace, makeTempDir, makeUserDataDir, removeDir } from './harness/workspace';

const deadlineMs = Number(process.env.BURNRATE_IT_TIMEOUT_S ?? 600) * 1000;
const untrusted = process.argv.includes('--untrusted') || process.env.BURNRATE_IT_UNTRUSTED === '1';
const examples = !untrusted && process.argv.includes('--examples');
const entry = untrusted ? untrustedSuiteEntry : examples ? examplesSuiteEntry : suiteEntry;
const artifactsDir = path.join(
  testResultsDir,
  untrusted ? 'integration-untrusted' : examples ? 'integration-examples' : 'integration',
);

async function main(): Promise<number> {
  const missing = codeServerMissing();
  if (missing) {
    console.error(process.env.CI ? `FATAL (CI): ${missing}` : missing);
    return 1;
  }
  for (const built of [
    `${entry}.js`,
    path.join(repoRoot, 'out', 'extension.js'),
    ...(examples ? [path.join(repoRoot, 'out', 'cli.js')] : []),
  ]) {
    if (!fs.existsSync(built)) {
      console.error(`${built} is missing; build first: npm run build && npx tsc -p .`);
      return 1;
    }
  }
  removeDir(artifactsDir);
  fs.mkdirSync(artifactsDir, { recursive: true });

  const scratch = makeTempDir('it');
  onTeardown(() => removeDir(scratch));
  const workspace = copyFixtureWorkspace(scratch, examples ? examplesWorkspace : fixtureWorkspace);
  const userDataDir = makeUserDataDir(scratch, untrusted);
  onTeardown(() => copyLogs(userDataDir));
  const resultsFile = path.join(scratch, 'results.json');
  const grep = grepArgument();

  const port = await freePort();
  const server = await startCodeServer({
    port,
    userDataDir,
    tmpDir: path.join(scratch, 'tmp'),
    extensionsDir: path.join(scratch, 'extensions'),
    logFile: path.join(artifactsDir, 'code-server.log'),
    env: {
      [RESULTS_ENV]: resultsFile,
      [LOGS_ENV]: path.join(userDataDir, 'logs'),
      ...(grep ? { [GREP_ENV]: grep } : {}),
    },
    workspaceTrust: untrusted,
  });
  onTeardown(() => server.stop());

  const browser = await openBrowser(path.join(artifactsDir, 'browser-console.log'));
  onTeardown(() => browser.close());

  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(entry)],
  ];
  const query = new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) });
  console.log(
    `code-server ${server.origin}, workspace ${workspace}${untrusted ? ' (Restricted Mode: workspace trust on, folder not trusted)' : ''}`,
  );
  const started = Date.now();
  await browser.page.goto(`${server.origin}/?${query.toString()}`);

  let report: SuiteReport;
  try {
    report = await Promise.race([waitForReport(resultsFile, started + deadlineMs), server.exited]);
  } catch (error) {
    await browser.page.screenshot({ path: path.join(artifactsDir, 'workbench.png') }).catch(() => undefined);
    console.error(
      `${(error as Error).message}\nlogs and a screenshot are in ${path.relative(process.cwd(), artifactsDir)}/`,
    );
    console.log('0 passed, 1 failed');
    return 1;
  }
  console.log(`(the suite took ${((Date.now() - started) / 1000).toFixed(1)} s in VS Code, workbench load included)`);
  return printReport(report);
}

function grepArgument(): string | undefined {
  const index = process.argv.indexOf('--grep');
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function waitForReport(file: string, deadline: number): Promise<SuiteReport> {
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      const report = readReport(file);
      if (!report) throw new Error(`${file} is not a suite report`);
      return report;
    }
    await delay(500);
  }
  throw new Error(`no suite report after ${deadlineMs / 1000}s (the extension host never ran or finished the suite)`);
}

function copyLogs(userDataDir: string): void {
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artifactsDir, 'vscode-logs'), { recursive: true });
}

main()
  .catch((error: unknown) => {
    if (tearingDown()) return 130;
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    console.log('0 passed, 1 failed');
    return 1;
  })
  .then(async (code) => {
    await teardownAll();
    process.exit(code);
  })
  // A teardown that throws must still fail the run (and say why) rather than end on an unhandled rejection.
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
