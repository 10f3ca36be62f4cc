// The cost of an agent session whose prompt grows by the same amount every call, priced the way providers cache a
// growing prefix (../shared/notes/billing.md §6.2): with the cache breakpoint on the last block, call k reads
// everything call k−1 sent and writes only what is new (the previous reply and the new tool result); the first call
// writes its whole input. Closed forms throughout, so a session of 10⁹ calls costs as much to price as one of 3.
//
// NOTE for the integrator: src/core/simulate owns the Monte Carlo engine; this is the deterministic per-session
// arithmetic the estimate layer needs, kept small so the two can share one home later.
import type { RateCard } from '../pricing/rateCard';

export interface GrowingSession {
  /** Input tokens of the first call (stable prefix + the task message). */
  firstInput: number;
  /** Tokens each later call adds: the previous reply, the new tool result and their framing. */
  growth: number;
  calls: number;
  outputPerCall: number;
}

export interface CallRow {
  call: number;
  input: number;
  cacheRead: number;
  cacheWrite: number;
  costUsd?: number;
}

export interface SessionCost {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  outputTokens: number;
  /** Absent without rates. */
  costUsd?: number;
  /** What the same session costs with no caching at all (every call pays full input). */
  uncachedCostUsd?: number;
}

/** Input of call k (1-based). */
export function callInput(s: GrowingSession, k: number): number {
  return s.firstInput + (k - 1) * s.growth;
}

/** Σ of call inputs over calls m..n (1-based, inclusive); 0 for an empty range. */
export function inputSum(s: GrowingSession, m: number, n: number): number {
  if (n < m) return 0;
  const count = n - m + 1;
  // Σ (k − 1) for k = m..n
  const steps = ((n - 1) * n) / 2 - ((m - 2) * (m - 1)) / 2;
  return count * s.firstInput + s.growth * steps;
}

/** One row of the turn-by-turn table. Caching: the cache holds what the previous call sent. */
export function callRow(s: GrowingSession, k: number, rates?: RateCard): CallRow {
  const input = callInput(s, k);
  const cached = cachesPrefix(rates);
  const cacheRead = cached && k > 1 ? callInput(s, k - 1) : 0;
  const cacheWrite = cached ? input - cacheRead : 0;
  const row: CallRow = { call: k, input, cacheRead, cacheWrite };
  if (rates) row.costUsd = segmentCost(s, k, k, ratesFor(rates, input));
  return row;
}

export function sessionCost(s: GrowingSession, rates?: RateCard): SessionCost {
  const calls = Math.max(0, s.calls);
  const inputTokens = inputSum(s, 1, calls);
  const cached = cachesPrefix(rates) && calls > 0;
  const result: SessionCost = {
    inputTokens,
    cacheReadTokens: cached ? inputSum(s, 1, calls - 1) : 0,
    cacheWriteTokens: cached ? callInput(s, calls) : 0,
    outputTokens: calls * s.outputPerCall,
  };
  if (!rates || calls === 0) {
    if (rates) result.costUsd = result.uncachedCostUsd = 0;
    return result;
  }
  // A long-context tier reprices whole calls once their input passes the threshold; inputs only grow, so the calls
  // above it are one tail of the session.
  const tier = rates.longContext;
  const firstAbove = tier ? firstCallAbove(s, tier.aboveInputTokens, calls) : calls + 1;
  const base = ratesFor(rates, 0);
  const high = tier ? ratesFor(rates, Number.POSITIVE_INFINITY) : base;
  result.costUsd = segmentCost(s, 1, firstAbove - 1, base) + segmentCost(s, firstAbove, calls, high);
  result.uncachedCostUsd =
    (inputSum(s, 1, firstAbove - 1) * base.input + inputSum(s, firstAbove, calls) * high.input) / 1e6 +
    (s.outputPerCall * ((firstAbove - 1) * base.output + (calls - firstAbove + 1) * high.output)) / 1e6;
  return result;
}

/** The first call whose input exceeds `threshold` (calls + 1 when none does). */
export function firstCallAbove(s: GrowingSession, threshold: number, calls: number): number {
  if (callInput(s, 1) > threshold) return 1;
  if (s.growth <= 0) return calls + 1;
  const k = Math.floor((threshold - s.firstInput) / s.growth) + 2;
  return Math.min(Math.max(k, 1), calls + 1);
}

interface Rates {
  input: number;
  read: number;
  write: number;
  output: number;
}

function cachesPrefix(rates: RateCard | undefined): boolean {
  return rates?.cacheReadPerMTok !== undefined;
}

function ratesFor(rates: RateCard, input: number): Rates {
  const tier = rates.longContext && input > rates.longContext.aboveInputTokens ? rates.longContext : undefined;
  const inputRate = tier?.inputPerMTok ?? rates.inputPerMTok;
  if (!cachesPrefix(rates))
    return { input: inputRate, read: inputRate, write: inputRate, output: tier?.outputPerMTok ?? rates.outputPerMTok };
  return {
    input: inputRate,
    read: tier?.cacheReadPerMTok ?? rates.cacheReadPerMTok ?? inputRate,
    write: tier?.cacheWritePerMTok ?? rates.cacheWritePerMTok ?? inputRate,
    output: tier?.outputPerMTok ?? rates.outputPerMTok,
  };
}

/** Cost of calls m..n: the first call writes its input; each later one reads the previous input and writes the growth. */
function segmentCost(s: GrowingSession, m: number, n: number, r: Rates): number {
  if (n < m) return 0;
  let input = 0;
  let from = m;
  if (m === 1) {
    input += r.write * s.firstInput;
    from = 2;
  }
  if (n >= from) input += r.read * inputSum(s, from - 1, n - 1) + r.write * s.growth * (n - from + 1);
  return (input + r.output * s.outputPerCall * (n - m + 1)) / 1e6;
}
