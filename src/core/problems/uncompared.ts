// Why a changed prompt file's cost was not compared: a code with typed arguments. The engine decides and branches on
// the code; the words are the surfaces' (the plain wording in uncomparedText.ts for the CLI, JSON, markdown and the
// review view). `label` names the side as the report does ("HEAD", "the working tree"); `side` says which one it is.
import type { Side } from '../diff/gitSource';

export type Uncompared =
  /** The side's bytes could not be read (a symlink out of the repository, …); `why` is the reader's sentence. */
  | { code: 'unreadable'; side: Side; label: string; why: string }
  | { code: 'binary'; side: Side; label: string }
  | { code: 'lfs-pointer'; side: Side; label: string }
  /** Conflict markers at zero-based `line`. */
  | { code: 'conflict-markers'; side: Side; label: string; line: number }
  | { code: 'too-large'; side: Side; label: string; limitBytes: number; sizeBytes: number }
  /** Unmerged in the index (a merge in progress) and absent from the head side `head`. */
  | { code: 'unmerged'; head: string }
  /** The editor gave up on the comparison after its per-file budget. */
  | { code: 'not-compared-in-time'; seconds: number }
  /** The comparison failed in the shell (a worker that stopped): a bug. */
  | { code: 'compare-failed'; error: string };

export type UncomparedCode = Uncompared['code'];
