// The FileProbe of src/core/files over Node's fs, shared by the CLI and the extension host (both run on Node).
import * as fs from 'fs';
import type { EntryKind, FileProbe } from '../core/files/readableFile';

function kindOf(stats: fs.Stats): EntryKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

export const nodeFileProbe: FileProbe = {
  kind: (path) => {
    try {
      return kindOf(fs.lstatSync(path));
    } catch {
      return undefined;
    }
  },
  targetKind: (path) => {
    try {
      return kindOf(fs.statSync(path));
    } catch {
      return undefined;
    }
  },
  realPath: (path) => {
    try {
      return fs.realpathSync(path);
    } catch {
      return undefined;
    }
  },
};
