// How the simulation gets prices: a function from a model name to a rate card or a message. The CLI and the
// extension pass pricing/resolve.ts's resolveModel (with the user's price overrides); tests pass hand-made cards.
// An unknown model is a message naming it — never a $0 price.
import type { PriceOverride } from '../pricing/overrides';
import type { RateCard } from '../pricing/rateCard';
import { resolveModel } from '../pricing/resolve';
import { err, ok, type Result } from '../result';

export type ModelLookup = (name: string) => Result<{ rates: RateCard; explanation: string }>;

/** The price data's lookup (with the user's price overrides first): what the CLI and the editor simulate with. */
export function priceDataLookup(overrides: readonly PriceOverride[] = []): ModelLookup {
  return (name) => {
    const resolution = resolveModel(name, { overrides });
    return resolution.ok
      ? ok({ rates: resolution.rates, explanation: resolution.explanation })
      : err(resolution.message);
  };
}

/** A lookup over a fixed set of cards, by exact model id (tests, and callers that resolved every model already). */
export function lookupFromCards(cards: readonly RateCard[]): ModelLookup {
  return (name) => {
    const rates = cards.find((c) => c.modelId === name);
    return rates ? ok({ rates, explanation: `"${name}" (given card)` }) : err(`no price for "${name}"`);
  };
}
