// Budget gates: warn at 70%, throttle at 90%, stop at 100% of a budget — per call, per session, per day and per user per day.

export const GATE_LEVELS = [
  { level: 'warn', fraction: 0.7 },
  { level: 'throttle', fraction: 0.9 },
  { level: 'stop', fraction: 1 },
] as const;

export type GateLevel = (typeof GATE_LEVELS)[number]['level'];

/** A budget counts as tripped when at least this share of sessions (or days) reach its stop gate: its P90 is over. */
export const GATE_TRIP_SHARE = 0.1;

export interface SessionGate {
  level: GateLevel;
  fraction: number;
  thresholdUsd: number;
  /** Simulated sessions that reach the gate. */
  sessions: number;
  share: number;
  /** Expected sessions a day that reach it, at the scenario's mean sessions per day. */
  perDay: number;
}

export interface SessionGateReport {
  budgetUsd: number;
  gates: SessionGate[];
  /** Share of all spend that lies above the stop gate: what a hard per-session stop would cut. */
  spendAboveStopShare: number;
  tripped: boolean;
}

export interface DayGate {
  level: GateLevel;
  fraction: number;
  thresholdUsd: number;
  /** Share of simulated days whose spend reaches the gate. */
  daysShare: number;
  /** Sessions a day that start after the gate is reached, averaged over all days (spend accrues evenly in a day). */
  sessionsPastPerDay: number;
}

export interface DayGateReport {
  budgetUsd: number;
  gates: DayGate[];
  tripped: boolean;
}

export interface CallGate {
  level: GateLevel;
  fraction: number;
  thresholdUsd: number;
  /** Share of billed calls (each with its retries) that reach the gate. */
  share: number;
  /** Expected calls a day that reach it. */
  perDay: number;
}

export interface CallGateReport {
  budgetUsd: number;
  gates: CallGate[];
  tripped: boolean;
}

/** Gate thresholds of a budget, in GATE_LEVELS order. */
export function gateThresholds(budgetUsd: number): Float64Array {
  return Float64Array.from(GATE_LEVELS, (g) => budgetUsd * g.fraction);
}

/** From the engine's count of calls at each gate (GATE_LEVELS order) over all calls. */
export function callGates(
  budgetUsd: number,
  callsAtGate: ArrayLike<number>,
  calls: number,
  callsPerDay: number,
): CallGateReport {
  const gates = GATE_LEVELS.map(({ level, fraction }, i): CallGate => {
    const share = calls > 0 ? (callsAtGate[i] ?? 0) / calls : 0;
    return { level, fraction, thresholdUsd: budgetUsd * fraction, share, perDay: share * callsPerDay };
  });
  return { budgetUsd, gates, tripped: gates[gates.length - 1]!.share >= GATE_TRIP_SHARE };
}

export function sessionGates(sortedCosts: Float64Array, budgetUsd: number, sessionsPerDay: number): SessionGateReport {
  const n = sortedCosts.length;
  let total = 0;
  let aboveStop = 0;
  for (let i = 0; i < n; i++) {
    const cost = sortedCosts[i]!;
    total += cost;
    if (cost > budgetUsd) aboveStop += cost - budgetUsd;
  }
  const gates = GATE_LEVELS.map(({ level, fraction }): SessionGate => {
    const thresholdUsd = budgetUsd * fraction;
    const sessions = n - firstAtLeast(sortedCosts, thresholdUsd);
    const share = n === 0 ? 0 : sessions / n;
    return { level, fraction, thresholdUsd, sessions, share, perDay: share * sessionsPerDay };
  });
  const stop = gates[gates.length - 1]!;
  return {
    budgetUsd,
    gates,
    spendAboveStopShare: total > 0 ? aboveStop / total : 0,
    tripped: stop.share >= GATE_TRIP_SHARE,
  };
}

export function dayGates(dayCosts: Float64Array, daySessions: Float64Array, budgetUsd: number): DayGateReport {
  const days = dayCosts.length;
  const gates = GATE_LEVELS.map(({ level, fraction }): DayGate => {
    const thresholdUsd = budgetUsd * fraction;
    let reached = 0;
    let past = 0;
    for (let d = 0; d < days; d++) {
      const cost = dayCosts[d]!;
      if (cost >= thresholdUsd) {
        reached++;
        if (cost > 0) past += daySessions[d]! * (1 - thresholdUsd / cost);
      }
    }
    return {
      level,
      fraction,
      thresholdUsd,
      daysShare: days === 0 ? 0 : reached / days,
      sessionsPastPerDay: days === 0 ? 0 : past / days,
    };
  });
  const stop = gates[gates.length - 1]!;
  return { budgetUsd, gates, tripped: stop.daysShare >= GATE_TRIP_SHARE };
}

/** Index of the first value >= x in an ascending array (its length when none). */
function firstAtLeast(sorted: Float64Array, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < x) low = mid + 1;
    else high = mid;
  }
  return low;
}
