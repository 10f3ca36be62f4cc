// Advice attached to an estimate: what caching the stable prefix would save, what a cheaper model of the same
// provider would cost, when a request crosses a long-context price tier.
import { listProviderModels, newestPricedClaude } from '../pricing/catalog';
import { callCost, type RateCard } from '../pricing/rateCard';
import { BEDROCK_ID } from '../pricing/modelNames';
import type { CostUnit } from '../types';
import { usd } from '../present/money';
import type { Hint, UnitEstimate } from './types';

// Providers cache only prefixes of a minimum length: 1,024 tokens for OpenAI and most Claude models, 2,048 for Claude
// Haiku 3 / 3.5, 4,096 for Claude Haiku 4.5 and Opus 4.5 (Anthropic prompt-caching docs).
function minCacheableTokens(modelId: string): number {
  if (/claude-(haiku-4-5|opus-4-5)/.test(modelId)) return 4096;
  if (/claude-3(-5)?-haiku/.test(modelId)) return 2048;
  return 1024;
}
// A tier word as its own segment of the id ("gpt-4o-mini", "gemini-2.5-flash"), not inside another word ("gemini").
const CHEAP_TIER = /(^|[-/.])(mini|haiku|flash|nano|small|lite)($|[-.:])/;
const NOT_TEXT =
  /(^ft:|\.ft-|preview|-latest|image|audio|tts|realtime|transcribe|embed|search|vision|live|ocr|moderation|deep-research|codex|:free)/;

export function unitHints(estimate: UnitEstimate, unit: CostUnit): Hint[] {
  if (!estimate.pricing.ok || !estimate.cost) return [];
  const rates = estimate.pricing.rates;
  const hints: Hint[] = [];
  const runsPerMonth = (estimate.callsPerDay.value * estimate.monthHours) / 24;
  const callsPerRun = estimate.session ? estimate.session.turns.value : 1;

  const stablePrefix = estimate.input.parts
    .filter((p) => p.role !== 'user' && p.role !== 'assistant')
    .reduce((s, p) => s + p.tokens, 0);
  if (
    estimate.kind === 'call' &&
    stablePrefix >= minCacheableTokens(rates.modelId) &&
    rates.cacheReadPerMTok !== undefined
  ) {
    // Inside a long-context tier the whole request, cached part included, is billed at the tier's rates.
    const tier =
      rates.longContext && estimate.input.tokens > rates.longContext.aboveInputTokens ? rates.longContext : undefined;
    const inputRate = tier?.inputPerMTok ?? rates.inputPerMTok;
    const readRate = tier?.cacheReadPerMTok ?? rates.cacheReadPerMTok;
    const writeRate = tier?.cacheWritePerMTok ?? rates.cacheWritePerMTok;
    const saved = ((inputRate - readRate) * stablePrefix) / 1e6;
    hints.push({
      kind: 'caching',
      message:
        `Caching the stable prefix (${stablePrefix.toLocaleString('en-US')} tokens) bills it at $${readRate}/M instead of ` +
        `$${inputRate}/M on cache hits: up to ${usd(saved * callsPerRun * runsPerMonth)}/mo saved at a 100% hit rate` +
        (writeRate !== undefined ? ` (cache writes cost $${writeRate}/M)` : ''),
      monthlyUsd: saved * callsPerRun * runsPerMonth,
    });
  }

  const tokens = { input: estimate.input.tokens, output: estimate.output.expected.value };
  const cheaper = cheaperModel(rates, (card) => callCost(card, tokens) < estimate.cost!.perCall);
  if (cheaper) {
    const perCall = callCost(cheaper, tokens);
    const monthly = (estimate.cost.perMonth * perCall) / estimate.cost.perCall;
    hints.push({
      kind: 'cheaper-model',
      message: `On ${cheaper.modelId} the same unit costs ${usd(perCall)}/call (${usd(monthly)}/mo, ${Math.round((1 - perCall / estimate.cost.perCall) * 100)}% less) — check its quality on your task first`,
      monthlyUsd: estimate.cost.perMonth - monthly,
    });
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

/** The same provider's small-tier model closest to this one (by id) that is cheaper for this unit. */
function cheaperModel(rates: RateCard, isCheaper: (card: RateCard) => boolean): RateCard | undefined {
  if (rates.providerId === 'anthropic') {
    const haiku = newestPricedClaude('haiku');
    return haiku && haiku.modelId !== rates.modelId && isCheaper(haiku) ? haiku : undefined;
  }
  const candidates = listProviderModels(rates.providerId).filter(
    (c) =>
      c.modelId !== rates.modelId &&
      vendorOf(c.modelId) === vendorOf(rates.modelId) &&
      CHEAP_TIER.test(c.modelId) &&
      !NOT_TEXT.test(c.modelId) &&
      isCheaper(c),
  );
  let best: { card: RateCard; shared: number } | undefined;
  for (const card of candidates) {
    const shared = commonPrefixLength(card.modelId, rates.modelId);
    if (!best || shared > best.shared || (shared === best.shared && card.inputPerMTok > best.card.inputPerMTok))
      best = { card, shared };
  }
  return best?.card;
}

// Aggregators (OpenRouter, Bedrock, Vertex) list many vendors: a hint stays within the model's own family.
function vendorOf(modelId: string): string {
  const unprefixed = modelId.toLowerCase().replace(/^.*\//, '');
  const id = BEDROCK_ID.exec(unprefixed)?.[2] ?? unprefixed;
  return /^[a-z]+/.exec(id)?.[0] ?? id;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
