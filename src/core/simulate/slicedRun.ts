// simulatePlan() with a time budget instead of a fixed batch size: each slice runs as many sessions as fit in about
// `sliceMs` (learned from the slices before it), then yields to the event loop. A host that shares its thread with
// other work (the VS Code extension host) stays responsive whether a session is one call or two hundred. The engine
// consumes its random stream in session order, so slicing never changes a result: the report equals simulatePlan's.
import { SessionEngine } from './engine';
import { monthConvention } from './projection';
import type { ScenarioResult, ScenarioRuns, SimulationReport } from './result';
import type { BatchOptions, Outcome, SimulateOptions, SimulationJob } from './run';
import { summarizeRun } from './summarize';

export const DEFAULT_SLICE_MS = 15;
const FIRST_SLICE = 100;
const MIN_SLICE = 10;
const MAX_SLICE = 50_000;

export interface SliceOptions extends SimulateOptions, Omit<BatchOptions, 'batchSize'> {
  /** Target time of one slice, in milliseconds. */
  sliceMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export async function simulatePlanInSlices(jobs: readonly SimulationJob[], options: SliceOptions): Promise<Outcome<SimulationReport>> {
  const now = options.now ?? (() => performance.now());
  const target = Math.max(1, options.sliceMs ?? DEFAULT_SLICE_MS);
  const total = jobs.reduce((sum, job) => sum + job.runs.length, 0) * Math.max(0, Math.floor(options.sessions));
  let done = 0;
  const scenarios: ScenarioRuns[] = [];
  for (const job of jobs) {
    const results: ScenarioResult[] = [];
    for (const run of job.runs) {
      const engine = new SessionEngine(run.scenario, options);
      // Each preset starts small again: a stress session can cost ten base sessions' time.
      let slice = FIRST_SLICE;
      while (!engine.finished) {
        if (options.signal?.aborted) return { ok: false, cancelled: true, done };
        const started = now();
        const ran = engine.runBatch(slice);
        done += ran;
        // Aim the next slice at the target, changing by at most ×2 either way so one slow slice (a GC) does not swing it.
        const elapsed = Math.max(0.05, now() - started);
        if (ran === slice) slice = Math.round(Math.min(MAX_SLICE, Math.max(MIN_SLICE, slice * Math.min(2, Math.max(0.5, target / elapsed)))));
        options.onProgress?.({ done, total, scenario: job.scenario, preset: run.preset });
        await yieldToEventLoop();
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

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
