// The plain wording of a file whose cost was not compared: what the CLI prints, what `burnrate diff --json` carries as
// `reason` beside the code, the PR comment's line and the editor's review view.
import { formatSize } from '../formats/decode';
import { LFS_POINTER_REASON } from '../files/lfsPointer';
import type { UncomparedFile } from '../diff/types';
import type { Uncompared } from './uncompared';

export function uncomparedText(cause: Uncompared): string {
  switch (cause.code) {
    case 'unreadable':
      return `${cause.why} (${cause.label})`;
    case 'binary':
      return `binary in ${cause.label}: a cost diff needs text on both sides`;
    case 'lfs-pointer':
      return `${LFS_POINTER_REASON} (${cause.label})`;
    case 'conflict-markers':
      return `merge conflict markers in ${cause.label} (line ${cause.line + 1}): resolve the conflict to compare its cost`;
    case 'too-large':
      return `over the ${formatSize(cause.limitBytes)} size limit in ${cause.label} (${formatSize(cause.sizeBytes)}): its cost change is unknown`;
    case 'unmerged':
      return `unmerged in ${cause.head} (merge conflict): resolve and stage it to compare its cost`;
    case 'not-compared-in-time':
      return `too large to compare here (not compared within ${cause.seconds} s) — run \`burnrate diff\` in a terminal for its cost change`;
    case 'compare-failed':
      return `not compared (internal error: ${cause.error}) — run \`burnrate diff\` in a terminal`;
  }
}

/** The one way an uncompared file is made: its cause, and the plain wording beside it for surfaces that print text. */
export function uncomparedFile(
  path: string,
  basePath: string | undefined,
  severity: UncomparedFile['severity'],
  cause: Uncompared,
): UncomparedFile {
  const file: UncomparedFile = { path, severity, cause, reason: uncomparedText(cause) };
  if (basePath && basePath !== path) file.basePath = basePath;
  return file;
}
