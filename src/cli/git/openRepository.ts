// Finds the repository around a folder and checks that git is there at all. Every failure is a value with a message.
import * as fs from 'fs';
import type { GitFailure } from '../../core/diff';
import { gitMessage, runGit } from '../../host/git/runGit';
import { err, ok, type Result } from '../../core/result';

/** The repository's top level, real path. */
export type RepositoryOutcome = Result<string, GitFailure>;

export async function openRepository(cwd: string): Promise<RepositoryOutcome> {
  const run = await runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (!run.ok) return err({ kind: 'git-missing', message: run.error });
  if (run.value.code !== 0) {
    const message = gitMessage(run.value.stderr);
    if (/not a git repository/i.test(message)) {
      return err({ kind: 'not-a-repository', message: `not a git repository (nor any parent folder): ${cwd}` });
    }
    return err({ kind: 'not-a-repository', message: `no working tree here (${message})` });
  }
  const top = run.value.stdout.toString('utf8').replace(/\n$/, '');
  return ok(fs.existsSync(top) ? fs.realpathSync(top) : top);
}
