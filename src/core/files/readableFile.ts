// Whether a file may be read at all, decided once for the CLI's walker, `diff`'s working-tree reader and the editor:
// a symlink is followed only when its target lies inside the workspace; a FIFO, a device or a socket is never opened
// (reading one blocks or never ends); a folder is not a file. The shells supply the file system through FileProbe.
import { err, ok, type Result } from '../result';
import { isInside } from './insidePath';

export type EntryKind = 'file' | 'directory' | 'symlink' | 'fifo' | 'device' | 'socket' | 'other';

export interface FileProbe {
  /** What the path itself is (a symlink is not followed); undefined when it does not exist. */
  kind(path: string): EntryKind | undefined;
  /** What the path is once symlinks are followed; undefined when it (or its target) does not exist. */
  targetKind(path: string): EntryKind | undefined;
  /** The path with every symlink resolved; undefined when it does not resolve. */
  realPath(path: string): string | undefined;
}

/** Why a file is not read: it is not there, or it may not be read (`reason`, for people). */
export type ReadRefusal = { missing: true } | { missing?: false; reason: string };

export type ReadCheck = Result<void, ReadRefusal>;

const NOT_A_FILE: Record<Exclude<EntryKind, 'file' | 'symlink'>, string> = {
  directory: 'a folder, not a file',
  fifo: 'a named pipe (FIFO): not read',
  device: 'a device: not read',
  socket: 'a socket: not read',
  other: 'not a regular file: not read',
};

/**
 * `roots`: the workspace folders. A path inside a root must stay inside it once symlinks (of the file or of a folder on
 * the way) are resolved; a regular file named outside every root is read where it is — the user chose that path.
 */
export function checkReadable(probe: FileProbe, path: string, roots: readonly string[]): ReadCheck {
  const own = probe.kind(path);
  if (own === undefined) return err({ missing: true });
  const real = probe.realPath(path);
  if (real === undefined)
    return own === 'symlink'
      ? err({ reason: 'a symlink whose target does not exist: not read' })
      : err({ missing: true });
  if (own === 'symlink' || roots.some((root) => isInside(root, path))) {
    const realRoots = roots.map((root) => probe.realPath(root) ?? root);
    if (!realRoots.some((root) => isInside(root, real)))
      return err({ reason: 'a symlink to outside the workspace: not read' });
  }
  const target = probe.targetKind(path);
  if (target === undefined) return err({ missing: true });
  if (target === 'file') return ok(undefined);
  return err({ reason: NOT_A_FILE[target === 'symlink' ? 'other' : target] });
}
