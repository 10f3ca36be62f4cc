// A model's rates in USD per million tokens, as used by every cost computation in the engine.

export interface LongContextTier {
  /** Input tokens of a single request above which the whole request is billed at the tier's rates. */
  aboveInputTokens: number;
  /** Where the tier comes from when the price data lacks it (e.g. Claude Sonnet 4's 1M-context beta). */
  source?: string;
  inputPerMTok: number;
  outputPerMTok: number;
  cacheReadPerMTok?: number;
  cacheWritePerMTok?: number;
}

export interface RateCard {
  /** The priced model id, e.g. "claude-sonnet-4-5". */
  modelId: string;
  providerId: string;
  modelName?: string;
  inputPerMTok: number;
  outputPerMTok: number;
  /** Rate for input read from the prompt cache; absent when the provider has no caching for the model. */
  cacheReadPerMTok?: number;
  /** Rate for input written to the prompt cache (Anthropic 5-minute write). */
  cacheWritePerMTok?: number;
  /** Rate for a 1-hour cache write (Anthropic `ttl: "1h"`, 2× input), where the data has one. */
  cacheWrite1hPerMTok?: number;
  longContext?: LongContextTier;
  contextWindow?: number;
  /** Set when the rates are a service tier's (batch, flex, priority): the multiplier applied and its source. */
  serviceTier?: { tier: string; multiplier: number; band?: string; source: string; asOf: string };
  /** Where the rates come from: "@pydantic/genai-prices 0.1.8 (2026-09-23)" or "override in .burnrate.yaml". */
  source: string;
  /** ISO date of the price data. */
  asOf: string;
}

export interface CallTokens {
  input: number;
  output: number;
  /** Part of `input` read from the cache. */
  cacheRead?: number;
  /** Part of `input` written to the cache. */
  cacheWrite?: number;
}

/** Cost of one call in USD. Tiers apply per request, by its total input, as the providers bill them. */
export function callCost(rates: RateCard, tokens: CallTokens): number {
  const tier = rates.longContext && tokens.input > rates.longContext.aboveInputTokens ? rates.longContext : undefined;
  const inputRate = tier?.inputPerMTok ?? rates.inputPerMTok;
  const outputRate = tier?.outputPerMTok ?? rates.outputPerMTok;
  const cacheReadRate = tier?.cacheReadPerMTok ?? rates.cacheReadPerMTok ?? inputRate;
  const cacheWriteRate = tier?.cacheWritePerMTok ?? rates.cacheWritePerMTok ?? inputRate;
  const cacheRead = tokens.cacheRead ?? 0;
  const cacheWrite = tokens.cacheWrite ?? 0;
  const uncached = Math.max(0, tokens.input - cacheRead - cacheWrite);
  return (
    (uncached * inputRate + cacheRead * cacheReadRate + cacheWrite * cacheWriteRate + tokens.output * outputRate) / 1e6
  );
}
