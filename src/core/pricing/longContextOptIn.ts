// A long-context window that the provider gives only on request (Anthropic's 1M-context beta for Sonnet 4/4.5): the
// price data carries the >200k tier, but a request can only reach it with the opt-in. Without it the window is the
// base one and the tier never applies; with it the window is the opt-in's. Figures in data/longContextOptIn.json.
import table from './data/longContextOptIn.json';
import type { RateCard } from './rateCard';

interface OptInEntry {
  models: string[];
  provider: string;
  optIn: string;
  baseWindow: number;
  optInWindow: number;
  note: string;
  source: string;
  asOf: string;
}

const ENTRIES = table.models as OptInEntry[];

export function longContextOptIn(card: Pick<RateCard, 'modelId' | 'providerId'>): OptInEntry | undefined {
  return ENTRIES.find((e) => e.provider === card.providerId && e.models.includes(card.modelId));
}

/**
 * The card as a request with (`optIn`) or without the long-context opt-in sees it. A model that needs no opt-in comes
 * back unchanged, with a note when one was asked for; the card itself is never modified.
 */
export function withLongContext(card: RateCard, optIn: boolean): { rates: RateCard; note?: string } {
  const entry = longContextOptIn(card);
  if (!entry) {
    return optIn
      ? {
          rates: card,
          note: `longContext: ${card.modelId} has no long-context opt-in in the data — priced as the price data says`,
        }
      : { rates: card };
  }
  if (optIn) {
    const rates: RateCard = { ...card, contextWindow: entry.optInWindow };
    const tier = card.longContext;
    const billed = tier
      ? `calls above ${tier.aboveInputTokens.toLocaleString('en-US')} input tokens billed at $${tier.inputPerMTok}/$${tier.outputPerMTok} per M`
      : 'the price data has no tier for it, so every call is billed at the base rates';
    return {
      rates,
      note: `longContext: ${card.modelId} with ${entry.optIn}: a ${entry.optInWindow.toLocaleString('en-US')}-token window, ${billed} (${entry.source}, ${entry.asOf})`,
    };
  }
  const window = Math.min(card.contextWindow ?? entry.baseWindow, entry.baseWindow);
  if (card.longContext === undefined && card.contextWindow === window) return { rates: card };
  const rates: RateCard = { ...card, contextWindow: window };
  delete rates.longContext;
  return { rates };
}
