// Which `.burnrate.yaml` a diff reads at each side: the nearest one at or above the current folder inside the
// repository (in the working tree), else the one at the repository's root, which may exist at one side only.
import * as fs from 'fs';
import * as path from 'path';
import { USAGE_FILE_NAME } from '../../core/usage/usageConfig';

export interface UsageLocation {
  /** Repository-relative path of the usage file. */
  file: string;
  /** Repository-relative folder its globs are relative to ("" = the root). */
  root: string;
}

export function locateUsageFile(top: string, cwd: string): UsageLocation {
  for (let dir = cwd; dir.startsWith(top); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, USAGE_FILE_NAME))) {
      const root = path.relative(top, dir).split(path.sep).join('/');
      return { file: root ? `${root}/${USAGE_FILE_NAME}` : USAGE_FILE_NAME, root };
    }
    if (dir === top || path.dirname(dir) === dir) break;
  }
  return { file: USAGE_FILE_NAME, root: '' };
}
