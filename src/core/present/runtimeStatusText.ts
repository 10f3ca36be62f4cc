// The status bar's runtime overhead: what the runtime that loads the active file sends on every request, read from the
// same workspace context the Agent Context view and `burnrate context` show.
import type { RuntimeContext } from '../runtimes/context';
import { compact, integer, usd } from './money';
import { kindLabel } from './contextText';

export interface RuntimeStatusText {
  text: string;
  tooltip: string;
}

/** The first of the workspace's runtimes that loads this file (in the order the context lists them). */
export function runtimeOfFile(
  runtimes: readonly RuntimeContext[],
  relativePath: string,
): { runtime: RuntimeContext; kind: string } | undefined {
  for (const runtime of runtimes) {
    const item = runtime.items.find((i) => i.path === relativePath);
    if (item) return { runtime, kind: kindLabel(item.kind) };
  }
  return undefined;
}

/** `Claude Code ≈14.2k tok/req · ≈$0.0426` — tooltip: runtime, model, tokens with their band, $/request. */
export function runtimeStatusText(runtime: RuntimeContext, kind: string): RuntimeStatusText {
  const p = runtime.perRequest;
  const approx = p.exact ? '' : '≈';
  const band = p.exact ? 'exact count' : `±${Math.round(p.band * 100)}%`;
  const model = runtime.pricing.ok ? runtime.pricing.rates.modelId : runtime.model.value;
  const cost = p.costUsd === undefined ? `no price for ${runtime.model.value}` : `${approx}${usd(p.costUsd)}/request`;
  const text = `${runtime.name} ${approx}${compact(p.inputTokens)} tok/req${p.costUsd === undefined ? '' : ` · ${approx}${usd(p.costUsd)}`}`;
  const lines = [
    `${runtime.name} — every request carries ${approx}${integer(p.inputTokens)} input tokens (${band}) before your message`,
    `Model: ${model} (${runtime.model.detail})`,
    `Cost: ${cost}${p.cachedCostUsd !== undefined ? ` (${approx}${usd(p.cachedCostUsd)} if read from the prompt cache)` : ''}${p.perMonthUsd !== undefined ? ` · ${approx}${usd(p.perMonthUsd)}/month at ${compact(runtime.requestsPerDay.value)} requests/day` : ''}`,
    `This file: ${kind} of ${runtime.name}`,
    'Click to open the Agent Context view.',
  ];
  return { text, tooltip: lines.join('\n') };
}
