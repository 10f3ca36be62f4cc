// The cost history's git reads: one `git log` for every commit and the files it changed, then one
// `git cat-file --batch` for every version of every tracked file — two processes whatever the number of commits.
import { err, ok, type Result } from '../../core/result';
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

/** The commits, oldest first, or why git could not list them. */
export type LogOutcome = Result<LoggedCommit[]>;

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
  if (!run.ok) return err(run.error);
  if (run.value.code !== 0) return err(`git log failed: ${gitMessage(run.value.stderr)}`);
  return ok(parseLogRecords(run.value.stdout.toString('utf8')).reverse());
}

/** Each name's blob, or why git could not read them. */
export type BlobsOutcome = Result<Map<string, Buffer | undefined>>;

/** `commit:path` names → their bytes, in one batch. */
export async function readVersions(top: string, names: readonly string[], executable?: string): Promise<BlobsOutcome> {
  const unique = [...new Set(names)];
  const read = await readObjects(top, unique, executable);
  if (!read.ok) return read;
  return ok(new Map(unique.map((name, i) => [name, read.value[i]])));
}
