// Runs the engine's review over each git repository of the workspace, through the git extension, with progress and
// cancellation. Returns plain results for the tree view and for callers (tests, other commands).
import * as vscode from 'vscode';
import { review, type CompareHook, type DiffReport, type ReviewOptions } from '../../core/diff';
import { err, ok, type Result } from '../../core/result';
import { Config } from '../config';
import { globPathIn, repositoryUsage, type DiffServices } from './diffInputs';
import type { GitApi, GitRepository } from './gitApi';
import { uriOf } from './repoPaths';
import { VscodeGitSource } from './vscodeGitSource';

export interface RepositoryReview {
  root: vscode.Uri;
  commit: string;
  report: DiffReport;
}

export type ReviewRun = Result<{ reviews: RepositoryReview[]; skipped: string[]; cancelled: boolean }>;

export interface Progress {
  report(done: number, total: number, repository: string): void;
  isCancelled(): boolean;
}

/** Where each file of a repository priced by `folder` is compared (the editor: its worker). */
export type CompareIn = (folder: vscode.WorkspaceFolder) => CompareHook;

export async function reviewRepositories(
  api: GitApi,
  services: DiffServices,
  progress: Progress,
  compareIn: CompareIn,
): Promise<ReviewRun> {
  const repositories = api.repositories.filter((r) => repositoryUsage(services, r.rootUri) !== undefined);
  if (repositories.length === 0) return err('No git repository in this workspace: nothing to compare with HEAD.');
  const reviews: RepositoryReview[] = [];
  const skipped: string[] = [];
  for (const repository of sortByPath(repositories)) {
    if (progress.isCancelled()) return ok({ reviews, skipped, cancelled: true });
    const name = vscode.workspace.asRelativePath(repository.rootUri, true) || repository.rootUri.fsPath;
    const source = VscodeGitSource.open(repository);
    if (!source) {
      skipped.push(`${name}: no commits yet, so there is no HEAD to compare with`);
      continue;
    }
    const outcome = await review(source, optionsFor(services, repository, progress, name, compareIn));
    if (!outcome.ok) {
      skipped.push(`${name}: ${outcome.error.message}`);
      continue;
    }
    reviews.push({ root: repository.rootUri, commit: source.headCommit, report: outcome.value });
  }
  return ok({ reviews, skipped, cancelled: progress.isCancelled() });
}

function optionsFor(
  services: DiffServices,
  repository: GitRepository,
  progress: Progress,
  name: string,
  compareIn: CompareIn,
): ReviewOptions {
  const root = repository.rootUri;
  const usage = repositoryUsage(services, root)!;
  const config = new Config(usage.folder.uri);
  const options: ReviewOptions = {
    pathForGlobs: globPathIn(root),
    flagsFor: (path) => services.choices.get(uriOf(root, path)),
    settings: config.usageDefaults,
    settingsPrices: config.priceOverrides.prices,
    maxBytes: config.maxSizeBytes,
    extraGlobs: config.extraGlobs,
    batchSize: 50,
    onProgress: (done, total) => progress.report(done, total, name),
    isCancelled: () => progress.isCancelled(),
    compare: compareIn(usage.folder),
  };
  if (usage.usageFile) options.usageFile = usage.usageFile;
  if (usage.explicitUsage) options.explicitUsage = usage.explicitUsage;
  return options;
}

function sortByPath(repositories: readonly GitRepository[]): GitRepository[] {
  return [...repositories].sort((a, b) => a.rootUri.fsPath.localeCompare(b.rootUri.fsPath));
}
