// One open document against HEAD: the buffer as typed (unsaved edits included) against the committed version, or the
// version it was renamed from. Pure engine work after the two reads.
import * as vscode from 'vscode';
import { compareFile, type FileComparison, type FileVersions } from '../../core/diff';
import { companionReader, companionsOf } from '../../core/diff/companions';
import { GitStatus, type GitApi, type GitRepository } from './gitApi';
import { globPathIn, sideOptions, type DiffServices } from './diffInputs';
import type { HeadVersions } from './headVersions';
import { repoPathOf, uriOf } from './repoPaths';
import { readWorking } from './vscodeGitSource';

export interface DocumentDiff {
  repository: GitRepository;
  commit: string;
  path: string;
  basePath?: string;
  /** The buffer is byte-for-byte HEAD's version: nothing changed, nothing was tokenized. */
  identical: boolean;
  comparison: FileComparison;
}

export async function diffDocument(api: GitApi, heads: HeadVersions, services: DiffServices, document: vscode.TextDocument): Promise<DocumentDiff | undefined> {
  const repository = api.getRepository(document.uri);
  const commit = repository?.state.HEAD?.commit;
  if (!repository || !commit) return undefined;
  const root = repository.rootUri;
  const path = repoPathOf(root, document.uri);
  if (path === undefined) return undefined;

  const basePath = renamedFrom(repository, document.uri, root) ?? path;
  const base = await heads.read(repository, commit, uriOf(root, basePath));
  if (base === undefined && !isNew(repository, document.uri)) return undefined; // ignored by git: no "vs HEAD" to show
  const head = new TextEncoder().encode(document.getText());
  if (base !== undefined && basePath === path && equalBytes(base, head)) return { repository, commit, path, identical: true, comparison: { kind: 'unchanged' } };
  const versions: FileVersions = { path, status: base === undefined ? 'added' : basePath !== path ? 'renamed' : 'modified', head };
  if (base !== undefined) versions.base = base;
  if (basePath !== path) versions.basePath = basePath;

  const side = sideOptions(services, document.uri);
  const globPath = globPathIn(root);
  const baseOptions = { ...side };
  const headOptions = { ...side };
  const baseCompanions = new Map<string, Uint8Array | undefined>();
  const headCompanions = new Map<string, Uint8Array | undefined>();
  for (const companion of companionsOf(basePath)) baseCompanions.set(globPath(companion), await heads.read(repository, commit, uriOf(root, companion)));
  for (const companion of companionsOf(path)) headCompanions.set(globPath(companion), await readWorking(uriOf(root, companion)));
  if (baseCompanions.size > 0) baseOptions.readCompanion = companionReader(baseCompanions);
  if (headCompanions.size > 0) headOptions.readCompanion = companionReader(headCompanions);

  const comparison = compareFile(versions, { base: baseOptions, head: headOptions, globPath, baseLabel: 'HEAD', headLabel: 'this editor' });
  const diff: DocumentDiff = { repository, commit, path, identical: false, comparison };
  if (basePath !== path) diff.basePath = basePath;
  return diff;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A staged rename's original path, so the lens compares with the file it was. */
function renamedFrom(repository: GitRepository, uri: vscode.Uri, root: vscode.Uri): string | undefined {
  const change = repository.state.indexChanges.find((c) => c.status === GitStatus.INDEX_RENAMED && (c.renameUri ?? c.uri).toString() === uri.toString());
  return change ? repoPathOf(root, change.originalUri) : undefined;
}

function isNew(repository: GitRepository, uri: vscode.Uri): boolean {
  const key = uri.toString();
  const state = repository.state;
  return [...state.indexChanges, ...state.workingTreeChanges, ...(state.untrackedChanges ?? [])].some(
    (c) => c.uri.toString() === key && (c.status === GitStatus.UNTRACKED || c.status === GitStatus.INDEX_ADDED || c.status === GitStatus.INTENT_TO_ADD || c.status === GitStatus.INDEX_COPIED),
  );
}
