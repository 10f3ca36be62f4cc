// Runs git without a shell: arguments are passed as they are, so no path or ref is ever interpreted by a shell.
import { spawn } from 'child_process';
import { err, ok, type Result } from '../../core/result';

/** How git exited, or why it could not be started at all (not installed, say). */
export type GitRun = Result<{ code: number; stdout: Buffer; stderr: string }>;

// quotepath=off: paths come back as they are (with -z nothing is quoted anyway). literal-pathspecs: a path argument
// named `*.md` or `:x` means that file, not a pattern. No optional locks: a read-only diff never blocks a commit.
// core.fsmonitor=false: a repository's own .git/config cannot name a program for git to run on `git diff`;
// GIT_NO_LAZY_FETCH: a partial clone's missing blob is an error, never a network fetch.
const GLOBAL_ARGS = ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false', '--literal-pathspecs', '--no-pager'];
const GIT_ENV = { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C' };

/** `executable`: the git the editor's Git extension uses (its `git.path` setting); `git` on PATH for the CLI. */
export function runGit(cwd: string, args: readonly string[], input?: string, executable = 'git'): Promise<GitRun> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(executable, [...GLOBAL_ARGS, ...args], {
        cwd,
        env: { ...process.env, ...GIT_ENV },
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      resolve(err(String(error)));
      return;
    }
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errOut.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve(err(error.code === 'ENOENT' ? 'git is not installed (or not on PATH)' : error.message));
    });
    child.on('close', (code) => {
      resolve(ok({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(errOut).toString('utf8') }));
    });
    // git may exit before reading all of stdin (e.g. a bad argument): a closed pipe is not our error to report.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** The first line git wrote to stderr, without its "fatal: " prefix. */
export function gitMessage(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim().length > 0) ?? 'no message';
  return line.replace(/^(fatal|error): /, '').trim();
}
