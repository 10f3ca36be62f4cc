// HEAD's side of each open prompt document, for the one document model (documentEstimates.ts): which commit and path
// the buffer compares with, and HEAD's bytes (read once per commit through the git extension). Only in a trusted
// workspace: Restricted Mode reaches no git at all, not even through the git extension.
import * as vscode from 'vscode';
import { companionsOf } from '../../core/diff/companions';
import type { BaseVersion } from '../../core/editor/documentDelta';
import { Disposable } from '../disposable';
import { relativePathOf } from '../documentEstimates';
import { gitAccess } from './gitAccess';
import { GitStatus, type GitApi, type GitRepository } from './gitApi';
import { globPathIn } from './diffInputs';
import { HeadVersions } from './headVersions';
import { repoPathOf, uriOf } from './repoPaths';

/** A document's base, with where it came from (the delta lens's click opens that change). */
export interface DocumentBase {
  root: vscode.Uri;
  commit: string;
  base: BaseVersion;
}

// Git's state changes in bursts (a save, a status refresh, a commit): bases are looked at again once it settles.
const SETTLE_MS = 250;

export class HeadBases extends Disposable {
  private readonly heads = new HeadVersions();
  private api: Promise<GitApi | undefined> | undefined;
  private readonly watched = new Set<string>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** A repository's state changed (a commit, staging, a checkout), or one opened: bases may differ. */
  readonly onDidChange = this.changed.event;

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()));
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  private changedSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), SETTLE_MS);
  }

  /**
   * HEAD's side of the document, or undefined when there is none to show: Restricted Mode, no git, no repository or
   * commit, a file git ignores. `inputs` names the pricing inputs' version: a new one estimates HEAD's side again.
   */
  async baseFor(document: vscode.TextDocument, inputs: number): Promise<DocumentBase | undefined> {
    if (!vscode.workspace.isTrusted) return undefined;
    const api = await this.gitApi();
    const repository = api?.getRepository(document.uri);
    const commit = repository?.state.HEAD?.commit;
    if (!repository || !commit) return undefined;
    const root = repository.rootUri;
    const path = repoPathOf(root, document.uri);
    if (path === undefined) return undefined;
    const basePath = renamedFrom(repository, document.uri, root) ?? path;
    const bytes = await this.heads.read(repository, commit, uriOf(root, basePath));
    if (bytes === undefined && !isNew(repository, document.uri)) return undefined; // ignored by git: no "vs HEAD" to show
    const globPath = globPathIn(root);
    const companions: [string, Uint8Array | undefined][] = [];
    for (const companion of companionsOf(basePath))
      companions.push([globPath(companion), await this.heads.read(repository, commit, uriOf(root, companion))]);
    const base: BaseVersion = {
      key: `${commit}\u0000${basePath}\u0000${bytes === undefined ? 'new' : 'tracked'}\u0000${inputs}`,
      path,
      basePath,
      globPath: relativePathOf(document.uri),
      baseGlobPath: globPath(basePath),
      companions,
    };
    if (bytes !== undefined) base.bytes = bytes;
    return { root, commit, base };
  }

  private gitApi(): Promise<GitApi | undefined> {
    this.api ??= gitAccess().then((access) => {
      if (!access.ok) {
        this.api = undefined; // asked again later: git may be enabled, the workspace trusted
        return undefined;
      }
      const watch = (repository: GitRepository) => {
        const key = repository.rootUri.toString();
        if (this.watched.has(key)) return;
        this.watched.add(key);
        this.register(repository.state.onDidChange(() => this.changedSoon()));
      };
      access.value.repositories.forEach(watch);
      this.register(
        access.value.onDidOpenRepository((repository) => {
          watch(repository);
          this.changedSoon();
        }),
      );
      return access.value;
    });
    return this.api;
  }
}

/** A staged rename's original path, so the lens compares with the file it was. */
function renamedFrom(repository: GitRepository, uri: vscode.Uri, root: vscode.Uri): string | undefined {
  const change = repository.state.indexChanges.find(
    (c) => c.status === GitStatus.INDEX_RENAMED && (c.renameUri ?? c.uri).toString() === uri.toString(),
  );
  return change ? repoPathOf(root, change.originalUri) : undefined;
}

function isNew(repository: GitRepository, uri: vscode.Uri): boolean {
  const key = uri.toString();
  const state = repository.state;
  return [...state.indexChanges, ...state.workingTreeChanges, ...(state.untrackedChanges ?? [])].some(
    (c) =>
      c.uri.toString() === key &&
      (c.status === GitStatus.UNTRACKED ||
        c.status === GitStatus.INDEX_ADDED ||
        c.status === GitStatus.INTENT_TO_ADD ||
        c.status === GitStatus.INDEX_COPIED),
  );
}
