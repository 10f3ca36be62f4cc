// Two runs of the same scenario, one after the other, as one run. The sums are added a's first, so folding batches
// left to right in batch order gives the same bits wherever each batch ran.
import type { RawRun } from './engine';

/**
 * `a`'s sessions followed by `b`'s. `costs`, when given, already holds both runs' costs in that order (the caller's
 * buffer, so a long fold does not copy the sample once per batch); otherwise they are concatenated.
 */
export function mergeRuns(a: RawRun, b: RawRun, costs?: Float64Array): RawRun {
  return {
    scenario: a.scenario,
    seed: a.seed,
    shares: a.shares,
    sessions: a.sessions + b.sessions,
    costs: costs ?? concat(a.costs, b.costs),
    componentUsd: added(a.componentUsd, b.componentUsd),
    turnCostUsd: added(a.turnCostUsd, b.turnCostUsd),
    turnFirstInputTokens: added(a.turnFirstInputTokens, b.turnFirstInputTokens),
    turnSessions: added(a.turnSessions, b.turnSessions),
    callCostUsd: added(a.callCostUsd, b.callCostUsd),
    callInputTokens: added(a.callInputTokens, b.callInputTokens),
    callSessions: added(a.callSessions, b.callSessions),
    calls: a.calls + b.calls,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    callsMade: a.callsMade + b.callsMade,
    callsAtGate: added(a.callsAtGate, b.callsAtGate),
    overContextSessions: a.overContextSessions + b.overContextSessions,
    compactions: a.compactions + b.compactions,
    truncatedSessions: a.truncatedSessions + b.truncatedSessions,
    failedSessions: a.failedSessions + b.failedSessions,
    compactedSessions: a.compactedSessions + b.compactedSessions,
  };
}

/** Element-wise a + b (both come from the same scenario, so they have the same length). */
function added(a: Float64Array, b: Float64Array): Float64Array {
  const sum = new Float64Array(Math.max(a.length, b.length));
  for (let i = 0; i < sum.length; i++) sum[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return sum;
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
