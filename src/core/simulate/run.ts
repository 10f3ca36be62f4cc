// Entry points: one scenario at once (tests, small runs), or in slices with progress and cancellation so that a UI
// stays responsive during long runs.
import { BatchedRun, batchSizes, type BatchJob, type BatchRunner, type SessionRunner } from './batches';
import type { EngineOptions, RawRun } from './engine';
import { mergeRuns } from './merge';
import { err, type Result } from '../result';
import { nextSessionTarget, PRECISION_TARGET, relativeP99HalfWidth, type SessionCount } from './precision';
import type { PresetRun } from './presets';
import { monthConvention } from './projection';
import type { ScenarioResult, ScenarioRuns, SimulationReport } from './result';
import type { Scenario } from './scenario';
import { DEFAULT_BATCH, fixedSlices, type Slicing } from './slicing';
import { sortedCopy } from './stats';
import { summarizeRun, type SummaryOptions } from './summarize';

export type SimulateOptions = Omit<EngineOptions, 'sessions'> & SummaryOptions & { sessions: SessionCount };

type RunState = { rounds: number; limitedBy?: 'sessions' | 'calls' };

function initialSessions(options: SimulateOptions): number {
  return options.sessions === 'auto' ? PRECISION_TARGET.initialSessions : Math.max(0, Math.floor(options.sessions));
}

function engineFor(scenario: Scenario, options: SimulateOptions): BatchedRun {
  return new BatchedRun(scenario, { ...options, sessions: initialSessions(options) });
}

/**
 * After `done` sessions ran: in an 'auto' run, the session count to raise the run to when the P99 is not yet known to
 * ±1%, else 0 (stop). Records what bound stopped it.
 */
function moreSessions(
  costs: () => Float64Array,
  done: number,
  callsPerSession: number,
  options: SimulateOptions,
  state: RunState,
): number {
  if (options.sessions !== 'auto' || state.rounds >= PRECISION_TARGET.rounds) return 0;
  const halfWidth = relativeP99HalfWidth(sortedCopy(costs()));
  if (halfWidth <= PRECISION_TARGET.relativeP99) return 0;
  const target = nextSessionTarget(done, halfWidth, callsPerSession);
  if (target <= done) {
    state.limitedBy = done >= PRECISION_TARGET.maxSessions ? 'sessions' : 'calls';
    return 0;
  }
  state.rounds++;
  return target;
}

/** moreSessions() for a run in this thread: raises its count (returns true: run on) or returns false. */
function wantsMore(engine: SessionRunner, options: SimulateOptions, state: RunState): boolean {
  const target = moreSessions(() => engine.raw().costs, engine.sessionsDone, engine.callsPerSession, options, state);
  if (target === 0) return false;
  engine.extendTo(target);
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
  const state: RunState = { rounds: 0 };
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
  /** Runs the batch plan's batches elsewhere (worker threads) instead of slice by slice in this thread; same result. */
  batches?: BatchRunner;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

export type Outcome<T> = Result<T, { cancelled: true; done: number }>;

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
  const state: RunState = { rounds: 0 };
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
  const perRun = initialSessions(options);
  let total = jobs.reduce((sum, job) => sum + job.runs.length, 0) * perRun;
  let done = 0;
  const scenarios: ScenarioRuns[] = [];
  for (const job of jobs) {
    const results: ScenarioResult[] = [];
    for (const run of job.runs) {
      if (options.batches) {
        const state: RunState = { rounds: 0 };
        const progress = (sessions: number) => {
          done += sessions;
          options.onProgress?.({ done, total, scenario: job.scenario, preset: run.preset });
        };
        const raw = await runElsewhere(run.scenario, options, options.batches, state, progress, (more) => {
          total += more;
        });
        if (!raw) return err({ cancelled: true, done });
        results.push(
          summarizeRun(raw, {
            ...summaryOptions(options, state),
            preset: run.preset,
            presetDescription: run.description,
          }),
        );
        continue;
      }
      const engine = engineFor(run.scenario, options);
      const runSlice = slicing();
      const state: RunState = { rounds: 0 };
      do {
        while (!engine.finished) {
          if (options.signal?.aborted) return err({ cancelled: true, done });
          done += runSlice(engine);
          options.onProgress?.({ done, total, scenario: job.scenario, preset: run.preset });
          await nextTick();
        }
        const before = engine.sessionsTotal;
        if (!wantsMore(engine, options, state)) break;
        total += engine.sessionsTotal - before;
      } while (!options.signal?.aborted);
      if (options.signal?.aborted) return err({ cancelled: true, done });
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

/**
 * One preset run through a BatchRunner: every batch of the plan, folded in batch order (as BatchedRun folds them), then
 * in an 'auto' run more rounds; a batch already run whole is kept, only the last, partial one of a round runs again at
 * its new size (the same stream, so the same first sessions). Undefined when cancelled.
 */
async function runElsewhere(
  scenario: Scenario,
  options: PlanOptions,
  runner: BatchRunner,
  state: RunState,
  onDone: (sessions: number) => void,
  onExtended: (more: number) => void,
): Promise<RawRun | undefined> {
  const shares = options.shares ?? 'sampled';
  const batches: RawRun[] = [];
  let sessions = initialSessions(options);
  if (sessions === 0) return engineFor(scenario, options).raw();
  for (;;) {
    const sizes = batchSizes(sessions);
    const jobs: BatchJob[] = [];
    sizes.forEach((size, batch) => {
      if (batches[batch]?.sessions !== size) jobs.push({ scenario, seed: options.seed, shares, batch, sessions: size });
    });
    const results = await runner(jobs, {
      ...(options.signal ? { signal: options.signal } : {}),
      // A batch run again at its new size counts only its new sessions.
      onDone: (index) => onDone(jobs[index]!.sessions - (batches[jobs[index]!.batch]?.sessions ?? 0)),
    });
    if (!results || options.signal?.aborted) return undefined;
    jobs.forEach((job, i) => (batches[job.batch] = results[i]!));
    const raw = fold(batches.slice(0, sizes.length), sessions);
    // The batches keep views of the folded costs, not their own copies: memory stays one sample (and its sorted copy).
    let offset = 0;
    for (let k = 0; k < sizes.length && sizes.length > 1; k++) {
      batches[k] = { ...batches[k]!, costs: raw.costs.subarray(offset, offset + sizes[k]!) };
      offset += sizes[k]!;
    }
    const callsPerSession = raw.sessions > 0 ? raw.calls / raw.sessions : 0;
    const target = moreSessions(() => raw.costs, raw.sessions, callsPerSession, options, state);
    if (target === 0) return raw;
    onExtended(target - sessions);
    sessions = target;
  }
}

/** The batches (at least one) folded left to right, their costs laid out in one array of `sessions`. */
function fold(batches: readonly RawRun[], sessions: number): RawRun {
  let raw = batches[0]!;
  if (batches.length === 1) return raw;
  const costs = new Float64Array(sessions);
  costs.set(raw.costs);
  let at = raw.sessions;
  for (const batch of batches.slice(1)) {
    costs.set(batch.costs, at);
    at += batch.sessions;
    raw = mergeRuns(raw, batch, costs.subarray(0, at));
  }
  return raw;
}

/** Yields to the event loop (works in Node and in a webview, where setImmediate does not exist). */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
