// The git extension's change groups (index, working tree, untracked, merge) → one change per path against HEAD.
import type { ChangedFile } from '../../core/diff';
import { GitStatus, type GitChange, type GitRepositoryState } from './gitApi';
import type * as vscode from 'vscode';

export function changesAgainstHead(
  state: GitRepositoryState,
  toPath: (uri: vscode.Uri) => string | undefined,
): ChangedFile[] {
  const byPath = new Map<string, ChangedFile>();
  const put = (change: ChangedFile) => byPath.set(change.path, change);

  for (const change of state.indexChanges) {
    const path = toPath(change.renameUri ?? change.uri);
    if (path === undefined) continue;
    switch (change.status) {
      case GitStatus.INDEX_ADDED:
      case GitStatus.INDEX_COPIED:
      case GitStatus.INTENT_TO_ADD:
        put({ status: 'added', path });
        break;
      case GitStatus.INDEX_DELETED:
        put({ status: 'deleted', path });
        break;
      case GitStatus.INDEX_RENAMED: {
        const basePath = toPath(change.originalUri);
        put(
          basePath !== undefined && basePath !== path
            ? { status: 'renamed', path, basePath }
            : { status: 'modified', path },
        );
        break;
      }
      default:
        put({ status: 'modified', path });
    }
  }
  // A working-tree change adds to what the index says: an added-then-edited file is still added against HEAD.
  for (const change of [...state.workingTreeChanges, ...(state.untrackedChanges ?? [])]) {
    const path = toPath(change.uri);
    if (path === undefined) continue;
    const staged = byPath.get(path);
    if (change.status === GitStatus.UNTRACKED || change.status === GitStatus.INTENT_TO_ADD)
      put({ status: 'added', path });
    else if (change.status === GitStatus.DELETED) {
      if (staged?.status === 'added')
        byPath.delete(path); // added in the index, deleted on disk: nothing against HEAD
      else if (staged?.status === 'renamed') put({ status: 'deleted', path: staged.basePath! });
      else put({ status: 'deleted', path });
    } else if (!staged) put({ status: 'modified', path });
  }
  for (const change of state.mergeChanges) {
    const path = toPath(change.uri);
    if (path === undefined || !isConflict(change)) continue;
    put({ status: 'modified', path, unmerged: true });
  }
  return [...byPath.values()];
}

function isConflict(change: GitChange): boolean {
  return change.status >= GitStatus.ADDED_BY_US && change.status <= GitStatus.BOTH_MODIFIED;
}
