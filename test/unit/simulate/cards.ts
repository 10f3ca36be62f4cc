// Hand-made rate cards: the engine's tests never depend on the bundled price data.
import type { RateCard } from '../../../src/core/pricing/rateCard';
import { fixed, lognormal } from '../../../src/core/simulate/distribution';
import type { Scenario } from '../../../src/core/simulate/scenario';

export function card(
  modelId: string,
  inputPerMTok: number,
  outputPerMTok: number,
  extra: Partial<RateCard> = {},
): RateCard {
  return {
    modelId,
    providerId: 'test',
    inputPerMTok,
    outputPerMTok,
    source: 'hand-made test card',
    asOf: '2026-01-01',
    ...extra,
  };
}

/** $1 / $2 per million: token counts read straight off the dollars. */
export const SIMPLE = card('simple', 1, 2);
export const SONNET = card('claude-sonnet-4-5', 3, 15, {
  cacheReadPerMTok: 0.3,
  cacheWritePerMTok: 3.75,
  contextWindow: 200_000,
});
export const HAIKU = card('claude-haiku-4-5', 1, 5, {
  cacheReadPerMTok: 0.1,
  cacheWritePerMTok: 1.25,
  contextWindow: 200_000,
});
export const GPT4O = card('gpt-4o', 2.5, 10, { cacheReadPerMTok: 1.25 });

export function close(actual: number, expected: number, relative = 1e-12): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), 1e-300);
}

/**
 * The support agent the engine's tests share: its calls (token shapes, one tool call a turn, retries, caching). Each
 * test adds the turns, routing and budget it is about.
 */
export const SUPPORT_CALLS = {
  systemPromptTokens: 1500,
  userTokens: lognormal(60, 200),
  outputTokens: lognormal(200, 600),
  toolCallsPerTurn: fixed(1),
  toolResultTokens: lognormal(800, 3000),
  retryRate: 0.15,
  cacheHitRate: 0.6,
} satisfies Partial<Scenario>;
