// `@path` imports in memory files (CLAUDE.md, GEMINI.md): the imported text is sent as if written inline. Paths are
// relative to the importing file, followed recursively up to the runtime's hop limit; each file is pulled in once (a
// cycle stops where it closes); imports inside code spans and fenced blocks are text, not imports. Work is bounded by
// the files read: every file is read at most once per expansion.
import { err, ok, type Result } from '../result';
import type { ReadFailure } from '../problems/reads';
import { readFailureText } from '../problems/readText';
import type { Problem } from '../types';

export type WorkspaceRead = Result<string, ReadFailure>;
/** Reads a workspace-relative path; the shell keeps reads inside the workspace and says why a file can't be read. */
export type WorkspaceReader = (relativePath: string) => WorkspaceRead;

export interface ImportedFile {
  path: string;
  text: string;
  /** Hops from the root file (its own imports are hop 1). */
  hop: number;
  /** The file that imported it. */
  from: string;
}

export interface ImportExpansion {
  imports: ImportedFile[];
  problems: Problem[];
}

/** Expand the imports of `text` (the file at `path`). `maxHops` 0 follows none. */
export function expandImports(path: string, text: string, maxHops: number, read: WorkspaceReader): ImportExpansion {
  const result: ImportExpansion = { imports: [], problems: [] };
  const seen = new Set<string>([path]);
  const queue: { path: string; text: string; hop: number }[] = [{ path, text, hop: 0 }];
  // Breadth-first, so the hop count is the shortest chain; the order of `imports` is the order they are found.
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const target of importTargets(next.text)) {
      const resolved = resolveImport(next.path, target.path);
      const where = `${next.path}${target.line !== undefined ? ` line ${target.line + 1}` : ''}`;
      if (!resolved.ok) {
        result.problems.push({
          severity: 'warning',
          message: `@${target.path} in ${where}: ${resolved.error} — not read`,
        });
        continue;
      }
      const imported = resolved.value;
      if (seen.has(imported)) {
        if (
          imported === path ||
          queue.some((q) => q.path === imported) ||
          result.imports.some((i) => i.path === imported)
        ) {
          result.problems.push({
            severity: 'info',
            message: `@${target.path} in ${where}: already pulled in (cycle or repeat), counted once`,
          });
        }
        continue;
      }
      if (next.hop + 1 > maxHops) {
        result.problems.push({
          severity: 'info',
          message: `@${target.path} in ${where}: beyond the ${maxHops}-hop import limit — not loaded`,
        });
        continue;
      }
      seen.add(imported);
      const file = read(imported);
      if (!file.ok) {
        result.problems.push({
          severity: 'warning',
          message: `@${target.path} in ${where}: ${readFailureText(file.error)} — not counted`,
        });
        continue;
      }
      result.imports.push({ path: imported, text: file.value, hop: next.hop + 1, from: next.path });
      queue.push({ path: imported, text: file.value, hop: next.hop + 1 });
    }
  }
  return result;
}

export interface ImportTarget {
  path: string;
  line?: number;
}

/** `@path` tokens outside fenced blocks and inline code: at a line start or after whitespace, like the runtimes. */
export function importTargets(text: string): ImportTarget[] {
  const targets: ImportTarget[] = [];
  let fence: string | undefined;
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const content = lines[line]!;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(content);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined || content.indexOf('@') < 0) continue;
    const prose = content.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
    for (const match of prose.matchAll(/(?:^|\s)@([^\s`]+)/g)) {
      const raw = match[1]!.replace(/[.,;:!?)\]]+$/, '');
      if (raw.length > 0 && /[./]/.test(raw) && !raw.includes('@')) targets.push({ path: raw, line });
    }
  }
  return targets;
}

/** A workspace-relative path, or why the import leaves the workspace. */
type Resolved = Result<string>;

/** Workspace-relative target of an import written in `from`; absolute and home paths leave the workspace. */
export function resolveImport(from: string, target: string): Resolved {
  if (target.startsWith('~') || target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target)) {
    return err('outside the workspace (absolute or home path)');
  }
  const segments = from.split('/').slice(0, -1);
  for (const part of target.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.length === 0) return err('outside the workspace');
      segments.pop();
    } else segments.push(part);
  }
  return segments.length > 0 ? ok(segments.join('/')) : err('not a file');
}
