// Command-line paths → repository-relative pathspecs. Paths may name deleted files, so only the nearest existing
// folder is resolved on disk (through symlinks, as git reports its top level).
import * as fs from 'fs';
import * as path from 'path';
import { climbsOut } from '../../core/files/insidePath';
import { err, ok, type Result } from '../../core/result';

/** A repository-relative pathspec with "/" separators, or why the path is not one. */
export type RepoPath = Result<string>;

export function toRepoPath(top: string, cwd: string, input: string): RepoPath {
  const absolute = realish(path.resolve(cwd, input));
  const relative = path.relative(top, absolute);
  if (climbsOut(relative) || path.isAbsolute(relative)) {
    return err(`${input} is outside the repository (${top})`);
  }
  return ok(relative.split(path.sep).join('/'));
}

/** The real path of the nearest existing ancestor, with the rest appended as written. */
export function realish(absolute: string): string {
  const rest: string[] = [];
  let at = absolute;
  while (!fs.existsSync(at)) {
    const parent = path.dirname(at);
    if (parent === at) return absolute;
    rest.unshift(path.basename(at));
    at = parent;
  }
  return path.join(fs.realpathSync(at), ...rest);
}
