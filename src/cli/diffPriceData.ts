// Which price data `burnrate diff` prices both sides with: --prices FILE; else the priceData: of the usage file that
// prices the diff (--config's, the base's with --usage-from-base, else the head's). A base or committed head's
// priceData: is read from that commit through git: a path inside the repository only, a blob of bounded size. A
// missing or invalid file is a warning, and the stored or bundled data stays in use, said so.
import * as path from 'path';
import { isUnreadable, type GitSource } from '../core/diff/gitSource';
import { loadUsageSides, type ExplicitUsage } from '../core/diff/usageSides';
import { MAX_PRICE_DATA_BYTES } from '../core/pricing/priceDataFile';
import { applyPriceData, pinnedPriceDataFromText } from '../core/pricing/priceDataStore';
import { EMPTY_USAGE } from '../core/usage/usageConfig';
import type { HeadSide } from './git/cliGitSource';
import { runGit } from '../host/git/runGit';
import { choosePriceData, unpinnedPriceData, type PriceDataChoice } from './priceData';

export interface DiffPriceOptions {
  flag?: string;
  cwd: string;
  top: string;
  git: GitSource;
  /** Repository-relative path of the usage file the diff reads. */
  usageFile: string;
  usageFrom?: 'base' | 'head';
  explicit?: ExplicitUsage & { absolute: string };
  baseCommit: string;
  head: HeadSide;
}

export async function diffPriceData(options: DiffPriceOptions): Promise<PriceDataChoice> {
  const { top, git } = options;
  if (options.flag !== undefined)
    return choosePriceData({ flag: options.flag, cwd: options.cwd, usage: EMPTY_USAGE, root: top });
  if (options.explicit)
    return choosePriceData({
      cwd: options.cwd,
      usage: options.explicit.config,
      usageFile: options.explicit.absolute,
      root: top,
    });
  const side = options.usageFrom === 'base' ? 'base' : 'head';
  if (side === 'head' && options.head.kind === 'worktree') {
    // The working tree: the file on disk, confined to the repository as estimate confines it.
    const sides = await loadUsageSides(git, options.usageFile, 'head-for-both');
    const usage = sides.ok ? sides.value.head : EMPTY_USAGE;
    return choosePriceData({
      cwd: options.cwd,
      usage,
      usageFile: path.join(top, ...options.usageFile.split('/')),
      root: top,
    });
  }
  const sides = await loadUsageSides(git, options.usageFile, side === 'base' ? 'base-for-both' : 'head-for-both');
  const pinned = sides.ok ? sides.value.head.priceData : undefined;
  if (!pinned) return unpinnedPriceData();
  const where = side === 'base' ? 'the base' : git.headLabel;
  const shown = `priceData: ${pinned.path} (${options.usageFile}${pinned.line !== undefined ? ` line ${pinned.line + 1}` : ''}, at ${where})`;
  const repoPath = path.posix.normalize(
    path.posix.join(path.posix.dirname(options.usageFile), pinned.path.replace(/\\/g, '/')),
  );
  if (path.posix.isAbsolute(repoPath) || repoPath === '..' || repoPath.startsWith('../')) {
    return unpinnedPriceData([`${shown} is not a file inside the repository — not read`]);
  }
  const commit = side === 'base' ? options.baseCommit : options.head.kind === 'commit' ? options.head.ref.commit : '';
  // Asked before reading, so a huge blob is never loaded ("" + ":path" names the index).
  const size = await blobSize(top, `${commit}:${repoPath}`);
  if (size !== undefined && size > MAX_PRICE_DATA_BYTES)
    return unpinnedPriceData([`${shown}: larger than ${MAX_PRICE_DATA_BYTES / 1024 / 1024} MB — not read`]);
  const read = await git.read(side, [{ path: repoPath }]);
  const content = read.ok ? read.value[0] : undefined;
  if (!read.ok) return unpinnedPriceData([`${shown}: ${read.error.message}`]);
  if (content === undefined) return unpinnedPriceData([`${shown}: no such file at ${where}`]);
  if (isUnreadable(content)) return unpinnedPriceData([`${shown}: ${content.unreadable}`]);
  if (content.byteLength > MAX_PRICE_DATA_BYTES)
    return unpinnedPriceData([`${shown}: larger than ${MAX_PRICE_DATA_BYTES / 1024 / 1024} MB — not read`]);
  const loaded = pinnedPriceDataFromText(
    new TextDecoder('utf-8').decode(content),
    `${shown}`,
    await commitDay(top, commit || 'HEAD'),
  );
  const applied = applyPriceData(loaded);
  return applied.ok ? { info: applied.value, warnings: [] } : unpinnedPriceData([applied.error]);
}

async function blobSize(top: string, name: string): Promise<number | undefined> {
  if (name.includes('\n')) return undefined;
  const run = await runGit(top, ['cat-file', '-s', name]);
  const size = run.ok && run.value.code === 0 ? Number(run.value.stdout.toString('utf8').trim()) : NaN;
  return Number.isFinite(size) ? size : undefined;
}

async function commitDay(top: string, commit: string): Promise<string> {
  const run = await runGit(top, ['show', '-s', '--format=%cs', commit]);
  const day = run.ok && run.value.code === 0 ? run.value.stdout.toString('utf8').trim() : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : new Date().toISOString().slice(0, 10);
}
