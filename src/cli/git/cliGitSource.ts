// The CLI's GitSource: `git diff --raw` for what changed, one `git cat-file --batch` per batch for committed and
// staged content, the file system for the working tree.
import * as fs from 'fs';
import * as path from 'path';
import type { ChangedFile, FileRef, GitOutcome, GitSource, Side, SideContent } from '../../core/diff';
import { checkReadable } from '../../core/files/readableFile';
import { err, ok } from '../../core/result';
import { nodeFileProbe } from '../../host/fileProbe';
import { readObjects } from '../../host/git/catFile';
import { parsePathList, parseRawDiff } from './rawDiff';
import type { ResolvedRef } from './resolveRef';
import { gitMessage, runGit } from '../../host/git/runGit';

/** The head side: the working tree (staged, unstaged and untracked files), the index, or a commit. */
export type HeadSide = { kind: 'worktree' } | { kind: 'index' } | { kind: 'commit'; ref: ResolvedRef };

export interface CliGitOptions {
  top: string;
  base: ResolvedRef;
  head: HeadSide;
  /** Repository-relative paths (files or folders) to limit the diff to; empty for all. */
  pathspecs: readonly string[];
}

const DIFF_ARGS = [
  'diff',
  '--raw',
  '-z',
  '--no-abbrev',
  '--find-renames',
  '--no-ext-diff',
  '--no-textconv',
  '--ignore-submodules',
];

export class CliGitSource implements GitSource {
  readonly baseLabel: string;
  readonly headLabel: string;

  constructor(private readonly options: CliGitOptions) {
    this.baseLabel = options.base.label;
    const head = options.head;
    this.headLabel =
      head.kind === 'worktree' ? 'working tree' : head.kind === 'index' ? 'index (staged)' : head.ref.label;
  }

  async changes(): Promise<GitOutcome<ChangedFile[]>> {
    const { base, head, pathspecs } = this.options;
    const args =
      head.kind === 'commit'
        ? [...DIFF_ARGS, base.commit, head.ref.commit]
        : head.kind === 'index'
          ? [...DIFF_ARGS, '--cached', base.commit]
          : [...DIFF_ARGS, base.commit];
    const diff = await this.git([...args, '--', ...pathspecs]);
    if (!diff.ok) return diff;
    const changes = parseRawDiff(diff.value);
    if (head.kind === 'worktree') {
      const untracked = await this.git(['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs]);
      if (!untracked.ok) return untracked;
      const known = new Set(changes.map((c) => c.path));
      for (const file of parsePathList(untracked.value))
        if (!known.has(file)) changes.push({ status: 'added', path: file });
    }
    return { ok: true, value: changes };
  }

  async read(side: Side, files: readonly FileRef[]): Promise<GitOutcome<SideContent[]>> {
    const head = this.options.head;
    if (side === 'head' && head.kind === 'worktree')
      return { ok: true, value: files.map((f) => this.readWorkingFile(f.path)) };
    const rev = side === 'base' ? this.options.base.commit : head.kind === 'commit' ? head.ref.commit : ''; // "" + ":path" = the index
    const read = await readObjects(
      this.options.top,
      files.map((f) => f.id ?? `${rev}:${f.path}`),
    );
    if (!read.ok) return err({ kind: 'failed', message: read.error });
    return read;
  }

  async listFiles(): Promise<GitOutcome<string[]>> {
    const { head, pathspecs } = this.options;
    const args =
      head.kind === 'commit'
        ? ['ls-tree', '-r', '-z', '--name-only', head.ref.commit, '--', ...pathspecs]
        : [
            'ls-files',
            '-z',
            '--cached',
            ...(head.kind === 'worktree' ? ['--others', '--exclude-standard'] : []),
            '--',
            ...pathspecs,
          ];
    const listed = await this.git(args);
    return listed.ok ? { ok: true, value: parsePathList(listed.value) } : listed;
  }

  /** As the editor and `estimate` read: a symlink only when it stays inside the repository; never a FIFO or device. */
  private readWorkingFile(relative: string): SideContent {
    const full = path.join(this.options.top, ...relative.split('/'));
    const check = checkReadable(nodeFileProbe, full, [this.options.top]);
    if (!check.ok) return check.error.missing ? undefined : { unreadable: check.error.reason };
    try {
      return fs.readFileSync(full);
    } catch (error) {
      return { unreadable: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
  }

  private async git(args: string[]): Promise<GitOutcome<Buffer>> {
    const run = await runGit(this.options.top, args);
    if (!run.ok) return err({ kind: 'git-missing', message: run.error });
    if (run.value.code !== 0)
      return err({ kind: 'failed', message: `git ${args[0]} failed: ${gitMessage(run.value.stderr)}` });
    return ok(run.value.stdout);
  }
}
