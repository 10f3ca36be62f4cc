// A rate card turned into USD per token, for the simulation's inner loop. Mirrors callCost() in pricing/rateCard.ts
// rate for rate (a test holds the two together), without building a CallTokens object per call.
import type { RateCard } from '../pricing/rateCard';

export interface TokenRates {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export interface CallRates {
  base: TokenRates;
  /** Rates of a request whose input is above `tierAbove` tokens (Infinity when the model has no long-context tier). */
  tier: TokenRates;
  tierAbove: number;
  /** Whether the provider bills a cache write at its own rate (Anthropic); without one (OpenAI), a miss is plain input. */
  writesCache: boolean;
}

export function callRates(card: RateCard): CallRates {
  const base: TokenRates = {
    input: card.inputPerMTok / 1e6,
    output: card.outputPerMTok / 1e6,
    cacheRead: (card.cacheReadPerMTok ?? card.inputPerMTok) / 1e6,
    cacheWrite: (card.cacheWritePerMTok ?? card.inputPerMTok) / 1e6,
  };
  const long = card.longContext;
  const writesCache = card.cacheWritePerMTok !== undefined || card.longContext?.cacheWritePerMTok !== undefined;
  if (!long) return { base, tier: base, tierAbove: Infinity, writesCache };
  return {
    base,
    tier: {
      input: long.inputPerMTok / 1e6,
      output: long.outputPerMTok / 1e6,
      cacheRead: (long.cacheReadPerMTok ?? card.cacheReadPerMTok ?? long.inputPerMTok) / 1e6,
      cacheWrite: (long.cacheWritePerMTok ?? card.cacheWritePerMTok ?? long.inputPerMTok) / 1e6,
    },
    tierAbove: long.aboveInputTokens,
    writesCache,
  };
}

export function ratesFor(rates: CallRates, inputTokens: number): TokenRates {
  return inputTokens > rates.tierAbove ? rates.tier : rates.base;
}
