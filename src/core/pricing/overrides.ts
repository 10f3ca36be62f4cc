// User-supplied prices: for models missing from the catalog (fine-tunes, local or private deployments) or to replace
// catalog rates (negotiated discounts, batch pricing). From `.burnrate.yaml` `prices:` and the `burnrate.prices.overrides`
// setting.
import type { RateCard } from './rateCard';

export interface PriceOverride {
  /** The model name as written in prompt files, matched case-insensitively. */
  model: string;
  /** Other spellings that should resolve to this price. */
  aliases?: string[];
  inputPerMTok: number;
  outputPerMTok: number;
  cacheReadPerMTok?: number;
  cacheWritePerMTok?: number;
  /** Provider, for the tokenizer profile and "cheaper model" hints (e.g. "anthropic"). */
  provider?: string;
  /** Where the override was written, e.g. ".burnrate.yaml line 12" or "settings". */
  origin: string;
}

export function overrideMatches(override: PriceOverride, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return [override.model, ...(override.aliases ?? [])].some((n) => n.trim().toLowerCase() === wanted);
}

export function overrideRateCard(override: PriceOverride): RateCard {
  const card: RateCard = {
    modelId: override.model,
    providerId: override.provider ?? 'custom',
    inputPerMTok: override.inputPerMTok,
    outputPerMTok: override.outputPerMTok,
    source: `price override (${override.origin})`,
    asOf: 'your override',
  };
  if (override.cacheReadPerMTok !== undefined) card.cacheReadPerMTok = override.cacheReadPerMTok;
  if (override.cacheWritePerMTok !== undefined) card.cacheWritePerMTok = override.cacheWritePerMTok;
  return card;
}
