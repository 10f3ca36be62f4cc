// The host's side of the estimate worker: one worker thread, requests answered in order, each within a time budget.
// A request over its budget ends the thread (the only way to stop a runaway computation) and is answered "too large to
// count here"; the requests queued behind it are sent again to a fresh thread. Requests are a document's estimate
// (`run`), one file of the review (`compare`) or a folder's agent-runtime context (`context`).
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { FileComparison } from '../../core/diff';
import type { DocumentDelta } from '../../core/editor/documentDelta';
import type { SourceEstimate } from '../../core/estimate/estimateSource';
import { err, ok, type Result } from '../../core/result';
import type { WorkspaceContext } from '../../core/runtimes/context';
import type {
  CompareRequest,
  ContextRequest,
  EstimateRequest,
  EstimateResponse,
  WorkerInit,
  WorkerMessage,
  WorkerRequest,
} from './protocol';

/** A request over its time budget, or one the worker could not answer (why, in `message`). */
export type RunFailure = { kind: 'timedOut' } | { kind: 'error'; message: string };

type Failed = { ok: false; error: RunFailure };

export type RunOutcome = Result<{ result: SourceEstimate; delta?: DocumentDelta }, RunFailure>;

export type CompareOutcome = Result<FileComparison, RunFailure>;

export type ContextOutcome = Result<WorkspaceContext, RunFailure>;

/** What the worker answered a request with (neither `started` nor an error). */
type Answer = Exclude<EstimateResponse, { started: true } | { error: string }>;

interface InFlight {
  request: WorkerRequest;
  settle: (outcome: Answer | Failed) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export class EstimateRunner {
  private worker: Worker | undefined;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;

  constructor(
    readonly budgetMs: number,
    private readonly init: WorkerInit = { grammarDir: path.join(__dirname, 'grammars') },
    private readonly script = path.join(__dirname, 'estimateWorker.js'),
  ) {}

  run(request: Omit<EstimateRequest, 'id' | 'kind'>): Promise<RunOutcome> {
    return this.submit({ ...request, kind: 'estimate', id: this.nextId++ }, (answer) =>
      'result' in answer
        ? ok({ result: answer.result, ...(answer.delta ? { delta: answer.delta } : {}) })
        : failed('the worker answered an estimate with something else'),
    );
  }

  compare(request: Omit<CompareRequest, 'id' | 'kind'>): Promise<CompareOutcome> {
    return this.submit({ ...request, kind: 'compare', id: this.nextId++ }, (answer) =>
      'comparison' in answer ? ok(answer.comparison) : failed('the worker answered a comparison with something else'),
    );
  }

  context(request: Omit<ContextRequest, 'id' | 'kind'>): Promise<ContextOutcome> {
    return this.submit({ ...request, kind: 'context', id: this.nextId++ }, (answer) =>
      'context' in answer ? ok(answer.context) : failed('the worker answered a context request with something else'),
    );
  }

  private submit<T>(request: WorkerRequest, read: (answer: Answer) => T | Failed): Promise<T | Failed> {
    return new Promise((resolve) => {
      const entry: InFlight = {
        request,
        settle: (outcome) => resolve(isFailure(outcome) ? outcome : read(outcome)),
      };
      this.inFlight.set(request.id, entry);
      this.send(entry);
    });
  }

  forget(key: string): void {
    this.worker?.postMessage({ forget: key } satisfies WorkerMessage);
  }

  dispose(): void {
    for (const entry of this.inFlight.values()) {
      clearTimeout(entry.timer);
      entry.settle(failed('the extension is shutting down'));
    }
    this.inFlight.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private send(entry: InFlight): void {
    this.ensureWorker().postMessage(entry.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: this.init });
    worker.on('message', (response: EstimateResponse) => {
      const entry = this.inFlight.get(response.id);
      if (!entry) return;
      if ('started' in response) {
        // The budget counts from when the thread takes the request up: waiting behind another is not this file's.
        entry.timer = setTimeout(() => this.timedOut(entry), this.budgetMs);
        return;
      }
      clearTimeout(entry.timer);
      this.inFlight.delete(response.id);
      entry.settle('error' in response ? failed(response.error) : response);
    });
    worker.on('error', (error) => this.restart(error.message));
    worker.on('exit', (code) => {
      // Not ended by us (out of memory, say): what it was doing cannot be answered by it.
      if (this.worker === worker) this.restart(`the estimate worker stopped (exit code ${code})`);
    });
    this.worker = worker;
    return worker;
  }

  private timedOut(entry: InFlight): void {
    this.inFlight.delete(entry.request.id);
    entry.settle(err({ kind: 'timedOut' }));
    this.restart(undefined);
  }

  /** End the thread; every other request still waiting is sent again to a new one. */
  private restart(error: string | undefined): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    const waiting = [...this.inFlight.values()];
    for (const entry of waiting) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
      // Its counter was in the old thread: the new one starts from the full text.
      if (entry.request.kind === 'estimate') entry.request = { ...entry.request, changes: [] };
    }
    if (error !== undefined) {
      for (const entry of waiting) entry.settle(failed(error));
      this.inFlight.clear();
      return;
    }
    for (const entry of waiting) this.send(entry);
  }
}

function isFailure(outcome: Answer | Failed): outcome is Failed {
  return 'ok' in outcome;
}

function failed(message: string): Failed {
  return err({ kind: 'error', message });
}
