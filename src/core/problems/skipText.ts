// The plain wording of a skip: what the CLI prints, what JSON and MCP answers carry as `reason`, and the text folded
// into reports that are still sentences. The editor words some codes its own way (src/extension/skipWording.ts).
import { formatSize } from '../formats/decode';
import { LFS_POINTER_REASON } from '../files/lfsPointer';
import type { SkippedFile } from '../types';
import type { Skip } from './skips';

export function skipText(skip: Skip): string {
  switch (skip.code) {
    case 'not-prompt':
      return 'not a prompt or agent file';
    case 'known-folder':
    case 'not-this-format':
    case 'not-read':
      return skip.why;
    case 'too-large':
      return `over the ${formatSize(skip.limitBytes)} size limit (${formatSize(skip.sizeBytes)})`;
    case 'binary':
      return 'binary file';
    case 'lfs-pointer':
      return LFS_POINTER_REASON;
    case 'parser-crashed':
      return `could not be read (internal error: ${skip.error})`;
    case 'not-counted-in-time':
      return `too large to count here (not counted within ${skip.seconds} s) — run \`burnrate estimate\` on it in a terminal`;
    case 'estimate-failed':
      return `internal error (${skip.error}) — see Output › Burnrate`;
  }
}

/** The one way a skipped file is made: its code, and the plain wording beside it for surfaces that print text. */
export function skippedFile(path: string, skip: Skip): SkippedFile {
  return { path, skip, reason: skipText(skip) };
}
