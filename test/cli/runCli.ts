import { spawnSync } from 'child_process';
import * as path from 'path';
import { repoRoot } from '../unit/repoRoot';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (out/cli.js) as a separate process, as a user or CI would. */
export function runCli(args: string[], cwd = repoRoot(), env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot(), 'out/cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
