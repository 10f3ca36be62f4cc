// One price entry as users write it — in `.burnrate.yaml` `prices:` or the `burnrate.prices.overrides` setting — checked
// the same way wherever it comes from. Callers word the problem for their source (a YAML line, a settings index).
import { LIMITS } from '../limits';
import type { PriceOverride } from './overrides';
import { err, ok, type Result } from '../result';

export type PriceEntry = Result<PriceOverride, 'not a mapping' | 'missing model or rates'>;

export function readPriceEntry(value: unknown, origin: string): PriceEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('not a mapping');
  const e = value as Record<string, unknown>;
  if (typeof e.model !== 'string' || !e.model.trim() || !isRate(e.inputPerMTok) || !isRate(e.outputPerMTok)) {
    return err('missing model or rates');
  }
  const price: PriceOverride = {
    model: e.model.trim(),
    inputPerMTok: e.inputPerMTok,
    outputPerMTok: e.outputPerMTok,
    origin,
  };
  if (isRate(e.cacheReadPerMTok)) price.cacheReadPerMTok = e.cacheReadPerMTok;
  if (isRate(e.cacheWritePerMTok)) price.cacheWritePerMTok = e.cacheWritePerMTok;
  if (typeof e.provider === 'string' && e.provider.trim()) price.provider = e.provider.trim();
  if (Array.isArray(e.aliases)) price.aliases = e.aliases.filter((a): a is string => typeof a === 'string');
  return ok(price);
}

function isRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LIMITS.ratePerMTok;
}
