// From sessions to days and months. A day's spend is the sum of that day's sessions: drawn one by one from the
// simulated sessions for small days, and from the normal approximation (central limit) for large ones, where drawing
// every session would cost time and change nothing visible. Day-to-day spread comes from sessionsPerDay when it is a
// distribution; with a fixed number of sessions a day the band is only session-to-session noise, and narrow.
import { Sampler, type Dist } from './distribution';
import { Rng } from './rng';

/** Days simulated for the daily band. */
export const SIMULATED_DAYS = 2000;
/** Up to this many sessions a day, a day is summed session by session. */
export const EXACT_DAY_LIMIT = 1000;

export const DEFAULT_MONTH_HOURS = 730;

export interface MonthConvention {
  hours: number;
  days: number;
  /** "a month is 730 hours (365 × 24 / 12 = 30.42 days)". */
  description: string;
}

export function monthConvention(hours = DEFAULT_MONTH_HOURS): MonthConvention {
  const days = hours / 24;
  const origin = hours === DEFAULT_MONTH_HOURS ? ' (365 × 24 / 12)' : '';
  return { hours, days, description: `a month is ${hours} hours${origin} = ${days.toFixed(2)} days` };
}

export interface SimulatedDays {
  cost: Float64Array;
  sessions: Float64Array;
}

export function simulateDays(
  costs: Float64Array,
  mean: number,
  sd: number,
  sessionsPerDay: Dist,
  seed: number,
  days = SIMULATED_DAYS,
): SimulatedDays {
  // A stream of its own, so the daily band never shifts the session stream (or the reverse).
  const rng = new Rng((seed ^ 0x5bd1e995) >>> 0);
  const volume = new Sampler(sessionsPerDay);
  const cost = new Float64Array(days);
  const sessions = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    const n = Math.max(0, rng.roundStochastic(volume.sample(rng)));
    sessions[d] = n;
    if (costs.length === 0 || n === 0) continue;
    if (n <= EXACT_DAY_LIMIT) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += costs[rng.index(costs.length)]!;
      cost[d] = sum;
    } else {
      cost[d] = Math.max(0, n * mean + Math.sqrt(n) * sd * rng.normal());
    }
  }
  return { cost, sessions };
}
