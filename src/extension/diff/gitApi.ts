// The parts of VS Code's built-in git extension API (extensions/git/src/api/git.d.ts, API version 1) that the cost
// diff uses, typed here instead of adding a dependency. Status values are the API's numeric enum.
import type * as vscode from 'vscode';

export const GitStatus = {
  INDEX_MODIFIED: 0,
  INDEX_ADDED: 1,
  INDEX_DELETED: 2,
  INDEX_RENAMED: 3,
  INDEX_COPIED: 4,
  MODIFIED: 5,
  DELETED: 6,
  UNTRACKED: 7,
  IGNORED: 8,
  INTENT_TO_ADD: 9,
  INTENT_TO_RENAME: 10,
  TYPE_CHANGED: 11,
  ADDED_BY_US: 12,
  ADDED_BY_THEM: 13,
  DELETED_BY_US: 14,
  DELETED_BY_THEM: 15,
  BOTH_ADDED: 16,
  BOTH_DELETED: 17,
  BOTH_MODIFIED: 18,
} as const;

export interface GitChange {
  /** The path now (the new path of a rename). */
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  readonly renameUri: vscode.Uri | undefined;
  readonly status: number;
}

export interface GitBranch {
  readonly name?: string;
  readonly commit?: string;
}

export interface GitRepositoryState {
  readonly HEAD: GitBranch | undefined;
  readonly indexChanges: readonly GitChange[];
  readonly workingTreeChanges: readonly GitChange[];
  /** Present since 1.86; empty unless `git.untrackedChanges` is "separate" (else untracked files are working-tree changes). */
  readonly untrackedChanges?: readonly GitChange[];
  readonly mergeChanges: readonly GitChange[];
  readonly onDidChange: vscode.Event<void>;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: GitRepositoryState;
  /** File content at a ref, decoded as text. */
  show(ref: string, path: string): Promise<string>;
  /** File content at a ref, as bytes (absent in old API versions). */
  buffer?(ref: string, path: string): Promise<Uint8Array>;
}

export interface GitApi {
  /** The git executable the extension runs (its `git.path` setting, or the one it found). */
  readonly git: { readonly path: string };
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  readonly onDidCloseRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

export interface GitExtensionExports {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}
