// A path cut up once for every family's `detect`: walkers ask about every file name, so detection does no I/O and
// builds no regex per family.
import { lowerSegments } from '../paths';

export interface PathFacts {
  /** Lower-cased, `/`-separated segments. */
  segments: readonly string[];
  /** Lower-cased file name. */
  name: string;
  /** Lower-cased folders, outermost first. */
  dirs: readonly string[];
  /** The folder holding the file ('' at the top). */
  parent: string;
}

export function pathFacts(path: string): PathFacts | undefined {
  const segments = lowerSegments(path);
  const name = segments[segments.length - 1];
  if (name === undefined) return undefined;
  const dirs = segments.slice(0, -1);
  return { segments, name, dirs, parent: dirs[dirs.length - 1] ?? '' };
}

/** `first/second` somewhere in the folders (`.claude/agents/x.md`, nested `.claude/agents/team/x.md`). */
export function hasDirPair(path: PathFacts, first: string, second: string): boolean {
  for (let i = 0; i + 1 < path.dirs.length; i++) if (path.dirs[i] === first && path.dirs[i + 1] === second) return true;
  return false;
}

/** The file sits directly in `first/second/`. */
export function directlyIn(path: PathFacts, first: string, second: string): boolean {
  const n = path.dirs.length;
  return n >= 2 && path.dirs[n - 2] === first && path.dirs[n - 1] === second;
}

export function endsWithAny(name: string, suffixes: readonly string[]): boolean {
  return suffixes.some((s) => name.endsWith(s));
}
