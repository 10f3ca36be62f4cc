// Service tiers (batch, flex, priority): a per-token multiplier on a model's standard rates, from the dated table in
// data/serviceTiers.json. Set per unit with `serviceTier:` in the usage file (defaults or a glob) or a file's
// `burnrate:` frontmatter.
import { err, ok, type Result } from '../result';
import table from './data/serviceTiers.json';
import type { RateCard } from './rateCard';

export const SERVICE_TIERS = ['standard', 'batch', 'flex', 'priority'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

export function isServiceTier(value: unknown): value is ServiceTier {
  return typeof value === 'string' && (SERVICE_TIERS as readonly string[]).includes(value);
}

interface TierEntry {
  tier: string;
  provider: string;
  multiplier: number;
  band?: string;
  source: string;
  asOf: string;
}

const TIERS: ReadonlyMap<string, TierEntry> = new Map(
  (table.tiers as TierEntry[]).map((t) => [`${t.tier}:${t.provider}`, t] as const),
);
const NOT_SOLD: ReadonlyMap<string, { reason: string; source: string; asOf: string }> = new Map(
  table.notSoldPerToken.map((t) => [`${t.tier}:${t.provider}`, t] as const),
);

/** The rates at the tier (with a note saying so), or why the tier cannot be priced. */
export type TieredRates = Result<{ rates: RateCard; note?: string }>;

/** The card at `tier`'s rates, or why the tier cannot be priced for this provider (then standard rates apply). */
export function applyServiceTier(card: RateCard, tier: ServiceTier): TieredRates {
  if (tier === 'standard') return ok({ rates: card });
  const key = `${tier}:${card.providerId}`;
  const entry = TIERS.get(key);
  if (!entry) {
    const notSold = NOT_SOLD.get(key);
    const why = notSold
      ? `${notSold.reason} (${notSold.source}, ${notSold.asOf})`
      : `no ${tier} multiplier is known for ${card.providerId}`;
    return err(`serviceTier ${tier}: ${why} — priced at standard rates`);
  }
  const m = entry.multiplier;
  const scale = (v: number | undefined) => (v === undefined ? undefined : v * m);
  const rates: RateCard = { ...card, inputPerMTok: card.inputPerMTok * m, outputPerMTok: card.outputPerMTok * m };
  for (const key of ['cacheReadPerMTok', 'cacheWritePerMTok', 'cacheWrite1hPerMTok'] as const) {
    const value = scale(card[key]);
    if (value !== undefined) rates[key] = value;
  }
  if (card.longContext) {
    rates.longContext = {
      ...card.longContext,
      inputPerMTok: card.longContext.inputPerMTok * m,
      outputPerMTok: card.longContext.outputPerMTok * m,
    };
    const read = scale(card.longContext.cacheReadPerMTok);
    if (read !== undefined) rates.longContext.cacheReadPerMTok = read;
    const write = scale(card.longContext.cacheWritePerMTok);
    if (write !== undefined) rates.longContext.cacheWritePerMTok = write;
  }
  rates.serviceTier = {
    tier,
    multiplier: m,
    source: entry.source,
    asOf: entry.asOf,
    ...(entry.band ? { band: entry.band } : {}),
  };
  const note = `${tier} tier ×${m}${entry.band ? ` (${entry.band})` : ''} — ${entry.source}, ${entry.asOf}`;
  return ok({ rates, note });
}
