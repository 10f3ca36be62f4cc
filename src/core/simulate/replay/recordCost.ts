// The exact price of one logged call: uncached input, cache reads, 5-minute and 1-hour cache writes and output each at
// its own rate, the long-context tier by the request's input, batch results at half price.
import { callCost, type RateCard } from '../../pricing/rateCard';
import { cacheRuleFor } from '../cacheRules';
import { callRates, ratesFor } from '../callRates';
import type { UsageRecord } from './usageRecord';

/** Batch APIs (OpenAI Batch, Anthropic Message Batches) bill 50% of the list price. */
const BATCH_FACTOR = 0.5;

export function recordCost(rates: RateCard, call: UsageRecord): number {
  let cost = callCost(rates, {
    input: call.input,
    output: call.output,
    cacheRead: call.cacheRead,
    cacheWrite: call.cacheWrite + call.cacheWrite1h,
  });
  if (call.cacheWrite1h > 0) {
    const r = ratesFor(callRates(rates), call.input);
    cost += call.cacheWrite1h * (oneHourWriteRate(rates, call.input) - r.cacheWrite);
  }
  return call.batch ? cost * BATCH_FACTOR : cost;
}

/** USD per token of a 1-hour cache write: the price data's rate where it has one, else the provider's multiplier. */
export function oneHourWriteRate(rates: RateCard, input: number): number {
  const tiered = rates.longContext !== undefined && input > rates.longContext.aboveInputTokens;
  if (!tiered && rates.cacheWrite1hPerMTok !== undefined) return rates.cacheWrite1hPerMTok / 1e6;
  return cacheRuleFor(rates.providerId, rates.modelId).oneHourWriteMultiplier * ratesFor(callRates(rates), input).input;
}

/** Where the 1-hour write rate of `rates` comes from, for the report. */
export function oneHourWriteSource(rates: RateCard): string {
  if (rates.cacheWrite1hPerMTok !== undefined) return `${rates.source}: $${rates.cacheWrite1hPerMTok}/M`;
  const rule = cacheRuleFor(rates.providerId, rates.modelId);
  return `${rule.oneHourWriteMultiplier}× the input rate (${rule.source})`;
}
