// Who runs the sessions. A month of a sample of users: each user's intensity is drawn once (log-normal, mean 1), each
// day they run a Poisson number of sessions at sessionsPerUserPerDay × intensity, and each session's cost is drawn
// from the simulated sessions. From that come the top 20% of users' share of the month's spend and the per-user-per-day
// spend a per-user budget gates. The population's size does not change these shapes, so at most USER_SAMPLE users are
// simulated, whatever the scenario's volume.
import { sumOfSessions, type SessionSample } from './projection';
import { Rng } from './rng';
import { SCENARIO_LIMITS, type Users } from './scenario';
import { normalCdf } from './stats';

/** Users simulated for the per-user figures (a month each). */
export const USER_SAMPLE = 5000;
/** The share of users whose spend is reported: the heaviest 20%. */
export const TOP_USER_SHARE = 0.2;
/** Φ⁻¹(0.8): the standard normal's 80th percentile. */
const Z_80 = 0.8416212335729143;

export interface SimulatedUsers {
  /** Users the scenario's volume implies (sessionsPerDay ÷ sessionsPerUserPerDay). */
  users: number;
  simulatedUsers: number;
  /** Each simulated user-day's spend and sessions, user by user, day by day. */
  userDayCost: Float64Array;
  userDaySessions: Float64Array;
  /** Each simulated user's spend over the month. */
  userMonthCost: Float64Array;
  /** Share of the month's spend by the heaviest 20% of simulated users. */
  topShare: number;
  /** The same share for the intensities alone, in closed form: 1 − Φ(Φ⁻¹(0.8) − σ) — what it tends to with many sessions per user. */
  intensityTopShare: number;
}

/** Top-20% share of a log-normal's total: 1 − Φ(Φ⁻¹(0.8) − σ). */
export function lognormalTopShare(sigma: number): number {
  return 1 - normalCdf(Z_80 - sigma);
}

export function simulateUsers(
  sample: SessionSample,
  users: Users,
  sessionsPerDayMean: number,
  seed: number,
  monthDays: number,
): SimulatedUsers {
  // A stream of its own, apart from the sessions' and the periods'.
  const rng = new Rng((seed ^ 0x27d4eb2f) >>> 0);
  const rate = Math.min(SCENARIO_LIMITS.sessionsPerUserPerDay, Math.max(0, users.sessionsPerUserPerDay));
  const sigma = Math.min(SCENARIO_LIMITS.intensitySigma, Math.max(0, users.intensitySigma));
  const population = rate > 0 ? Math.max(1, Math.round(sessionsPerDayMean / rate)) : 0;
  const simulated = Math.min(USER_SAMPLE, population);
  const wholeDays = Math.floor(monthDays);
  const fraction = monthDays - wholeDays;
  const days = wholeDays + (fraction > 0 ? 1 : 0);
  const userDayCost = new Float64Array(simulated * days);
  const userDaySessions = new Float64Array(simulated * days);
  const userMonthCost = new Float64Array(simulated);
  for (let u = 0; u < simulated; u++) {
    const intensity = Math.exp(sigma * rng.normal() - (sigma * sigma) / 2);
    let month = 0;
    for (let d = 0; d < days; d++) {
      const n = poisson(rate * intensity, rng);
      const cost = sumOfSessions(n, sample, rng);
      userDaySessions[u * days + d] = n;
      userDayCost[u * days + d] = cost;
      month += d < wholeDays ? cost : cost * fraction;
    }
    userMonthCost[u] = month;
  }
  return {
    users: population,
    simulatedUsers: simulated,
    userDayCost,
    userDaySessions,
    userMonthCost,
    topShare: topShareOf(userMonthCost, TOP_USER_SHARE),
    intensityTopShare: lognormalTopShare(sigma),
  };
}

/** Share of the total held by the largest `share` of the values (the top ⌈share × n⌉ of them). */
export function topShareOf(values: Float64Array, share: number): number {
  const sorted = values.slice().sort();
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i]!;
  if (!(total > 0)) return 0;
  const top = Math.ceil(share * sorted.length);
  let sum = 0;
  for (let i = sorted.length - top; i < sorted.length; i++) sum += sorted[i]!;
  return sum / total;
}

/** A Poisson draw: by multiplying uniforms for small means, by the normal approximation past 30 (work bounded either way). */
export function poisson(mean: number, rng: Rng): number {
  if (!(mean > 0)) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let product = rng.uniform();
  while (product > limit) {
    k++;
    product *= rng.uniform();
  }
  return k;
}
