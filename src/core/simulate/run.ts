// Entry points: one scenario at once (tests, small runs), or in slices with progress and cancellation so that a UI
// stays responsive during long runs.
import { SessionEngine, type EngineOptions } from './engine';
import type { PresetRun } from './presets';
import { monthConvention } from './projection';
import type { ScenarioResult, ScenarioRuns, SimulationReport } from './result';
import type { Scenario } from './scenario';
import { DEFAULT_BATCH, fixedSlices, type Slicing } from './slicing';
import { summarizeRun, type SummaryOptions } from './summarize';

export type SimulateOptions = EngineOptions & SummaryOptions;

export function simulateScenario(scenario: Scenario, options: SimulateOptions): ScenarioResult {
  const engine = new SessionEngine(scenario, options);
  engine.runBatch(engine.sessionsTotal);
  return summarizeRun(engine.raw(), options);
}

export interface Progress {
  /** Sessions simulated so far, over every job of the run. */
  done: number;
  total: number;
  /** The scenario and preset being simulated. */
  scenario: string;
  preset: string;
}

export interface PlanOptions extends SimulateOptions {
  /** How each preset's sessions are cut into slices between yields to the event loop; fixed batches by default. */
  slices?: Slicing;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; cancelled: true; done: number };

/**
 * Runs a scenario batch by batch, yielding progress after each one; the generator's return value is the result.
 * Stop iterating (or `return()` the generator) to cancel.
 */
export async function* simulateInBatches(
  scenario: Scenario,
  options: SimulateOptions & { batchSize?: number },
): AsyncGenerator<{ done: number; total: number }, ScenarioResult, void> {
  const engine = new SessionEngine(scenario, options);
  const batch = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  while (!engine.finished) {
    engine.runBatch(batch);
    yield { done: engine.sessionsDone, total: engine.sessionsTotal };
    await nextTick();
  }
  return summarizeRun(engine.raw(), options);
}

export interface SimulationJob {
  scenario: string;
  runs: PresetRun[];
}

/** Every preset of every scenario, with one progress count over all of them; cancelled through `signal`, at the next slice. */
export async function simulatePlan(jobs: readonly SimulationJob[], options: PlanOptions): Promise<Outcome<SimulationReport>> {
  const slicing = options.slices ?? fixedSlices();
  const total = jobs.reduce((sum, job) => sum + job.runs.length, 0) * Math.max(0, Math.floor(options.sessions));
  let done = 0;
  const scenarios: ScenarioRuns[] = [];
  for (const job of jobs) {
    const results: ScenarioResult[] = [];
    for (const run of job.runs) {
      const engine = new SessionEngine(run.scenario, options);
      const runSlice = slicing();
      while (!engine.finished) {
        if (options.signal?.aborted) return { ok: false, cancelled: true, done };
        done += runSlice(engine);
        options.onProgress?.({ done, total, scenario: job.scenario, preset: run.preset });
        await nextTick();
      }
      if (options.signal?.aborted) return { ok: false, cancelled: true, done };
      results.push(summarizeRun(engine.raw(), { ...options, preset: run.preset, presetDescription: run.description }));
    }
    scenarios.push({ name: job.scenario, runs: results });
  }
  return {
    ok: true,
    value: { seed: options.seed, sessions: Math.floor(options.sessions), month: monthConvention(options.monthHours), scenarios },
  };
}

/** Yields to the event loop (works in Node and in a webview, where setImmediate does not exist). */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
