// The editor's words for a skipped file (lens, status bar, breakdown): the plain wording, except where the editor's
// remedy differs from the terminal's — its size limit is a setting, not a flag.
import { formatSize } from '../core/formats/decode';
import type { Skip } from '../core/problems/skips';
import { skipText } from '../core/problems/skipText';

export function editorSkipText(skip: Skip): string {
  switch (skip.code) {
    case 'too-large':
      return `over the ${formatSize(skip.limitBytes)} size limit (${formatSize(skip.sizeBytes)}) — raise the setting burnrate.files.maxSizeBytes to count it`;
    case 'binary':
      return 'a binary file, not text';
    default:
      return skipText(skip);
  }
}
