// Entry points: one scenario at once (tests, small runs), or in slices with progress and cancellation so that a UI
// stays responsive during long runs.
import { SessionEngine, type EngineOptions } from './engine';
import { nextSessionTarget, PRECISION_TARGET, relativeP99HalfWidth, type SessionCount } from './precision';
import type { PresetRun } from './presets';
import { monthConvention } from './projection';
import type { ScenarioResult, ScenarioRuns, SimulationReport } from './result';
import type { Scenario } from './scenario';
import { DEFAULT_BATCH, fixedSlices, type Slicing } from './slicing';
import { sortedCopy } from './stats';
import { summarizeRun, type SummaryOptions } from './summarize';

export type SimulateOptions = Omit<EngineOptions, 'sessions'> & SummaryOptions & { sessions: SessionCount };

function engineFor(scenario: Scenario, options: SimulateOptions): SessionEngine {
  const sessions = options.sessions === 'auto' ? PRECISION_TARGET.initialSessions : options.sessions;
  return new SessionEngine(scenario, { ...options, sessions });
}

/**
 * After the engine's sessions ran: in an 'auto' run, raises its session count when the P99 is not yet known to ±1%
 * (returns true: run on), else returns false. Records what bound stopped it.
 */
function wantsMore(
  engine: SessionEngine,
  options: SimulateOptions,
  state: { rounds: number; limitedBy?: 'sessions' | 'calls' },
): boolean {
  if (options.sessions !== 'auto' || state.rounds >= PRECISION_TARGET.rounds) return false;
  const halfWidth = relativeP99HalfWidth(sortedCopy(engine.raw().costs));
  if (halfWidth <= PRECISION_TARGET.relativeP99) return false;
  const target = nextSessionTarget(engine.sessionsDone, halfWidth, engine.callsPerSession);
  if (target <= engine.sessionsDone) {
    state.limitedBy = engine.sessionsDone >= PRECISION_TARGET.maxSessions ? 'sessions' : 'calls';
    return false;
  }
  engine.extendTo(target);
  state.rounds++;
  return true;
}

function summaryOptions(options: SimulateOptions, state: { limitedBy?: 'sessions' | 'calls' }): SummaryOptions {
  return {
    ...options,
    precisionMode: options.sessions === 'auto' ? 'auto' : 'fixed',
    ...(state.limitedBy ? { limitedBy: state.limitedBy } : {}),
  };
}

export function simulateScenario(scenario: Scenario, options: SimulateOptions): ScenarioResult {
  const engine = engineFor(scenario, options);
  const state: { rounds: number; limitedBy?: 'sessions' | 'calls' } = { rounds: 0 };
  do engine.runBatch(engine.sessionsTotal - engine.sessionsDone);
  while (wantsMore(engine, options, state));
  return summarizeRun(engine.raw(), summaryOptions(options, state));
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
  const engine = engineFor(scenario, options);
  const batch = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const state: { rounds: number; limitedBy?: 'sessions' | 'calls' } = { rounds: 0 };
  do {
    while (!engine.finished) {
      engine.runBatch(batch);
      yield { done: engine.sessionsDone, total: engine.sessionsTotal };
      await nextTick();
    }
  } while (wantsMore(engine, options, state));
  return summarizeRun(engine.raw(), summaryOptions(options, state));
}

export interface SimulationJob {
  scenario: string;
  runs: PresetRun[];
}

/** Every preset of every scenario, with one progress count over all of them; cancelled through `signal`, at the next slice. */
export async function simulatePlan(
  jobs: readonly SimulationJob[],
  options: PlanOptions,
): Promise<Outcome<SimulationReport>> {
  const slicing = options.slices ?? fixedSlices();
  const perRun =
    options.sessions === 'auto' ? PRECISION_TARGET.initialSessions : Math.max(0, Math.floor(options.sessions));
  let total = jobs.reduce((sum, job) => sum + job.runs.length, 0) * perRun;
  let done = 0;
  const scenarios: ScenarioRuns[] = [];
  for (const job of jobs) {
    const results: ScenarioResult[] = [];
    for (const run of job.runs) {
      const engine = engineFor(run.scenario, options);
      const runSlice = slicing();
      const state: { rounds: number; limitedBy?: 'sessions' | 'calls' } = { rounds: 0 };
      do {
        while (!engine.finished) {
          if (options.signal?.aborted) return { ok: false, cancelled: true, done };
          done += runSlice(engine);
          options.onProgress?.({ done, total, scenario: job.scenario, preset: run.preset });
          await nextTick();
        }
        const before = engine.sessionsTotal;
        if (!wantsMore(engine, options, state)) break;
        total += engine.sessionsTotal - before;
      } while (!options.signal?.aborted);
      if (options.signal?.aborted) return { ok: false, cancelled: true, done };
      results.push(
        summarizeRun(engine.raw(), {
          ...summaryOptions(options, state),
          preset: run.preset,
          presetDescription: run.description,
        }),
      );
    }
    scenarios.push({ name: job.scenario, runs: results });
  }
  return {
    ok: true,
    value: {
      seed: options.seed,
      sessions: options.sessions === 'auto' ? 'auto' : Math.floor(options.sessions),
      month: monthConvention(options.monthHours),
      scenarios,
    },
  };
}

/** Yields to the event loop (works in Node and in a webview, where setImmediate does not exist). */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
