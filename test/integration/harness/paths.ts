import * as fs from 'fs';
import * as path from 'path';

/** The repository root: the nearest folder above this file holding a package.json (out/ holds none). */
export const repoRoot: string = findRepoRoot(__dirname);

export const codeServerPrefix = path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerBinary = path.join(codeServerPrefix, 'node_modules', '.bin', 'code-server');
export const chromiumPath = '/usr/bin/chromium';
export const fixtureWorkspace = path.join(repoRoot, 'test', 'integration', 'workspace');
export const suiteEntry = path.join(repoRoot, 'out', 'node', 'test', 'integration', 'suite', 'index');
/** The Restricted Mode suite: run only with workspace trust enabled and the workspace left untrusted. */
export const untrustedSuiteEntry = path.join(
  repoRoot,
  'out',
  'node',
  'test',
  'integration',
  'suite-untrusted',
  'index',
);
/** The examples suite: runs with a copy of examples/ as the workspace, against the built CLI on the same folder. */
export const examplesWorkspace = path.join(repoRoot, 'examples');
export const examplesSuiteEntry = path.join(repoRoot, 'out', 'node', 'test', 'integration', 'suite-examples', 'index');
export const testResultsDir = path.join(repoRoot, 'test-results');

function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}
