// The cost history of a repository's prompt and agent files, read from git for the CLI and the editor alike: one
// `git log`, one `git cat-file --batch` for every version (and companion, and usage file) it needs, then the engine.
import { companionOf } from '../../core/diff/companions';
import { isPromptPath } from '../../core/formats';
import { buildHistory, type CostHistory } from '../../core/history/buildHistory';
import { fileTimelines } from '../../core/history/fileTimelines';
import type { LoggedCommit } from '../../core/history/logRecords';
import { runtimeSeries, runtimeVersionNames, type RuntimeSeries } from '../../core/history/runtimeSeries';
import { err, ok, type Result } from '../../core/result';
import { parseUsageFile } from '../../core/usage/parseUsageFile';
import { EMPTY_USAGE, type UsageConfig } from '../../core/usage/usageConfig';
import { readLog, readVersions, type LogQuery } from '../git/historyLog';
import { runGit } from '../git/runGit';
import type { UsageLocation } from '../git/usageLocation';

export interface HistoryQuery extends LogQuery {
  /** The usage file that prices the history (its folder is what the files' globs are relative to). */
  location: UsageLocation;
  /** Today's usage: what prices every commit unless `usageAtCommit`. */
  today: UsageConfig;
  /** Price each commit with the usage file it had at `location.file`. */
  usageAtCommit: boolean;
  maxBytes?: number;
  /** Also each agent runtime's per-request overhead at the commits that changed a file it loads. */
  runtimes?: boolean;
}

export type HistoryOutcome = Result<{
  history: CostHistory;
  runtimes?: RuntimeSeries[];
  commitsRead: number;
  limited: boolean;
}>;

export async function readHistory(query: HistoryQuery): Promise<HistoryOutcome> {
  const log = await readLog(query);
  if (!log.ok) return err(log.error);
  const commits = log.value;
  const { location } = query;
  const relativePath = (repoPath: string) =>
    location.root && repoPath.startsWith(`${location.root}/`) ? repoPath.slice(location.root.length + 1) : repoPath;
  const timelines = fileTimelines(commits, (repoPath) => isPromptPath(relativePath(repoPath)));

  const names: string[] = [];
  for (const timeline of timelines) {
    for (const point of timeline.points) {
      if (point.status === 'deleted') continue;
      const commit = commits[point.commitIndex]!.commit;
      names.push(`${commit}:${point.path}`);
      const companion = companionOf(point.path);
      if (companion) names.push(`${commit}:${companion}`);
    }
  }
  if (query.usageAtCommit) for (const logged of commits) names.push(`${logged.commit}:${location.file}`);
  const inWorkspace = (repoPath: string) =>
    location.root === '' ? repoPath : repoPath.startsWith(`${location.root}/`) ? relativePath(repoPath) : undefined;
  const initial = query.runtimes ? await treeBefore(query, commits[0]?.commit) : undefined;
  if (query.runtimes)
    names.push(...runtimeVersionNames({ commits, ...(initial ? { initial } : {}), relativePath: inWorkspace }));
  const versions = await readVersions(query.top, names, query.executable);
  if (!versions.ok) return err(versions.error);
  const blobs = versions.value;

  const usageAt = (commit: string): UsageConfig => {
    if (!query.usageAtCommit) return query.today;
    const bytes = blobs.get(`${commit}:${location.file}`);
    return bytes ? parseUsageFile(bytes.toString('utf8'), location.file).config : EMPTY_USAGE;
  };
  const history = buildHistory({
    commits,
    timelines,
    blobAt: (commit, repoPath) => blobs.get(`${commit}:${repoPath}`),
    companionAt: (commit, repoPath) => blobs.get(`${commit}:${repoPath}`),
    usageAt,
    relativePath,
    ...(query.maxBytes !== undefined ? { maxBytes: query.maxBytes } : {}),
  });
  const runtimes = query.runtimes ? await runtimeHistory(query, commits, initial, inWorkspace, blobs) : undefined;
  return ok({
    history,
    ...(runtimes ? { runtimes } : {}),
    commitsRead: commits.length,
    limited: commits.length >= query.maxCommits,
  });
}

/**
 * Each runtime's overhead series. A context that imports a file outside the runtime paths (read at that commit) gets
 * it from one more `git cat-file --batch`, and the series is built again with it.
 */
async function runtimeHistory(
  query: HistoryQuery,
  commits: readonly LoggedCommit[],
  initial: { commit: string; paths: string[] } | undefined,
  inWorkspace: (repoPath: string) => string | undefined,
  blobs: ReadonlyMap<string, Buffer | undefined>,
): Promise<RuntimeSeries[]> {
  const prefix = query.location.root === '' ? '' : `${query.location.root}/`;
  const others = new Map<string, Buffer | null>();
  const build = () =>
    runtimeSeries({
      commits,
      ...(initial ? { initial } : {}),
      relativePath: inWorkspace,
      blobAt: (commit, repoPath) => blobs.get(`${commit}:${repoPath}`),
      otherAt: (commit, relative) => others.get(`${commit}:${prefix}${relative}`),
      usage: query.today,
      ...(query.maxBytes !== undefined ? { maxBytes: query.maxBytes } : {}),
    });
  const first = build();
  if (first.misses.length === 0) return first.series;
  const names = first.misses.map((m) => `${m.commit}:${prefix}${m.relativePath}`);
  const read = await readVersions(query.top, names, query.executable);
  if (!read.ok) return first.series;
  for (const name of names) others.set(name, read.value.get(name) ?? null);
  return build().series;
}

/** The files in range as they were before the first commit read (none when it is the root commit): one `git ls-tree`. */
async function treeBefore(
  query: HistoryQuery,
  first: string | undefined,
): Promise<{ commit: string; paths: string[] } | undefined> {
  if (first === undefined) return undefined;
  const parent = `${first}^`;
  const run = await runGit(
    query.top,
    ['ls-tree', '-r', '-z', '--name-only', parent, '--', ...query.pathspecs],
    undefined,
    query.executable,
  );
  if (!run.ok || run.value.code !== 0) return undefined;
  return {
    commit: parent,
    paths: run.value.stdout
      .toString('utf8')
      .split('\0')
      .filter((p) => p.length > 0),
  };
}
