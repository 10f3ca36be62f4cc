// From sessions to days and months. A day's spend is the sum of that day's sessions, drawn one by one from the
// simulated sessions for small days; for large days, where drawing every session would cost time and change nothing
// visible, from the normal approximation with a skewness correction (Cornish-Fisher), so heavy-tailed sessions still
// give the day its right-hand tail. A month is the sum of its simulated days (30.42 of them: 30 whole days and 0.42 of
// a 31st), never a day's band times 30.42 — a month in which every day is a P99 day is not the monthly P99.
// Day-to-day spread comes from sessionsPerDay when it is a distribution: each day's volume is its quantile at a latent
// standard normal that follows an AR(1) chain with the scenario's dayCorrelation (0: independent days).
import { lognormalParams, type Dist } from './distribution';
import { Rng } from './rng';
import { normalCdf } from './stats';

/** Months simulated for the monthly band; the daily band uses every day of them. */
export const SIMULATED_MONTHS = 1000;
/** Up to this many sessions a day, a day is summed session by session. */
export const EXACT_DAY_LIMIT = 200;

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

export interface SessionSample {
  costs: Float64Array;
  mean: number;
  sd: number;
  skewness: number;
}

export interface SimulatedPeriods {
  /** Every simulated day, months one after the other. */
  dayCost: Float64Array;
  daySessions: Float64Array;
  monthCost: Float64Array;
  /** "1,000 months of 30.42 simulated days each; day-to-day correlation of volume 0". */
  description: string;
}

export interface PeriodOptions {
  monthDays: number;
  /** Correlation of consecutive days' latent volume, 0 ≤ ρ < 1. */
  dayCorrelation: number;
  months?: number;
}

export function simulatePeriods(
  sample: SessionSample,
  sessionsPerDay: Dist,
  seed: number,
  options: PeriodOptions,
): SimulatedPeriods {
  // A stream of its own, so the periods never shift the session stream (or the reverse).
  const rng = new Rng((seed ^ 0x5bd1e995) >>> 0);
  const months = Math.max(1, Math.floor(options.months ?? SIMULATED_MONTHS));
  const wholeDays = Math.floor(options.monthDays);
  const fraction = options.monthDays - wholeDays;
  const daysPerMonth = wholeDays + (fraction > 0 ? 1 : 0);
  const rho = Math.min(0.999, Math.max(0, options.dayCorrelation));
  const innovation = Math.sqrt(1 - rho * rho);
  const volume = volumeAt(sessionsPerDay);
  const dayCost = new Float64Array(months * daysPerMonth);
  const daySessions = new Float64Array(months * daysPerMonth);
  const monthCost = new Float64Array(months);
  let latent = rng.normal();
  for (let m = 0; m < months; m++) {
    let total = 0;
    for (let d = 0; d < daysPerMonth; d++) {
      const day = m * daysPerMonth + d;
      latent = rho * latent + innovation * rng.normal();
      const n = Math.max(0, rng.roundStochastic(volume(latent)));
      daySessions[day] = n;
      const cost = sumOfSessions(n, sample, rng);
      dayCost[day] = cost;
      total += d < wholeDays ? cost : cost * fraction;
    }
    monthCost[m] = total;
  }
  const description =
    `monthly band: ${months.toLocaleString('en-US')} months, each the sum of ${options.monthDays.toFixed(2)} simulated days ` +
    `(each day the sum of its sessions drawn from the simulated ones); day-to-day correlation of volume ${rho}`;
  return { dayCost, daySessions, monthCost, description };
}

/**
 * The spend of `n` sessions drawn from the simulated ones: one by one up to EXACT_DAY_LIMIT, past it from the normal
 * approximation with a skewness correction (Cornish-Fisher), so the work is bounded whatever n is.
 */
export function sumOfSessions(n: number, sample: SessionSample, rng: Rng): number {
  const { costs, mean, sd, skewness } = sample;
  if (costs.length === 0 || n <= 0) return 0;
  if (n <= EXACT_DAY_LIMIT) {
    let cost = 0;
    for (let i = 0; i < n; i++) cost += costs[rng.index(costs.length)]!;
    return cost;
  }
  const z = rng.normal();
  const skew = skewness / Math.sqrt(n);
  return Math.max(0, n * mean + Math.sqrt(n) * sd * (z + ((z * z - 1) * skew) / 6));
}

/** Sessions on a day whose latent standard normal is z: the quantile of sessionsPerDay at Φ(z). */
function volumeAt(dist: Dist): (z: number) => number {
  switch (dist.kind) {
    case 'fixed':
      return () => dist.value;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(dist.p50, dist.p90);
      return (z) => Math.exp(mu + sigma * z);
    }
    case 'empirical': {
      const sorted = [...dist.samples].sort((a, b) => a - b);
      if (sorted.length === 0) return () => 0;
      return (z) => sorted[Math.min(sorted.length - 1, Math.floor(normalCdf(z) * sorted.length))]!;
    }
  }
}
