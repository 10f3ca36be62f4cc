// Why a file a shell was asked for was not read: a code, so a caller can tell "there is none" (often no problem at
// all: an optional settings file) from "there is one, and it cannot be read" without reading the words. The words
// are the caller's (readText.ts for a workspace read; the CLI's own for a file named on its command line).
export type ReadFailure =
  /** Nothing at that path. */
  | { code: 'missing' }
  /** Something is there but was not read: `reason` is the reader's sentence ("outside the workspace", "binary file"). */
  | { code: 'unreadable'; reason: string };
