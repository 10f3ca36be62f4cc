// The host side of one panel, without VS Code: the scenarios it offers, the run in flight (a new run request aborts
// it), throttled progress, and the finished reports that exports are made from. Every outcome is a message; nothing
// is thrown to the caller. The panel controller feeds it messages and forwards what it posts.
import type { BatchRunner } from '../../core/simulate/batches';
import type { SessionCount } from '../../core/simulate/precision';
import type { SimulationReport } from '../../core/simulate/result';
import type { HostMessage, Levers } from '../../webview/protocol';
import { runScenario } from './runScenario';
import type { ScenarioSource } from './scenarioSources';

export const MAX_SESSIONS = 1_000_000;
const PROGRESS_INTERVAL_MS = 100;
const KEPT_REPORTS = 4;

export interface RunRequest {
  requestId: string;
  scenarioId: string;
  levers: Levers;
  sessions: SessionCount;
  seed: number;
}

export interface FinishedRun {
  requestId: string;
  source: ScenarioSource;
  report: SimulationReport;
}

export interface PanelSessionOptions {
  post(message: HostMessage): void;
  now?: () => number;
  progressIntervalMs?: number;
  sliceMs?: number;
  /** Where the batches run (the panel's worker threads); in time slices on this thread without it. */
  batches?: BatchRunner;
}

type ResultMessage = Extract<HostMessage, { type: 'result' }>;

export class PanelSession {
  private sources = new Map<string, ScenarioSource>();
  private active: { requestId: string; controller: AbortController } | undefined;
  private readonly finished: FinishedRun[] = [];
  private cached: { key: string; message: ResultMessage; run: FinishedRun } | undefined;
  private readonly now: () => number;

  constructor(private readonly options: PanelSessionOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  setSources(sources: readonly ScenarioSource[]): void {
    this.sources = new Map(sources.map((s) => [s.choice.id, s]));
  }

  get scenarios(): ScenarioSource[] {
    return [...this.sources.values()];
  }

  /** A scenario by id, else by its label (a command argument may name it). */
  find(idOrName: string): ScenarioSource | undefined {
    return this.sources.get(idOrName) ?? this.scenarios.find((s) => s.choice.label === idOrName);
  }

  get running(): string | undefined {
    return this.active?.requestId;
  }

  finishedRun(requestId: string): FinishedRun | undefined {
    return this.finished.find((r) => r.requestId === requestId);
  }

  async run(request: RunRequest): Promise<void> {
    this.active?.controller.abort();
    const controller = new AbortController();
    this.active = { requestId: request.requestId, controller };
    const post = this.options.post;
    const source = this.sources.get(request.scenarioId);
    if (!source) {
      this.settle(request.requestId);
      post({
        type: 'runFailed',
        requestId: request.requestId,
        message: 'This scenario is no longer offered (the usage file or the open files changed); pick one again.',
        problems: [],
      });
      return;
    }
    const sessions: SessionCount =
      request.sessions === 'auto' ? 'auto' : Math.min(MAX_SESSIONS, Math.max(1, Math.floor(request.sessions)));
    // Same prepared scenario, levers, size and seed: the seeded engine would give the same figures again (the webview
    // was hidden and rebuilt, or the scenario list was re-read while nothing in this scenario changed).
    const key = JSON.stringify([
      source.fingerprint ?? '',
      source.monthHours,
      request.scenarioId,
      request.levers,
      sessions,
      request.seed,
    ]);
    if (this.cached?.key === key) {
      this.settle(request.requestId);
      this.keep({ ...this.cached.run, requestId: request.requestId });
      post({ ...this.cached.message, requestId: request.requestId });
      return;
    }
    const started = this.now();
    const interval = this.options.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
    let lastProgress = -Infinity;
    const outcome = await runScenario(source, request.levers, {
      sessions,
      seed: request.seed,
      signal: controller.signal,
      ...(this.options.sliceMs ? { sliceMs: this.options.sliceMs } : {}),
      ...(this.options.batches ? { batches: this.options.batches } : {}),
      onProgress: (p) => {
        const now = this.now();
        if (now - lastProgress < interval && p.done < p.total) return;
        lastProgress = now;
        post({ type: 'progress', requestId: request.requestId, done: p.done, total: p.total, preset: p.preset });
      },
    });
    this.settle(request.requestId);
    if (!outcome.ok || controller.signal.aborted) {
      const failure = outcome.ok ? undefined : outcome.error;
      if (failure && !failure.cancelled && !controller.signal.aborted)
        post({ type: 'runFailed', requestId: request.requestId, message: failure.message, problems: failure.problems });
      else post({ type: 'cancelled', requestId: request.requestId });
      return;
    }
    const { report, problems, changes } = outcome.value;
    const message: ResultMessage = {
      type: 'result',
      requestId: request.requestId,
      scenarioId: request.scenarioId,
      report,
      problems,
      changes,
      elapsedMs: Math.round(this.now() - started),
    };
    const run: FinishedRun = { requestId: request.requestId, source, report };
    this.keep(run);
    this.cached = { key, message, run };
    post(message);
  }

  cancel(requestId: string): void {
    if (this.active?.requestId === requestId) this.active.controller.abort();
  }

  dispose(): void {
    this.active?.controller.abort();
    this.active = undefined;
  }

  private settle(requestId: string): void {
    if (this.active?.requestId === requestId) this.active = undefined;
  }

  private keep(run: FinishedRun): void {
    this.finished.push(run);
    if (this.finished.length > KEPT_REPORTS) this.finished.shift();
  }
}
