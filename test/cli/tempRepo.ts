// Real git repositories in temporary folders for the CLI tests, with no user or system git config.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GIT_ENV } from '../gitEnv';
import { runCli, type CliRun } from './runCli';

/** Every folder made here; the suites remove them in `after`. */
export const temps: string[] = [];

export function tempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export class Repo {
  constructor(readonly dir: string) {}

  static create(prefix = 'burnrate-diff-'): Repo {
    const repo = new Repo(tempDir(prefix));
    repo.git('-c', 'init.defaultBranch=main', 'init', '-q');
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...GIT_ENV },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  write(file: string, content: string | Buffer): this {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), content);
    return this;
  }

  remove(file: string): this {
    fs.rmSync(path.join(this.dir, file));
    return this;
  }

  commit(message: string): this {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this;
  }

  /** Runs `burnrate <command> …args` in the repository (or `cwd`). */
  cli(command: string, args: string[] = [], cwd = this.dir, env: NodeJS.ProcessEnv = {}): CliRun {
    return runCli([command, ...args], cwd, { ...GIT_ENV, ...env });
  }

  diff(args: string[] = [], cwd = this.dir, env: NodeJS.ProcessEnv = {}): CliRun {
    return this.cli('diff', args, cwd, env);
  }
}
