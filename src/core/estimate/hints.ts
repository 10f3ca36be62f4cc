// Advice attached to an estimate: what caching the stable prefix would save, what a cheaper model of the same
// provider would cost, when a request crosses a long-context price tier.
import { listProviderModels } from '../pricing/catalog';
import { callCost, type RateCard } from '../pricing/rateCard';
import { resolveModel } from '../pricing/resolve';
import type { CostUnit } from '../types';
import { usd } from '../present/money';
import type { Hint, UnitEstimate } from './types';

// Anthropic and OpenAI only cache prefixes of at least 1,024 tokens.
const MIN_CACHEABLE_TOKENS = 1024;
const CHEAP_TIER = /(mini|haiku|flash|nano|small|lite)/;
const NOT_TEXT = /(^ft:|\.ft-|image|audio|tts|realtime|transcribe|embed|search|vision|live|ocr|moderation|deep-research|codex|:free)/;

export function unitHints(estimate: UnitEstimate, unit: CostUnit): Hint[] {
  if (!estimate.pricing.ok || !estimate.cost) return [];
  const rates = estimate.pricing.rates;
  const hints: Hint[] = [];
  const runsPerMonth = (estimate.callsPerDay.value * estimate.monthHours) / 24;
  const callsPerRun = estimate.session ? estimate.session.turns.value : 1;

  const stablePrefix = estimate.input.parts.filter((p) => p.role !== 'user' && p.role !== 'assistant').reduce((s, p) => s + p.tokens, 0);
  if (estimate.kind === 'call' && stablePrefix >= MIN_CACHEABLE_TOKENS && rates.cacheReadPerMTok !== undefined) {
    const saved = ((rates.inputPerMTok - rates.cacheReadPerMTok) * stablePrefix) / 1e6;
    hints.push({
      kind: 'caching',
      message:
        `Caching the stable prefix (${stablePrefix.toLocaleString('en-US')} tokens) bills it at $${rates.cacheReadPerMTok}/M instead of ` +
        `$${rates.inputPerMTok}/M on cache hits: up to ${usd(saved * callsPerRun * runsPerMonth)}/mo saved at a 100% hit rate` +
        (rates.cacheWritePerMTok !== undefined ? ` (cache writes cost $${rates.cacheWritePerMTok}/M)` : ''),
      monthlyUsd: saved * callsPerRun * runsPerMonth,
    });
  }

  const cheaper = cheaperModel(rates);
  if (cheaper) {
    const perCall = callCost(cheaper, { input: estimate.input.tokens, output: estimate.output.expected.value });
    const monthly = (estimate.cost.perMonth * perCall) / estimate.cost.perCall;
    if (perCall < estimate.cost.perCall) {
      hints.push({
        kind: 'cheaper-model',
        message: `On ${cheaper.modelId} the same unit costs ${usd(perCall)}/call (${usd(monthly)}/mo, ${Math.round((1 - perCall / estimate.cost.perCall) * 100)}% less) — check its quality on your task first`,
        monthlyUsd: estimate.cost.perMonth - monthly,
      });
    }
  }

  if (rates.longContext && estimate.input.tokens > rates.longContext.aboveInputTokens) {
    hints.push({
      kind: 'long-context',
      message: `Input above ${rates.longContext.aboveInputTokens.toLocaleString('en-US')} tokens is billed at the long-context rate ($${rates.longContext.inputPerMTok}/M in, $${rates.longContext.outputPerMTok}/M out)`,
    });
  }

  if (unit.tools && unit.tools.length > 0 && !unit.parts.some((p) => p.role === 'tool-schema')) {
    hints.push({
      kind: 'tools',
      message: `${unit.tools.length} tool${unit.tools.length === 1 ? '' : 's'} declared by name: their schemas are sent with every call too, but they are not in this file and are not counted`,
    });
  }
  return hints;
}

function cheaperModel(rates: RateCard): RateCard | undefined {
  if (rates.providerId === 'anthropic') {
    const haiku = resolveModel('haiku');
    return haiku.ok && haiku.rates.modelId !== rates.modelId ? haiku.rates : undefined;
  }
  const candidates = listProviderModels(rates.providerId).filter(
    (c) => c.modelId !== rates.modelId && CHEAP_TIER.test(c.modelId) && !NOT_TEXT.test(c.modelId) && c.inputPerMTok < rates.inputPerMTok,
  );
  let best: { card: RateCard; shared: number } | undefined;
  for (const card of candidates) {
    const shared = commonPrefixLength(card.modelId, rates.modelId);
    if (!best || shared > best.shared || (shared === best.shared && card.inputPerMTok > best.card.inputPerMTok)) best = { card, shared };
  }
  return best?.card;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
