// How many sessions a run simulates when the user does not say: enough that the per-session P99's 95% interval is
// within ±1% of it, starting from 20,000 and growing by the ratio the interval asks for (its width shrinks as 1/√n),
// up to a bound on sessions and on simulated calls so that a heavy scenario still ends in seconds. A run that stops at
// a bound says so, with the precision it reached.
import { percentileIntervalOfSorted, percentileOfSorted } from './stats';

/** 'auto': chosen for precision; a number: exactly that many. */
export type SessionCount = number | 'auto';

export const PRECISION_TARGET = {
  /** Half-width of the P99's 95% interval, relative to the P99. */
  relativeP99: 0.01,
  initialSessions: 20_000,
  maxSessions: 1_000_000,
  /** Simulated model calls per run: the work bound for long sessions. */
  maxCalls: 60_000_000,
  /** Rounds of growth; each aims past the target, so one or two suffice. */
  rounds: 4,
} as const;

/** The larger side of the P99's interval over the P99 (0 when the P99 is 0). */
export function relativeP99HalfWidth(sorted: Float64Array): number {
  const p99 = percentileOfSorted(sorted, 0.99);
  if (!(p99 > 0)) return 0;
  const [low, high] = percentileIntervalOfSorted(sorted, 0.99);
  return Math.max(p99 - low, high - p99) / p99;
}

/** Sessions to aim for next, given `done` sessions of `callsPerSession` calls whose P99 is known to `halfWidth`. */
export function nextSessionTarget(done: number, halfWidth: number, callsPerSession: number): number {
  if (halfWidth <= PRECISION_TARGET.relativeP99) return done;
  const wanted = Math.ceil(done * (halfWidth / PRECISION_TARGET.relativeP99) ** 2 * 1.15);
  const byCalls = Math.floor(PRECISION_TARGET.maxCalls / Math.max(1, callsPerSession));
  return Math.max(done, Math.min(wanted, PRECISION_TARGET.maxSessions, byCalls));
}

export interface PrecisionReport {
  /** 'auto' when the count was chosen for precision. */
  mode: 'auto' | 'fixed';
  /** The P99's relative half-width reached. */
  relativeP99HalfWidth: number;
  /** Whether the ±1% target was met (auto runs), or would be (fixed runs). */
  met: boolean;
  /** Why an auto run stopped short: 'sessions' or 'calls' bound. */
  limitedBy?: 'sessions' | 'calls';
}
