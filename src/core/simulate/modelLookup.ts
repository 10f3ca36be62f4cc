// How the simulation gets prices: a function from a model name to a rate card or a message. The CLI and the
// extension pass pricing/resolve.ts's resolveModel (with the user's price overrides); tests pass hand-made cards.
// An unknown model is a message naming it — never a $0 price.
import type { RateCard } from '../pricing/rateCard';

export type ModelLookup = (
  name: string,
) => { ok: true; rates: RateCard; explanation: string } | { ok: false; message: string };

/** A lookup over a fixed set of cards, by exact model id (tests, and callers that resolved every model already). */
export function lookupFromCards(cards: readonly RateCard[]): ModelLookup {
  return (name) => {
    const rates = cards.find((c) => c.modelId === name);
    return rates
      ? { ok: true, rates, explanation: `"${name}" (given card)` }
      : { ok: false, message: `no price for "${name}"` };
  };
}
