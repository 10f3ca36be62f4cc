// Finding files and the usage file on disk for the CLI. The engine never touches the file system; this shell does.
import * as fs from 'fs';
import * as path from 'path';
import { parseUsageFile, type UsageFileResult } from '../core/usage/parseUsageFile';
import { EMPTY_USAGE, USAGE_FILE_NAME } from '../core/usage/usageConfig';
import { SKIPPED_DIRS } from '../host/diskSnapshot';
import { UsageError } from './command';


/** The folder whose `.burnrate.yaml` applies: nearest ancestor with one, else the nearest git root, else `start`. */
export function findWorkspaceRoot(start: string): string {
  const from = fs.existsSync(start) && fs.statSync(start).isFile() ? path.dirname(start) : start;
  let gitRoot: string | undefined;
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, USAGE_FILE_NAME))) return dir;
    if (!gitRoot && fs.existsSync(path.join(dir, '.git'))) gitRoot = dir;
    if (path.dirname(dir) === dir) break;
  }
  return gitRoot ?? path.resolve(from);
}

export function loadUsageFile(root: string, explicit?: string): UsageFileResult & { file?: string } {
  const file = explicit ? path.resolve(explicit) : path.join(root, USAGE_FILE_NAME);
  if (!fs.existsSync(file)) {
    if (explicit) throw new UsageError(`usage file not found: ${explicit}`);
    return { config: structuredClone(EMPTY_USAGE), problems: [] };
  }
  let text: string;
  try {
    if (!fs.statSync(file).isFile()) throw new Error('it is not a file');
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = `cannot read usage file ${path.relative(process.cwd(), file) || file}: ${(error as Error).message}`;
    if (explicit) throw new UsageError(reason);
    return { config: structuredClone(EMPTY_USAGE), problems: [{ severity: 'error', message: `${reason} — ignored` }] };
  }
  return { ...parseUsageFile(text, path.basename(file)), file };
}

export interface WalkResult {
  /** Files to read: explicitly named ones and prompt-like files found in folders. */
  files: string[];
  /** Files in walked folders that are not prompt or agent files. */
  ignored: number;
}

/**
 * `isCandidate` sees each file's path relative to `root` (the workspace), so `.claude/agents/x.md` is recognised
 * whichever folder the walk starts from; files outside the root are seen by their absolute path.
 */
export function collectFiles(inputs: readonly string[], cwd: string, root: string, isCandidate: (relativePath: string) => boolean): WalkResult {
  const result: WalkResult = { files: [], ignored: 0 };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    if (!fs.existsSync(absolute)) throw new UsageError(`no such file or folder: ${input}`);
    if (fs.statSync(absolute).isFile()) result.files.push(absolute);
    else walk(absolute, root, isCandidate, result);
  }
  result.files = [...new Set(result.files)];
  return result;
}

function walk(dir: string, base: string, isCandidate: (relativePath: string) => boolean, result: WalkResult): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return; // unreadable folder: nothing to estimate there
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(full, base, isCandidate, result);
    } else if (entry.isFile()) {
      if (isCandidate(workspacePath(base, full))) result.files.push(full);
      else result.ignored++;
    }
  }
}

/** Workspace-relative paths of the files under `relativeDir` (for a format's globs, e.g. promptfoo `file://*.txt`). */
export function listWorkspaceFiles(root: string, relativeDir: string): string[] {
  const dir = path.resolve(root, relativeDir);
  if (path.relative(root, dir).startsWith('..')) return [];
  const result: WalkResult = { files: [], ignored: 0 };
  walk(dir, root, () => true, result);
  return result.files.map((file) => workspacePath(root, file));
}

/** A file's path relative to the workspace root with `/` separators; absolute when it lies outside the root. */
export function workspacePath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return toPosix(relative.startsWith('..') || path.isAbsolute(relative) ? file : relative);
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
