// Why a file was not read as a prompt: a code with typed arguments. The engine decides and branches on the code; the
// words are the surfaces' (the plain wording in skipText.ts for the CLI, JSON and text reports; the editor's in
// src/extension/skipWording.ts). A markdown surface escapes every argument: paths and reasons come from the repository.
export type Skip =
  /** No format claims the path. */
  | { code: 'not-prompt' }
  /** A folder Burnrate knows but does not read (an agent's cache, a runtime's history); `why` is that folder's data. */
  | { code: 'known-folder'; why: string }
  | { code: 'too-large'; limitBytes: number; sizeBytes: number }
  | { code: 'binary' }
  | { code: 'lfs-pointer' }
  /** The path suggested a format whose content check said no; `why` is that format's own sentence. */
  | { code: 'not-this-format'; why: string }
  /** A parser threw: a bug, reported as this file's skip rather than ending the run. */
  | { code: 'parser-crashed'; error: string }
  /** The file system refused or could not give the file (a link out of the workspace, a FIFO, a broken link). */
  | { code: 'not-read'; why: string }
  /** The editor's worker did not finish within its budget and was restarted. */
  | { code: 'not-counted-in-time'; seconds: number }
  /** The editor's worker failed for another reason (a bug). */
  | { code: 'estimate-failed'; error: string };

export type SkipCode = Skip['code'];
