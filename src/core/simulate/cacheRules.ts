// How each provider caches a growing conversation, as data with its source (../shared/notes/billing.md gathers them;
// dates are those of the vendor text). Prices are not here: reads and 5-minute writes are billed at the rate card's
// cache prices (the price data), and only the figures the price data lacks — minimum lengths, granularity, lifetimes,
// the 1-hour write multiplier — are. A scenario overrides the lifetime with cacheTtl and the hit rate with cacheHitRate.

export interface CacheRule {
  provider: 'anthropic' | 'openai' | 'google' | 'deepseek' | 'other';
  /** How the provider decides what is cached. */
  activation: string;
  /** Shortest prefix that is cached at all, by model id (first matching pattern), else `minTokens`. */
  minTokens: number;
  minTokensByModel: readonly { pattern: RegExp; tokens: number }[];
  /** Cache reads are whole multiples of this many tokens. */
  granularity: number;
  /** Minutes an entry lives without a hit, by the scenario's cacheTtl; a hit refreshes it. */
  ttlMinutes: { '5m': number; '1h': number };
  /** Write price over base input for a 1-hour entry (5-minute writes use the rate card's cache-write price). */
  oneHourWriteMultiplier: number;
  source: string;
}

export const CACHE_RULES: readonly CacheRule[] = [
  {
    provider: 'anthropic',
    activation:
      'cache breakpoints (tools + system, and the last block of each request); writes billed at the cache-write rate',
    minTokens: 1024,
    minTokensByModel: [
      { pattern: /opus-4-[56]|haiku-4-5|opus-4\.[56]|haiku-4\.5/, tokens: 4096 },
      { pattern: /opus-4-7|opus-4\.7|haiku-3-5|3-5-haiku|3\.5-haiku|mythos-preview|claude-3-haiku/, tokens: 2048 },
      { pattern: /(fable|mythos|opus|sonnet)-5|opus-5|sonnet-5/, tokens: 512 },
    ],
    granularity: 1,
    ttlMinutes: { '5m': 5, '1h': 60 },
    oneHourWriteMultiplier: 2,
    source:
      'platform.claude.com/docs/en/build-with-claude/prompt-caching (minimums and TTLs as quoted 2026-10-04; 1-hour writes 2× input)',
  },
  {
    provider: 'openai',
    activation: 'automatic above the minimum; reads in 128-token steps; no write fee unless the price data lists one',
    minTokens: 1024,
    minTokensByModel: [],
    granularity: 128,
    // In-memory retention: idle entries last about 5-10 minutes (the shorter is used); 24 h retention is the '1h' choice.
    ttlMinutes: { '5m': 5, '1h': 60 },
    oneHourWriteMultiplier: 1,
    source: 'developers.openai.com/api/docs/guides/prompt-caching and cookbook Prompt_Caching_201 (2025-2026)',
  },
  {
    provider: 'google',
    activation: 'implicit caching (Gemini 2.5 and newer): hits not guaranteed, no write fee',
    minTokens: 2048,
    minTokensByModel: [{ pattern: /gemini-3/, tokens: 4096 }],
    granularity: 1,
    // Implicit entries are not guaranteed; OpenRouter reports about 3-5 minutes on average.
    ttlMinutes: { '5m': 5, '1h': 5 },
    oneHourWriteMultiplier: 1,
    source: 'ai.google.dev/gemini-api/docs/caching (implicit minimums, 2026); lifetime: OpenRouter docs (2026)',
  },
  {
    provider: 'deepseek',
    activation: 'context caching on disk for every request, no write fee',
    minTokens: 0,
    minTokensByModel: [],
    granularity: 1,
    // "Usually cleared within a few hours to a few days": two hours is the cautious reading.
    ttlMinutes: { '5m': 120, '1h': 120 },
    oneHourWriteMultiplier: 1,
    source: 'api-docs.deepseek.com/guides/kv_cache (2026)',
  },
  {
    provider: 'other',
    activation: "assumed automatic prefix caching at the rate card's cache prices (no provider rule known)",
    minTokens: 1024,
    minTokensByModel: [],
    granularity: 1,
    ttlMinutes: { '5m': 5, '1h': 60 },
    oneHourWriteMultiplier: 2,
    source: 'assumption: the most common minimum (1,024) and lifetime (5 minutes)',
  },
];

/** The rule for a model: by provider id where the price data names one, else by the model id's family. */
export function cacheRuleFor(providerId: string, modelId: string): CacheRule {
  const id = modelId.toLowerCase();
  const provider = providerId.toLowerCase();
  const pick = (name: CacheRule['provider']) => CACHE_RULES.find((r) => r.provider === name)!;
  if (provider === 'anthropic' || id.includes('claude')) return pick('anthropic');
  if (provider === 'openai' || /^(gpt|o\d|chatgpt|codex)/.test(id)) return pick('openai');
  if (provider === 'google' || provider === 'google-gla' || provider === 'google-vertex' || id.includes('gemini'))
    return pick('google');
  if (provider === 'deepseek' || id.includes('deepseek')) return pick('deepseek');
  return pick('other');
}

export function minCacheableTokens(rule: CacheRule, modelId: string): number {
  const id = modelId.toLowerCase();
  return rule.minTokensByModel.find((m) => m.pattern.test(id))?.tokens ?? rule.minTokens;
}
