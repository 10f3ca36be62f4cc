// Price overrides from editor settings (`burnrate.prices.overrides`): the same shape as `.burnrate.yaml` `prices:`,
// but arriving as untyped JSON, so each entry is checked and a bad one is reported and skipped, never thrown.
import type { PriceOverride } from '../pricing/overrides';
import { readPriceEntry } from '../pricing/priceEntry';

export function readSettingsPrices(
  value: unknown,
  origin = 'burnrate.prices.overrides setting',
): { prices: PriceOverride[]; problems: string[] } {
  const prices: PriceOverride[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { prices, problems };
  if (!Array.isArray(value))
    return { prices, problems: [`${origin}: expected a list of {model, inputPerMTok, outputPerMTok}`] };
  value.forEach((entry: unknown, index) => {
    const where = `${origin} entry ${index + 1}`;
    const read = readPriceEntry(entry, where);
    if (read.ok) prices.push(read.value);
    else if (read.error === 'not a mapping')
      problems.push(`${where}: expected {model, inputPerMTok, outputPerMTok} — ignored`);
    else
      problems.push(
        `${where}: needs model (text), inputPerMTok and outputPerMTok (USD per million tokens, ≥ 0) — ignored`,
      );
  });
  return { prices, problems };
}
