// How old the price data is, said wherever its date is shown. Prices go stale as models ship: after 60 days a notice
// points at `burnrate prices update` (never run automatically).
import { activePriceData, type PriceDataInfo } from './catalog';

/** Past this age the data gets a notice: new models have likely shipped since. */
export const STALE_AFTER_DAYS = 60;

export function ageInDays(asOf: string, now: Date = new Date()): number | undefined {
  const date = Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(date)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - date) / 86_400_000));
}

export function isStale(info: PriceDataInfo = activePriceData(), now: Date = new Date()): boolean {
  const age = ageInDays(info.asOf, now);
  return age !== undefined && age > STALE_AFTER_DAYS;
}

/** "@pydantic/genai-prices 0.1.8 (prices as of 2026-09-23), 69 days old" */
export function priceDataLine(info: PriceDataInfo = activePriceData(), now: Date = new Date()): string {
  const age = ageInDays(info.asOf, now);
  const kind = info.kind === 'bundled' ? '' : info.kind === 'updated' ? 'updated data: ' : 'pinned file: ';
  return `${kind}${info.label}${age === undefined ? '' : `, ${age === 1 ? '1 day' : `${age} days`} old`}`;
}

/** The one-time notice for data older than STALE_AFTER_DAYS; undefined while it is fresh. */
export function staleNotice(info: PriceDataInfo = activePriceData(), now: Date = new Date()): string | undefined {
  if (!isStale(info, now)) return undefined;
  const age = ageInDays(info.asOf, now);
  const how =
    info.kind === 'pinned' ? 'replace the pinned file' : 'run "burnrate prices update" (or "Burnrate: Update Prices")';
  return `The price data is ${age} days old (${info.label}): models released since have no price and rates may have changed — ${how} to fetch the newest.`;
}

/** Fields for JSON outputs. */
export function priceDataJson(info: PriceDataInfo = activePriceData(), now: Date = new Date()) {
  return { ...info, ageDays: ageInDays(info.asOf, now) ?? null, stale: isStale(info, now) };
}
