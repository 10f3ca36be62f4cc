// The cost review's per-file comparisons, off the extension host's thread: the host reads both sides through git and
// hands each file to a worker as plain data (core's CompareJob), within the same per-file budget as a document's
// estimate. Past it the file is listed as "too large to compare here" — not compared, never a $0 change. The review
// has a worker thread of its own, so a long review never queues ahead of the lenses' estimates.
import type * as vscode from 'vscode';
import { compareFailed, notComparedInTime, type CompareHook } from '../../core/diff';
import { Disposable } from '../disposable';
import type { Log } from '../log';
import { ESTIMATE_BUDGET_MS } from '../worker/budget';
import { EstimateRunner } from '../worker/estimateRunner';
import type { PriceDataSource } from '../worker/protocol';

export class WorkerCompare extends Disposable {
  constructor(
    private readonly priceData: (folder: vscode.WorkspaceFolder) => PriceDataSource | undefined,
    private readonly log: Pick<Log, 'warn'>,
    private readonly runner = new EstimateRunner(ESTIMATE_BUDGET_MS),
  ) {
    super();
    this.register({ dispose: () => this.runner.dispose() });
  }

  /** The review's compare hook for a repository priced by `folder`'s inputs. */
  hookFor(folder: vscode.WorkspaceFolder): CompareHook {
    return async (job) => {
      const priceData = this.priceData(folder);
      const outcome = await this.runner.compare({ job, ...(priceData ? { priceData } : {}) });
      if (outcome.ok) return outcome.value;
      if (outcome.error.kind === 'timedOut') {
        this.log.warn(
          `review: ${job.versions.path} not compared within ${this.runner.budgetMs} ms; the worker was restarted`,
        );
        return notComparedInTime(job, this.runner.budgetMs / 1000);
      }
      this.log.warn(`review: comparing ${job.versions.path}: ${outcome.error.message}`);
      return compareFailed(job, outcome.error.message);
    };
  }
}
