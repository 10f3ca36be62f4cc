// User-supplied prices: for models missing from the catalog (fine-tunes, local or private deployments) or to replace
// catalog rates (negotiated discounts, batch pricing). From `.burnrate.yaml` `prices:` and the `burnrate.prices.overrides`
// setting.
import { activePriceData } from './catalog';
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

/** The hint shown wherever a model has no price. */
export function noPriceHint(name: string): string {
  return (
    `no price for "${name}" — add one in .burnrate.yaml:\n` +
    `  prices:\n    - model: ${name}\n      inputPerMTok: 1.00   # USD per million input tokens\n      outputPerMTok: 4.00\n` +
    `(or the burnrate.prices.overrides setting; prices in use: ${activePriceData().label})`
  );
}
