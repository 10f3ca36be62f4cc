// The workspace as the runtimes see it, read from disk (for the CLI and the editor alike): every file a
// runtime could load, links inside the workspace followed (listed under the link's own path), links that leave it
// listed as skipped and never read. Reads are checked again at read time, so an import cannot climb out either.
import { err, ok, type Result } from '../core/result';
import * as fs from 'fs';
import * as path from 'path';
import { decodeText, DEFAULT_MAX_BYTES } from '../core/formats/decode';
import type { WorkspaceRead, WorkspaceReader } from '../core/runtimes/imports';
import type { WorkspaceSnapshot } from '../core/runtimes/context';
import type { SkippedFile } from '../core/types';
import { skippedFile, skipText } from '../core/problems/skipText';

// Folders that hold dependencies or build output, never the user's prompts.
export const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  'out',
  'dist',
  'build',
  '.venv',
  'venv',
  '__pycache__',
  '.vscode-test',
  'coverage',
]);

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function diskSnapshot(
  root: string,
  wanted: (relativePath: string) => boolean,
  maxBytes = DEFAULT_MAX_BYTES,
): WorkspaceSnapshot {
  const realRoot = fs.realpathSync(root);
  const paths: string[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>([realRoot]);
  const walk = (dir: string, relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full, rel);
      } else if (entry.isFile()) {
        if (wanted(rel)) paths.push(rel);
      } else if (entry.isSymbolicLink()) {
        const target = realInside(realRoot, full);
        if (!target.ok) {
          if (wanted(rel) || target.error.code !== 'broken-link')
            skipped.push(skippedFile(rel, { code: 'not-read', why: refusalText(target.error) }));
          continue;
        }
        const stat = fs.statSync(target.value);
        if (stat.isDirectory()) {
          // A link back up the tree would walk forever: each real folder once.
          if (!visited.has(target.value) && !SKIPPED_DIRS.has(entry.name)) {
            visited.add(target.value);
            walk(full, rel);
          }
        } else if (stat.isFile() && wanted(rel)) paths.push(rel);
      } else if (wanted(rel)) {
        skipped.push(
          skippedFile(rel, { code: 'not-read', why: 'not a regular file (FIFO, socket or device) — not read' }),
        );
      }
    }
  };
  walk(realRoot, '');
  return { paths, skipped, read: diskReader(realRoot, maxBytes) };
}

function unreadable(reason: string): WorkspaceRead {
  return err({ code: 'unreadable', reason });
}

/** Reads a workspace-relative path, refusing anything whose real location is outside the workspace. */
export function diskReader(root: string, maxBytes = DEFAULT_MAX_BYTES): WorkspaceReader {
  const realRoot = fs.realpathSync(root);
  return (relativePath: string): WorkspaceRead => {
    const full = path.resolve(realRoot, relativePath);
    if (!isInside(realRoot, full)) return unreadable('outside the workspace');
    if (!fs.existsSync(full)) return err({ code: 'missing' });
    const target = realInside(realRoot, full);
    if (!target.ok) return unreadable(refusalText(target.error));
    try {
      const stat = fs.statSync(target.value);
      if (!stat.isFile()) return unreadable('not a regular file');
      if (stat.size > maxBytes) return unreadable(`over the ${maxBytes.toLocaleString('en-US')}-byte size limit`);
      const decoded = decodeText(fs.readFileSync(target.value), maxBytes);
      return decoded.ok ? ok(decoded.value.text) : unreadable(skipText(decoded.error));
    } catch (error) {
      return unreadable(`cannot read: ${(error as Error).message}`);
    }
  };
}

/**
 * The bytes of a workspace file a format refers to (a prompt a source file reads, a sibling module it imports), as
 * `diskReader` allows them: regular files inside the workspace, within the size limit, decoded; else undefined.
 */
export function companionBytesReader(
  root: string,
  maxBytes?: number,
): (relativePath: string) => Uint8Array | undefined {
  let read: WorkspaceReader;
  try {
    read = diskReader(root, maxBytes);
  } catch {
    return () => undefined; // the folder is gone
  }
  return (relativePath) => {
    const result = read(relativePath);
    return result.ok ? new TextEncoder().encode(result.value) : undefined;
  };
}

/** Why a path's real location is not read: it resolves nowhere, or somewhere outside the workspace. */
type LinkRefusal = { code: 'broken-link' } | { code: 'outside'; real: string };

function refusalText(refusal: LinkRefusal): string {
  return refusal.code === 'broken-link'
    ? 'broken link'
    : `link to ${toPosix(refusal.real)}, outside the workspace — not read`;
}

/** The real path, inside the workspace; or why it is not read. */
function realInside(realRoot: string, full: string): Result<string, LinkRefusal> {
  let real: string;
  try {
    real = fs.realpathSync(full);
  } catch {
    return err({ code: 'broken-link' });
  }
  return isInside(realRoot, real) ? ok(real) : err({ code: 'outside', real });
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
