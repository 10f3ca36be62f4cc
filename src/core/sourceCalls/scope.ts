// Which source files a run reads. Source files are many and mostly not prompts, so none is read unless the run asks:
// the CLI's `--source` (every source file), the usage file's `sources:` globs, a file the user names, or the editor
// (a file when it is shown). The shell sets this once, after `loadSourceGrammars`, before detection runs.
import { matchGlob } from '../glob';
import { sourceLanguageOf } from './grammars';

export interface SourceScope {
  all: boolean;
  /** Workspace-relative globs (`sources:` in the usage file) and paths the user named. */
  globs: readonly string[];
}

let scope: SourceScope = { all: false, globs: [] };

export function setSourceScope(next: SourceScope): void {
  scope = { all: next.all, globs: [...next.globs] };
}

export function sourceScope(): SourceScope {
  return scope;
}

/** Is this (workspace-relative, `/`-separated) path a source file the run reads? */
export function inSourceScope(relativePath: string): boolean {
  if (!sourceLanguageOf(relativePath)) return false;
  if (scope.all) return true;
  return scope.globs.some((glob) => matchGlob(glob, relativePath) || matchGlob(glob.toLowerCase(), relativePath));
}
