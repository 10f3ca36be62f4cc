// `git log` output → commits and the files each changed. The CLI asks git for one record per commit in the format
// LOG_FORMAT with `-z --name-status`; this parser is pure so the format is tested without git.

/** What git log is asked for: a record separator, then hash, author date, author, subject, separated by US. */
export const LOG_FORMAT = '%x1e%H%x1f%aI%x1f%an%x1f%s';

/** How many of the newest commits a history reads unless told otherwise (the CLI's --max-commits, the editor's). */
export const DEFAULT_MAX_COMMITS = 1000;

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface LoggedChange {
  status: ChangeStatus;
  path: string;
  /** Renames (and copies read as additions): where the file was before. */
  oldPath?: string;
}

export interface LoggedCommit {
  commit: string;
  /** ISO 8601 author date. */
  date: string;
  author: string;
  subject: string;
  changes: LoggedChange[];
}

/** Parses `git log -z --name-status --format=LOG_FORMAT` output; records it cannot read are dropped, never thrown on. */
export function parseLogRecords(output: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of output.split('\x1e')) {
    if (record.length === 0) continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
    const [commit, date, author, ...subject] = header.split('\x1f');
    if (!commit || !/^[0-9a-f]{40,64}$/.test(commit) || date === undefined || author === undefined) continue;
    const fields = headerEnd < 0 ? [] : record.slice(headerEnd + 1).split('\0');
    commits.push({ commit, date, author, subject: subject.join(' '), changes: parseChanges(fields) });
  }
  return commits;
}

function parseChanges(fields: string[]): LoggedChange[] {
  const changes: LoggedChange[] = [];
  for (let i = 0; i < fields.length; i++) {
    const status = fields[i]!.replace(/^\n/, '');
    if (status === '') continue;
    const kind = status[0];
    if (kind === 'R' || kind === 'C') {
      const oldPath = fields[++i];
      const path = fields[++i];
      if (!oldPath || !path) break;
      changes.push(kind === 'R' ? { status: 'renamed', path, oldPath } : { status: 'added', path, oldPath });
      continue;
    }
    const path = fields[++i];
    if (!path) break;
    if (kind === 'A') changes.push({ status: 'added', path });
    else if (kind === 'D') changes.push({ status: 'deleted', path });
    else changes.push({ status: 'modified', path }); // M, T (type change), U: the content at this commit is what counts
  }
  return changes;
}
