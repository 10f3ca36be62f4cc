// Turns the --base / --head refs into commits, with one clear message for each way that fails: no commits yet, a ref
// beyond a shallow clone's history, or a ref that does not exist.
import type { GitFailure } from '../../core/diff';
import { gitMessage, runGit } from '../../host/git/runGit';
import { err, ok, type Result } from '../../core/result';

export interface ResolvedRef {
  ref: string;
  commit: string;
  /** "HEAD (3f2c1ab, main)", "HEAD (detached at 3f2c1ab)", "origin/main (9d8e7f6)". */
  label: string;
}

export type RefOutcome = Result<ResolvedRef, GitFailure>;

export async function resolveRef(top: string, ref: string, flag: string): Promise<RefOutcome> {
  const run = await runGit(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!run.ok) return err({ kind: 'git-missing', message: run.error });
  if (run.value.code === 0) {
    const commit = run.value.stdout.toString('utf8').trim();
    return ok({ ref, commit, label: await labelOf(top, ref, commit) });
  }
  return err(await whyUnresolved(top, ref, flag));
}

async function whyUnresolved(top: string, ref: string, flag: string): Promise<GitFailure> {
  const any = await runGit(top, ['rev-list', '-n', '1', '--all']);
  if (any.ok && any.value.code === 0 && any.value.stdout.length === 0) {
    return {
      kind: 'no-commits',
      message: `this repository has no commits yet, so there is no ${ref} to compare with: make a first commit, then run burnrate diff`,
    };
  }
  const shallow = await runGit(top, ['rev-parse', '--is-shallow-repository']);
  if (shallow.ok && shallow.value.stdout.toString('utf8').trim() === 'true') {
    return {
      kind: 'shallow',
      message:
        `${flag} ${ref} is not in this shallow clone's history: fetch more history (git fetch --deepen=100, ` +
        `or git fetch --unshallow; in GitHub Actions set fetch-depth: 0 on actions/checkout)`,
    };
  }
  return {
    kind: 'unknown-ref',
    message: `${flag} ${ref}: no commit, branch or tag by that name in this repository (a remote branch may need git fetch first)`,
  };
}

async function labelOf(top: string, ref: string, commit: string): Promise<string> {
  const short = commit.slice(0, 7);
  if (ref !== 'HEAD') return `${ref} (${short})`;
  const branch = await runGit(top, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (branch.ok && branch.value.code === 0) return `HEAD (${short}, ${branch.value.stdout.toString('utf8').trim()})`;
  return `HEAD (detached at ${short})`;
}

export async function mergeBase(top: string, base: ResolvedRef, head: string): Promise<RefOutcome> {
  const run = await runGit(top, ['merge-base', base.commit, head]);
  if (!run.ok) return err({ kind: 'git-missing', message: run.error });
  if (run.value.code !== 0) {
    const shallow = await runGit(top, ['rev-parse', '--is-shallow-repository']);
    const isShallow = shallow.ok && shallow.value.stdout.toString('utf8').trim() === 'true';
    return err(
      isShallow
        ? {
            kind: 'shallow',
            message: `no merge base of ${base.ref} and ${head} in this shallow clone: fetch more history (git fetch --deepen=100, or fetch-depth: 0 on actions/checkout)`,
          }
        : {
            kind: 'unknown-ref',
            message: `${base.ref} and ${head} have no common ancestor${run.value.stderr ? ` (${gitMessage(run.value.stderr)})` : ''}`,
          },
    );
  }
  const commit = run.value.stdout.toString('utf8').trim();
  return ok({ ref: base.ref, commit, label: `merge base of ${base.ref} (${commit.slice(0, 7)})` });
}
