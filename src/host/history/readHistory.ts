// The cost history of a repository's prompt and agent files, read from git for the CLI and the editor alike: one
// `git log`, one `git cat-file --batch` for every version (and companion, and usage file) it needs, then the engine.
import { companionOf } from '../../core/diff/companions';
import { isPromptPath } from '../../core/formats';
import { buildHistory, type CostHistory } from '../../core/history/buildHistory';
import { fileTimelines } from '../../core/history/fileTimelines';
import { parseUsageFile } from '../../core/usage/parseUsageFile';
import { EMPTY_USAGE, type UsageConfig } from '../../core/usage/usageConfig';
import { readLog, readVersions, type LogQuery } from '../git/historyLog';
import type { UsageLocation } from '../git/usageLocation';

export interface HistoryQuery extends LogQuery {
  /** The usage file that prices the history (its folder is what the files' globs are relative to). */
  location: UsageLocation;
  /** Today's usage: what prices every commit unless `usageAtCommit`. */
  today: UsageConfig;
  /** Price each commit with the usage file it had at `location.file`. */
  usageAtCommit: boolean;
  maxBytes?: number;
}

export type HistoryOutcome = { ok: true; history: CostHistory; commitsRead: number; limited: boolean } | { ok: false; message: string };

export async function readHistory(query: HistoryQuery): Promise<HistoryOutcome> {
  const log = await readLog(query);
  if (!log.ok) return log;
  const { location } = query;
  const relativePath = (repoPath: string) =>
    location.root && repoPath.startsWith(`${location.root}/`) ? repoPath.slice(location.root.length + 1) : repoPath;
  const timelines = fileTimelines(log.commits, (repoPath) => isPromptPath(relativePath(repoPath)));

  const names: string[] = [];
  for (const timeline of timelines) {
    for (const point of timeline.points) {
      if (point.status === 'deleted') continue;
      const commit = log.commits[point.commitIndex]!.commit;
      names.push(`${commit}:${point.path}`);
      const companion = companionOf(point.path);
      if (companion) names.push(`${commit}:${companion}`);
    }
  }
  if (query.usageAtCommit) for (const logged of log.commits) names.push(`${logged.commit}:${location.file}`);
  const versions = await readVersions(query.top, names, query.executable);
  if (!versions.ok) return versions;

  const usageAt = (commit: string): UsageConfig => {
    if (!query.usageAtCommit) return query.today;
    const bytes = versions.blobs.get(`${commit}:${location.file}`);
    return bytes ? parseUsageFile(bytes.toString('utf8'), location.file).config : EMPTY_USAGE;
  };
  const history = buildHistory({
    commits: log.commits,
    timelines,
    blobAt: (commit, repoPath) => versions.blobs.get(`${commit}:${repoPath}`),
    companionAt: (commit, repoPath) => versions.blobs.get(`${commit}:${repoPath}`),
    usageAt,
    relativePath,
    ...(query.maxBytes !== undefined ? { maxBytes: query.maxBytes } : {}),
  });
  return { ok: true, history, commitsRead: log.commits.length, limited: log.commits.length >= query.maxCommits };
}
