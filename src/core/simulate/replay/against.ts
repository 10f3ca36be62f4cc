// Predicted against actual: a runtime profile's per-request overhead (what `burnrate context` computes for the
// workspace) next to the input each logged session's first call actually sent (input + cache reads + cache writes —
// the whole prompt before any conversation has grown). The ratio observed / predicted says how far off the profile is.
import { percentileOfSorted, sortedCopy } from '../stats';
import type { SessionSummary } from './groups';

/** Which runtime wrote each coding-agent log format. */
export const RUNTIME_OF_FORMAT: Readonly<Record<string, string>> = { 'claude-code': 'claude-code', codex: 'codex' };

export interface PredictedOverhead {
  runtime: string;
  inputTokens: number;
  exact: boolean;
  /** Relative uncertainty of the prediction (0.1 = ±10%). */
  band: number;
  model?: string;
}

export interface RuntimeComparison {
  runtime: string;
  predictedInputTokens: number;
  predictedExact: boolean;
  predictedBand: number;
  sessions: number;
  /** Observed first-call input over the prediction. */
  medianRatio: number | null;
  p10Ratio: number | null;
  p90Ratio: number | null;
  medianObservedInputTokens: number | null;
  /** Whether the median falls inside the prediction's own band. */
  withinBand: boolean | null;
  verdict: string;
}

export function compareFirstCalls(
  predicted: PredictedOverhead,
  sessions: readonly Pick<SessionSummary, 'format' | 'firstCallInputTokens'>[],
): RuntimeComparison {
  const observed = sessions
    .filter(
      (s) =>
        s.format !== undefined &&
        RUNTIME_OF_FORMAT[s.format] === predicted.runtime &&
        s.firstCallInputTokens !== undefined,
    )
    .map((s) => s.firstCallInputTokens!);
  const base = {
    runtime: predicted.runtime,
    predictedInputTokens: predicted.inputTokens,
    predictedExact: predicted.exact,
    predictedBand: predicted.band,
    sessions: observed.length,
  };
  if (observed.length === 0 || predicted.inputTokens <= 0) {
    const why =
      observed.length === 0
        ? `no ${predicted.runtime} session in the logs`
        : 'the workspace predicts no per-request input';
    return {
      ...base,
      medianRatio: null,
      p10Ratio: null,
      p90Ratio: null,
      medianObservedInputTokens: null,
      withinBand: null,
      verdict: why,
    };
  }
  const ratios = sortedCopy(Float64Array.from(observed, (tokens) => tokens / predicted.inputTokens));
  const median = percentileOfSorted(ratios, 0.5);
  const withinBand = Math.abs(median - 1) <= predicted.band;
  const off = Math.round(Math.abs(median - 1) * 100);
  const verdict = withinBand
    ? `within the profile's ±${Math.round(predicted.band * 100)}% band`
    : `${off}% ${median > 1 ? 'more' : 'less'} than predicted: the profile ${median > 1 ? 'under' : 'over'}states the overhead`;
  return {
    ...base,
    medianRatio: median,
    p10Ratio: percentileOfSorted(ratios, 0.1),
    p90Ratio: percentileOfSorted(ratios, 0.9),
    medianObservedInputTokens: percentileOfSorted(sortedCopy(Float64Array.from(observed)), 0.5),
    withinBand,
    verdict,
  };
}
