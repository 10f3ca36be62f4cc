import * as fs from 'fs';
import * as path from 'path';

/** The checkout's root (the folder holding package.json), found from the compiled test's location. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** The team's shared folder (real-world prompt files), beside the checkout in CI and in development. */
export function sharedRealworld(): string {
  return path.resolve(repoRoot(), '../shared/realworld');
}
