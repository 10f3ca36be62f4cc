// Finding files and the usage file on disk for the CLI. The engine never touches the file system; this shell does.
import * as fs from 'fs';
import * as path from 'path';
import { parseUsageFile, type UsageFileResult } from '../core/usage/parseUsageFile';
import { EMPTY_USAGE, USAGE_FILE_NAME } from '../core/usage/usageConfig';
import { climbsOut } from '../core/files/insidePath';
import { checkReadable } from '../core/files/readableFile';
import { ok } from '../core/result';
import { nodeFileProbe } from '../host/fileProbe';
import { SKIPPED_DIRS } from '../host/diskSnapshot';
import { UsageError } from './command';

/**
 * The workspace: the folder whose `.burnrate.yaml` applies and that format detection sees paths from. The nearest
 * ancestor of `start` (a file or folder the user named) with a `.burnrate.yaml`, else its nearest git root; when
 * neither is above it, the same search from the current folder, and else the current folder itself — never the named
 * folder, so `estimate prompts/x.md` sees `prompts/x.md` as `estimate .` does.
 */
export function findWorkspaceRoot(start: string, cwd: string = start): string {
  const from = fs.existsSync(start) && fs.statSync(start).isFile() ? path.dirname(start) : start;
  const marked = markedAncestor(path.resolve(from));
  if (marked) return marked;
  // A folder named outside the current workspace (an absolute path elsewhere) is its own workspace.
  const current = markedAncestor(path.resolve(cwd)) ?? path.resolve(cwd);
  return climbsOut(path.relative(current, path.resolve(from))) ? path.resolve(from) : current;
}

/** The nearest ancestor with a usage file, else the nearest with `.git`, else undefined. */
function markedAncestor(from: string): string | undefined {
  let gitRoot: string | undefined;
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, USAGE_FILE_NAME))) return dir;
    if (!gitRoot && fs.existsSync(path.join(dir, '.git'))) gitRoot = dir;
    if (path.dirname(dir) === dir) return gitRoot;
  }
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
  /** The files of `files` the user named (priced even when no format is recognised). */
  named: Set<string>;
  /** Files in walked folders that are not prompt or agent files. */
  ignored: number;
  /** Named or prompt-like entries that are not read, and why: a symlink out of the workspace, a FIFO, a device. */
  refused: { path: string; reason: string }[];
}

/**
 * `isCandidate` sees each file's path relative to `root` (the workspace), so `.claude/agents/x.md` is recognised
 * whichever folder the walk starts from; files outside the root are seen by their absolute path.
 */
export function collectFiles(
  inputs: readonly string[],
  cwd: string,
  root: string,
  isCandidate: (relativePath: string) => boolean,
): WalkResult {
  const result: WalkResult = { files: [], named: new Set(), ignored: 0, refused: [] };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const check = checkReadable(nodeFileProbe, absolute, [root]);
    if (check.ok) {
      result.files.push(absolute);
      result.named.add(absolute);
    } else if (check.error.missing) throw new UsageError(`no such file or folder: ${input}`);
    else if (nodeFileProbe.targetKind(absolute) === 'directory' && nodeFileProbe.kind(absolute) === 'directory') {
      const found = result.files.length;
      walk(absolute, root, isCandidate, result);
      if (result.files.length === found && isCandidate(workspacePath(root, absolute))) {
        result.refused.push({ path: input, reason: 'a folder named like a prompt file, with no prompt files in it' });
      }
    } else result.refused.push({ path: input, reason: check.error.reason });
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
      continue;
    }
    if (!isCandidate(workspacePath(base, full))) {
      if (entry.isFile()) result.ignored++;
      continue;
    }
    const check = entry.isFile() ? ok(undefined) : checkReadable(nodeFileProbe, full, [base]);
    if (check.ok) result.files.push(full);
    // A symlink to a folder is not walked: the folder is walked where it is, if it is in the workspace.
    else if (!check.error.missing && nodeFileProbe.targetKind(full) !== 'directory')
      result.refused.push({ path: workspacePath(base, full), reason: check.error.reason });
  }
}

/** Workspace-relative paths of the files under `relativeDir` (for a format's globs, e.g. promptfoo `file://*.txt`). */
export function listWorkspaceFiles(root: string, relativeDir: string): string[] {
  const dir = path.resolve(root, relativeDir);
  if (climbsOut(path.relative(root, dir))) return [];
  const result: WalkResult = { files: [], named: new Set(), ignored: 0, refused: [] };
  walk(dir, root, () => true, result);
  return result.files.map((file) => workspacePath(root, file));
}

/** A file's path relative to the workspace root with `/` separators; absolute when it lies outside the root. */
export function workspacePath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return toPosix(climbsOut(relative) || path.isAbsolute(relative) ? file : relative);
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
