// How the diff engine reaches git: a small interface the CLI implements by spawning git and the editor through VS Code's
// git extension, and tests with an in-memory fake. Paths are repository-relative with `/` separators.

import { err, ok, type Result } from '../result';

export type Side = 'base' | 'head';

export type ChangeStatus = 'added' | 'deleted' | 'modified' | 'renamed';

export interface ChangedFile {
  status: ChangeStatus;
  /** The path at the head side; for a deleted file, the path it had. */
  path: string;
  /** The path at the base side, when it differs (renamed files). */
  basePath?: string;
  /** Blob ids when the source knows them: equal ids mean equal bytes, so the file is not read or tokenized. */
  baseId?: string;
  headId?: string;
  /** Git reports the path as unmerged (a merge or rebase stopped on it). */
  unmerged?: boolean;
}

export interface FileRef {
  path: string;
  /** Blob id, when known: lets a source read by id instead of by path. */
  id?: string;
}

export type GitFailureKind =
  | 'git-missing'
  | 'not-a-repository'
  | 'no-commits'
  | 'unknown-ref'
  | 'shallow'
  | 'outside-repository'
  | 'untrusted'
  | 'failed';

/** A failure reaching git, as a value: the shells turn it into one message (exit 2 in the CLI), never a stack trace. */
export interface GitFailure {
  kind: GitFailureKind;
  message: string;
}

/** A file that exists at a side but is not read (a symlink out of the repository, a FIFO, a folder): why. */
export interface Unreadable {
  unreadable: string;
}

/** A file's content at one side: its bytes, why it was not read, or undefined when it does not exist there. */
export type SideContent = Uint8Array | Unreadable | undefined;

export function isUnreadable(content: SideContent): content is Unreadable {
  return content !== undefined && !(content instanceof Uint8Array);
}

export type GitOutcome<T> = Result<T, GitFailure>;

export interface GitSource {
  /** What the base side is, for people: "HEAD (3f2c1ab, main)". */
  readonly baseLabel: string;
  /** What the head side is: "working tree", "index (staged)", "feature (9d8e7f6)". */
  readonly headLabel: string;
  /** Files whose content differs between the two sides (renames followed where the source can detect them). */
  changes(): Promise<GitOutcome<ChangedFile[]>>;
  /** Bytes of each file at one side, in the order asked; `undefined` where the file does not exist at that side. */
  read(side: Side, files: readonly FileRef[]): Promise<GitOutcome<SideContent[]>>;
  /** Every file at the head side (needed only when the usage file changed, so unchanged prompts are re-priced). */
  listFiles(): Promise<GitOutcome<string[]>>;
}

export function gitOk<T>(value: T): GitOutcome<T> {
  return ok(value);
}

export function gitFailed<T>(kind: GitFailureKind, message: string): GitOutcome<T> {
  return err({ kind, message });
}
