// The cost history's git reads: one `git log` for every commit and the files it changed, then one
// `git cat-file --batch` for every version of every tracked file — two processes whatever the number of commits.
import { LOG_FORMAT, parseLogRecords, type LoggedCommit } from '../../core/history/logRecords';
import { readObjects } from './catFile';
import { gitMessage, runGit } from './runGit';

export interface LogQuery {
  top: string;
  pathspecs: readonly string[];
  maxCommits: number;
  /** A commit to start after (`since..HEAD`), or a date git understands (`--since=`). */
  since?: { commit: string } | { date: string };
  /** One file named: follow it across renames (`--follow`, which takes exactly one path). */
  follow: boolean;
  /** The git executable (default: `git` on PATH). */
  executable?: string;
}

export type LogOutcome = { ok: true; commits: LoggedCommit[] } | { ok: false; message: string };

/** Oldest first. */
export async function readLog(query: LogQuery): Promise<LogOutcome> {
  const args = [
    'log',
    '-z',
    '--no-color',
    `--format=${LOG_FORMAT}`,
    '--name-status',
    '--find-renames',
    '-n',
    String(query.maxCommits),
  ];
  if (query.follow) args.push('--follow');
  if (query.since && 'date' in query.since) args.push(`--since=${query.since.date}`);
  args.push(query.since && 'commit' in query.since ? `${query.since.commit}..HEAD` : 'HEAD');
  const run = await runGit(query.top, [...args, '--', ...query.pathspecs], undefined, query.executable);
  if (!run.ok) return { ok: false, message: run.message };
  if (run.code !== 0) return { ok: false, message: `git log failed: ${gitMessage(run.stderr)}` };
  return { ok: true, commits: parseLogRecords(run.stdout.toString('utf8')).reverse() };
}

export type BlobsOutcome = { ok: true; blobs: Map<string, Buffer | undefined> } | { ok: false; message: string };

/** `commit:path` names → their bytes, in one batch. */
export async function readVersions(top: string, names: readonly string[], executable?: string): Promise<BlobsOutcome> {
  const unique = [...new Set(names)];
  const read = await readObjects(top, unique, executable);
  if (!read.ok) return read;
  return { ok: true, blobs: new Map(unique.map((name, i) => [name, read.blobs[i]])) };
}
