// Glob matching for usage-file overrides, `applyTo` and extra-file settings: `**`, `*`, `?`, `{a,b}`, `[...]`.
// Paths are matched with `/` separators, relative to the workspace root.
//
// A glob comes from a repository's text, so matching must not backtrack (`*a*a*a*a*a*a*a*a*b` against a long name
// takes minutes as a regular expression). A glob is compiled to a small automaton whose states are run as a set,
// one pass over the path: the work is the path's length times the glob's, whatever the glob. Braces are expanded
// into alternatives first, up to a bound; an invalid glob is reported by `globProblem` and matches nothing.
import { err, ok, type Result } from './result';

/** Globs longer than this, or expanding to more alternatives, are refused (a problem, never a slow match). */
export const MAX_GLOB_LENGTH = 1000;
export const MAX_GLOB_ALTERNATIVES = 256;

type Step =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'class'; test: RegExp }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** `**` not followed by `/`: any run of characters. */
  | { kind: 'globstar' }
  /** `**​/`: nothing, or any run of characters ending in `/` (the next two steps are that run and the `/`). */
  | { kind: 'optionalFolders' };

/** A glob's alternatives as steps, or why it cannot be used. */
type Compiled = Result<Step[][]>;

const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 512;

/** Why a glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  const compiled = compile(glob);
  return compiled.ok ? undefined : compiled.error;
}

/** Does a workspace-relative path match? A pattern without a slash matches the file name in any folder (gitignore-like). */
export function matchGlob(glob: string, relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const pattern = glob.replace(/^\.\//, '');
  const compiled = compile(pattern);
  if (!compiled.ok) return false;
  if (compiled.value.some((steps) => run(steps, path))) return true;
  if (pattern.includes('/')) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return compiled.value.some((steps) => run(steps, name));
}

/** Does the whole path match (no file-name fallback: `CLAUDE.md` is only the root one, `**\/CLAUDE.md` any)? */
export function matchWholePath(glob: string, relativePath: string): boolean {
  const compiled = compile(glob.replace(/^\.\//, ''));
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return compiled.ok && compiled.value.some((steps) => run(steps, path));
}

function compile(glob: string): Compiled {
  let compiled = cache.get(glob);
  if (compiled) return compiled;
  compiled = compileUncached(glob);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(glob, compiled);
  return compiled;
}

function compileUncached(glob: string): Compiled {
  if (glob.length > MAX_GLOB_LENGTH) return err(`glob longer than ${MAX_GLOB_LENGTH} characters`);
  const expanded = expandBraces(glob);
  if (typeof expanded === 'string') return err(expanded);
  const alternatives: Step[][] = [];
  for (const alternative of expanded) {
    const steps = toSteps(alternative);
    if (typeof steps === 'string') return err(steps);
    alternatives.push(steps);
  }
  return ok(alternatives);
}

/** `a{b,c{d,e}}` → ['ab', 'acd', 'ace']; a problem text for an unclosed brace or too many alternatives. */
function expandBraces(glob: string): string[] | string {
  const open = findOpenBrace(glob);
  if (open < 0) return [glob];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length && close < 0; i++) {
    const c = glob[i];
    if (c === '[') i = classEnd(glob, i);
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return `unclosed "{" at character ${open + 1}`;
  const head = glob.slice(0, open);
  const bounds = [open, ...commas, close];
  const tails = expandBraces(glob.slice(close + 1));
  if (typeof tails === 'string') return tails;
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const options = expandBraces(glob.slice(bounds[k]! + 1, bounds[k + 1]!));
    if (typeof options === 'string') return options;
    for (const option of options) {
      for (const tail of tails) {
        out.push(head + option + tail);
        if (out.length > MAX_GLOB_ALTERNATIVES) return `more than ${MAX_GLOB_ALTERNATIVES} alternatives in "{…}"`;
      }
    }
  }
  return out;
}

function findOpenBrace(glob: string): number {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '[') i = classEnd(glob, i);
    else if (glob[i] === '{') return i;
  }
  return -1;
}

/** Index of the `]` closing a class opened at `open`, or `open` itself when it is a literal `[`. */
function classEnd(glob: string, open: number): number {
  const end = glob.indexOf(']', open + 1);
  return end < 0 ? open : end;
}

function toSteps(glob: string): Step[] | string {
  const steps: Step[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        if (glob[i + 2] === '/') {
          steps.push({ kind: 'optionalFolders' }, { kind: 'globstar' }, { kind: 'char', char: '/' });
          i += 2;
        } else {
          steps.push({ kind: 'globstar' });
          i += 1;
        }
      } else steps.push({ kind: 'star' });
    } else if (c === '?') steps.push({ kind: 'any' });
    else if (c === '[' && classEnd(glob, i) > i) {
      const end = classEnd(glob, i);
      const body = glob
        .slice(i + 1, end)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      try {
        steps.push({ kind: 'class', test: new RegExp(`^[${body}]$`, 'u') });
      } catch {
        return `invalid character class "${glob.slice(i, end + 1)}"`;
      }
      i = end;
    } else {
      // Code points, not UTF-16 units, so that a class or `?` sees an emoji as one character.
      const codePoint = glob.codePointAt(i)!;
      const char = String.fromCodePoint(codePoint);
      steps.push({ kind: 'char', char });
      i += char.length - 1;
    }
  }
  return steps;
}

/** Runs the steps as a set of states over `path`, one pass. State k means "steps before k are matched". */
function run(steps: readonly Step[], path: string): boolean {
  const size = steps.length + 1;
  let current = new Uint8Array(size);
  let next = new Uint8Array(size);
  current[0] = 1;
  close(steps, current);
  for (const char of path) {
    next.fill(0);
    let any = false;
    for (let k = 0; k < steps.length; k++) {
      if (!current[k]) continue;
      const step = steps[k]!;
      switch (step.kind) {
        case 'char':
          if (char === step.char) next[k + 1] = 1;
          break;
        case 'any':
          if (char !== '/') next[k + 1] = 1;
          break;
        case 'class':
          if (step.test.test(char)) next[k + 1] = 1;
          break;
        case 'star':
          if (char !== '/') next[k] = 1;
          break;
        case 'globstar':
          next[k] = 1;
          break;
        case 'optionalFolders':
          break;
      }
    }
    close(steps, next);
    for (let k = 0; k < size && !any; k++) any = next[k] === 1;
    if (!any) return false;
    [current, next] = [next, current];
  }
  return current[steps.length] === 1;
}

/** Adds the states reachable without reading a character (steps only ever skip forward, so one pass suffices). */
function close(steps: readonly Step[], states: Uint8Array): void {
  for (let k = 0; k < steps.length; k++) {
    if (!states[k]) continue;
    const step = steps[k]!;
    if (step.kind === 'star' || step.kind === 'globstar') states[k + 1] = 1;
    else if (step.kind === 'optionalFolders') {
      states[k + 1] = 1;
      states[k + 3] = 1;
    }
  }
}
