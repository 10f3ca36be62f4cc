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

/**
 * The team's shared folder of real-world prompt files, beside the checkout in this project's CI and development
 * machines; undefined on a fresh clone, where the tests over it skip (describeRealworld, itRealworld).
 */
export function sharedRealworld(): string | undefined {
  const dir = path.resolve(repoRoot(), '../shared/realworld');
  return fs.existsSync(dir) ? dir : undefined;
}

const ABSENT = 'skipped: no ../shared/realworld/ beside the checkout (the real-world corpus)';

/** A suite over the real-world corpus, or one pending line naming the folder when it is absent. */
export function describeRealworld(title: string, body: (dir: string) => void): void {
  const dir = sharedRealworld();
  describe(title, () => (dir ? body(dir) : it.skip(ABSENT)));
}

/** One test over the real-world corpus, pending with a line naming the folder when it is absent. */
export function itRealworld(title: string, test: (dir: string) => void): void {
  const dir = sharedRealworld();
  if (dir) it(title, () => test(dir));
  else it.skip(`${title} — ${ABSENT}`);
}
