// Where a usage file's `priceData:` points, confined to the workspace: a repository may pin its own data file but
// not reach outside itself through `..`, an absolute path or a symlink. Used by the CLI and the editor alike.
import * as fs from 'fs';
import * as path from 'path';

/** The real path of the pinned file, or undefined when it is not a regular file inside `root`. */
export function pinnedPriceFile(usageDir: string, pinnedPath: string, root: string): string | undefined {
  try {
    const real = fs.realpathSync(path.resolve(usageDir, pinnedPath));
    const relative = path.relative(fs.realpathSync(root), real);
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}
