// Price overrides from editor settings (`burnrate.prices.overrides`): the same shape as `.burnrate.yaml` `prices:`,
// but arriving as untyped JSON, so each entry is checked and a bad one is reported and skipped, never thrown.
import type { PriceOverride } from '../pricing/overrides';

export function readSettingsPrices(value: unknown, origin = 'burnrate.prices.overrides setting'): { prices: PriceOverride[]; problems: string[] } {
  const prices: PriceOverride[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { prices, problems };
  if (!Array.isArray(value)) return { prices, problems: [`${origin}: expected a list of {model, inputPerMTok, outputPerMTok}`] };
  value.forEach((entry: unknown, index) => {
    const where = `${origin} entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where}: expected {model, inputPerMTok, outputPerMTok} — ignored`);
      return;
    }
    const e = entry as Record<string, unknown>;
    if (typeof e.model !== 'string' || !e.model.trim() || !isRate(e.inputPerMTok) || !isRate(e.outputPerMTok)) {
      problems.push(`${where}: needs model (text), inputPerMTok and outputPerMTok (USD per million tokens, ≥ 0) — ignored`);
      return;
    }
    const price: PriceOverride = { model: e.model.trim(), inputPerMTok: e.inputPerMTok, outputPerMTok: e.outputPerMTok, origin: where };
    if (isRate(e.cacheReadPerMTok)) price.cacheReadPerMTok = e.cacheReadPerMTok;
    if (isRate(e.cacheWritePerMTok)) price.cacheWritePerMTok = e.cacheWritePerMTok;
    if (typeof e.provider === 'string' && e.provider.trim()) price.provider = e.provider.trim();
    if (Array.isArray(e.aliases)) price.aliases = e.aliases.filter((a): a is string => typeof a === 'string');
    prices.push(price);
  });
  return { prices, problems };
}

function isRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
