// One route's caching as the engine applies it: the provider's rule (cacheRules.ts) and the rate card's cache prices
// resolved for the scenario's mode and lifetime, into plain numbers for the inner loop.
import type { RateCard } from '../pricing/rateCard';
import { cacheRuleFor, minCacheableTokens, type CacheRule } from './cacheRules';
import type { CallRates } from './callRates';
import type { Scenario } from './scenario';

export interface RouteCache {
  on: boolean;
  /** Whether the whole growing prefix is cached (conversation) or only the system prompt and tools (prefix). */
  conversation: boolean;
  minTokens: number;
  granularity: number;
  ttlMinutes: number;
  /** Whether writing an entry is billed above plain input (Anthropic; OpenAI GPT-5.6+ where the price data says so). */
  premium: boolean;
  /** USD per written token, below and above the long-context threshold. */
  writeBase: number;
  writeTier: number;
  rule: CacheRule;
}

export function routeCache(card: RateCard, rates: CallRates, scenario: Scenario): RouteCache {
  const rule = cacheRuleFor(card.providerId, card.modelId);
  const oneHour = scenario.cacheTtl === '1h';
  const premium = rates.writesCache;
  return {
    on: scenario.caching !== 'off' && scenario.cacheHitRate > 0,
    conversation: scenario.caching === 'conversation',
    minTokens: minCacheableTokens(rule, card.modelId),
    granularity: Math.max(1, rule.granularity),
    ttlMinutes: rule.ttlMinutes[scenario.cacheTtl],
    premium,
    writeBase: oneHour && premium ? rates.base.input * rule.oneHourWriteMultiplier : rates.base.cacheWrite,
    writeTier: oneHour && premium ? rates.tier.input * rule.oneHourWriteMultiplier : rates.tier.cacheWrite,
    rule,
  };
}

/** "anthropic rules: cache breakpoints …; at least 4,096 tokens; lifetime 5 min; writes $3.75/M, reads $0.30/M". */
export function describeRouteCache(cache: RouteCache, card: RateCard): string {
  if (!cache.on) return `${card.modelId}: no caching`;
  const what = cache.conversation ? 'the growing conversation' : 'the system prompt and tool definitions';
  const min = cache.minTokens > 0 ? `at least ${cache.minTokens.toLocaleString('en-US')} tokens` : 'no minimum';
  const steps = cache.granularity > 1 ? `, reads in ${cache.granularity}-token steps` : '';
  const writes = cache.premium ? `writes $${+(cache.writeBase * 1e6).toFixed(4)}/M` : 'no write fee';
  const reads = `reads $${card.cacheReadPerMTok ?? card.inputPerMTok}/M`;
  return `${card.modelId} caches ${what} (${cache.rule.provider}: ${cache.rule.activation}; ${min}${steps}; lifetime ${cache.ttlMinutes} min; ${writes}, ${reads}; ${cache.rule.source})`;
}
