// One panel run: levers applied to the written scenario, the scenario prepared, then base / bull / stress (and the
// scenario's own presets) simulated in worker threads when the panel has them (`batches`), else in time slices that
// yield to the event loop — either way the extension host stays responsive, progress is reported after each batch or
// slice, and an aborted signal stops the run.
import { err, ok, type Result } from '../../core/result';
import { presetRuns } from '../../core/simulate/presets';
import { prepareScenario } from '../../core/simulate/prepare';
import type { SessionCount } from '../../core/simulate/precision';
import type { SimulationReport } from '../../core/simulate/result';
import type { BatchRunner } from '../../core/simulate/batches';
import { simulatePlan, type Progress } from '../../core/simulate/run';
import { timedSlices } from '../../core/simulate/slicing';
import type { Problem } from '../../core/types';
import type { Levers } from '../../webview/protocol';
import { applyLevers } from './levers';
import type { ScenarioSource } from './scenarioSources';

export interface RunOptions {
  sessions: SessionCount;
  seed: number;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Target milliseconds of engine work between two yields to the event loop. */
  sliceMs?: number;
  /** Runs the batches in worker threads (the same report as in this thread); without it, time slices here. */
  batches?: BatchRunner;
}

export type RunOutcome = Result<
  { report: SimulationReport; problems: Problem[]; changes: string[] },
  { cancelled: true } | { cancelled: false; message: string; problems: Problem[] }
>;

export async function runScenario(source: ScenarioSource, levers: Levers, options: RunOptions): Promise<RunOutcome> {
  const defaults = source.choice.defaults;
  if (!source.spec || !defaults) {
    const problems = source.choice.problems;
    const first = problems.find((p) => p.severity === 'error');
    return err({
      cancelled: false,
      message: `${source.choice.label} cannot be simulated${first ? `: ${first.message}` : ''}`,
      problems,
    });
  }
  const sessions = options.sessions === 'auto' ? 'auto' : Math.floor(options.sessions);
  if (sessions !== 'auto' && !(sessions >= 1))
    return err({ cancelled: false, message: `sessions must be at least 1, got ${options.sessions}`, problems: [] });
  try {
    const { spec, changes } = applyLevers(source.spec, levers, defaults);
    const prepared = prepareScenario(spec, source.deps);
    if (!prepared.scenario) {
      const first = prepared.problems.find((p) => p.severity === 'error');
      return err({
        cancelled: false,
        message: first?.message ?? `${spec.name} cannot be simulated`,
        problems: prepared.problems,
      });
    }
    if (changes.length > 0) prepared.scenario.notes.push(`levers moved in the panel: ${changes.join(', ')}`);
    const outcome = await simulatePlan(
      [{ scenario: spec.name, runs: presetRuns(prepared.scenario, prepared.presets) }],
      {
        sessions,
        seed: options.seed,
        slices: timedSlices(options.sliceMs),
        ...(options.batches ? { batches: options.batches } : {}),
        ...(source.monthHours !== undefined ? { monthHours: source.monthHours } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
    );
    if (!outcome.ok) return err({ cancelled: true });
    return ok({ report: outcome.value, problems: prepared.problems, changes });
  } catch (error) {
    // The engine reports failures as values; an exception here is a bug, shown in the panel rather than thrown.
    return err({
      cancelled: false,
      message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
      problems: [],
    });
  }
}
