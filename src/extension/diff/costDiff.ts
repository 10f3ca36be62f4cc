// The editor's cost diff: the "Prompt Cost Changes" view and its commands (the delta lens on changed prompt files is
// planned with the cost lens, from the document model). Git is reached only through the built-in git extension, and
// only in a trusted workspace.
import * as vscode from 'vscode';
import { err, ok, type Result } from '../../core/result';
import { Disposable } from '../disposable';
import type { DocumentEstimates } from '../documentEstimates';
import type { Log } from '../log';
import type { DiffServices } from './diffInputs';
import { gitAccess } from './gitAccess';
import type { GitApi } from './gitApi';
import { isOpenChangeArgs, openChange, type Opened } from './openChange';
import { reviewRepositories, type RepositoryReview, type ReviewRun } from './reviewRepositories';
import { ReviewTree, type ReviewNode } from './reviewTree';
import { WorkerCompare } from './workerCompare';

export const REVIEW_VIEW_ID = 'burnrate.costChanges';
const AUTO_REFRESH_MS = 1500;

/** What the review command returns (the same figures the view shows), for callers and tests; or why nothing was reviewed. */
export type ReviewSummary = Result<ReviewedRepositories>;

export interface ReviewedRepositories {
  cancelled: boolean;
  skipped: string[];
  repositories: {
    root: string;
    base: string;
    head: string;
    totalPerMonthDelta: number;
    totalPercent: number | null;
    files: { path: string; status: string; perMonthDelta: number | null; tokensDelta: number; item: vscode.TreeItem }[];
    uncompared: { path: string; severity: string; reason: string }[];
  }[];
}

export class CostDiff extends Disposable {
  private readonly tree = this.register(new ReviewTree());
  private readonly view: vscode.TreeView<ReviewNode>;
  private watchedRepositories = new Set<string>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<ReviewSummary> | undefined;
  private readonly compare: WorkerCompare;

  constructor(
    private readonly services: DiffServices & { estimates: DocumentEstimates },
    private readonly log: Log,
  ) {
    super();
    this.view = this.register(
      vscode.window.createTreeView(REVIEW_VIEW_ID, { treeDataProvider: this.tree, showCollapseAll: true }),
    );
    this.register({ dispose: () => clearTimeout(this.refreshTimer) });
    this.compare = this.register(new WorkerCompare((folder) => services.estimates.priceDataFor(folder), log));
  }

  /** Reviews every repository of the workspace and shows the result in the view. */
  review(): Promise<ReviewSummary> {
    this.running ??= this.runReview('notification').finally(() => (this.running = undefined));
    return this.running;
  }

  async openChange(args: unknown): Promise<Opened | undefined> {
    if (!isOpenChangeArgs(args)) throw new Error('open a change from the Prompt Cost Changes view or a cost diff lens');
    const access = await gitAccess();
    if (!access.ok) {
      void vscode.window.showWarningMessage(`Burnrate: ${access.error.message}`);
      return undefined;
    }
    return openChange(access.value, args);
  }

  private async runReview(where: 'notification' | 'view'): Promise<ReviewSummary> {
    const access = await gitAccess();
    if (!access.ok) {
      this.tree.showMessage('Cost review unavailable', access.error.message);
      if (where === 'notification') void vscode.window.showWarningMessage(`Burnrate: ${access.error.message}`);
      return err(access.error.message);
    }
    this.watch(access.value);
    const run = await vscode.window.withProgress(
      {
        location: where === 'view' ? { viewId: REVIEW_VIEW_ID } : vscode.ProgressLocation.Notification,
        title: 'Burnrate: reviewing prompt cost changes',
        cancellable: true,
      },
      (progress, token) => {
        let shown = 0;
        return reviewRepositories(
          access.value,
          this.services,
          {
            report: (done, total, name) => {
              const share = total > 0 ? (done / total) * 100 : 100;
              progress.report({
                message: `${name}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files`,
                increment: Math.max(0, share - shown),
              });
              shown = share;
            },
            isCancelled: () => token.isCancellationRequested,
          },
          (folder) => this.compare.hookFor(folder),
        );
      },
    );
    const summary = this.display(run);
    if (where === 'notification') {
      await vscode.commands
        .executeCommand(`${REVIEW_VIEW_ID}.focus`)
        .then(undefined, (error: unknown) => this.log.warn(`revealing the cost view: ${String(error)}`));
    }
    return summary;
  }

  private display(run: ReviewRun): ReviewSummary {
    if (!run.ok) {
      this.tree.showMessage(run.error);
      return err(run.error);
    }
    const { reviews, skipped, cancelled } = run.value;
    const notes: ReviewNode[] = skipped.map((text) => ({ kind: 'message', text }));
    if (cancelled) notes.push({ kind: 'message', text: 'Review cancelled: the list is incomplete' });
    if (reviews.length === 0) this.tree.showMessage(skipped[0] ?? 'Nothing to review');
    else this.tree.show(reviews, notes);
    return ok({ cancelled, skipped, repositories: reviews.map((review) => summarize(review, this.tree)) });
  }

  /** Keeps an open view current as files are edited, staged and committed. */
  private watch(api: GitApi): void {
    for (const repository of api.repositories) {
      const key = repository.rootUri.toString();
      if (this.watchedRepositories.has(key)) continue;
      this.watchedRepositories.add(key);
      this.register(repository.state.onDidChange(() => this.refreshSoon()));
    }
  }

  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      if (!this.view.visible || !this.tree.hasResults || this.running) return;
      this.running = this.runReview('view').finally(() => (this.running = undefined));
    }, AUTO_REFRESH_MS);
  }
}

function summarize(review: RepositoryReview, tree: ReviewTree): ReviewedRepositories['repositories'][number] {
  const { report } = review;
  return {
    root: review.root.toString(),
    base: report.baseLabel,
    head: report.headLabel,
    totalPerMonthDelta: report.totals.delta.perMonth ?? 0,
    totalPercent: report.totals.delta.costPercent ?? null,
    files: report.files.map((file) => ({
      path: file.path,
      status: file.status,
      perMonthDelta: file.delta.perMonth ?? null,
      tokensDelta: file.delta.tokens,
      item: tree.getTreeItem({ kind: 'file', review, file }),
    })),
    uncompared: report.uncompared.map((u) => ({ path: u.path, severity: u.severity, reason: u.reason })),
  };
}
