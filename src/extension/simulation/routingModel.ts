// The model the routing lever offers first when a scenario routes nowhere yet: the same provider's cheaper tier,
// chosen the way the estimate's "cheaper model" hint chooses it (Haiku for Anthropic; otherwise the closest-named
// mini/flash/nano model that is cheaper). Falls back to the scenario's own model, where a share changes nothing.
import { listProviderModels, newestPricedClaude } from '../../core/pricing/catalog';
import type { RateCard } from '../../core/pricing/rateCard';

const CHEAP_TIER = /(mini|haiku|flash|nano|small|lite)/;
const NOT_TEXT =
  /(^ft:|\.ft-|image|audio|tts|realtime|transcribe|embed|search|vision|live|ocr|moderation|deep-research|codex|:free)/;

export function cheaperSibling(rates: RateCard): string {
  if (rates.providerId === 'anthropic') {
    const haiku = newestPricedClaude('haiku');
    if (haiku && haiku.modelId !== rates.modelId) return haiku.modelId;
  }
  let best: { id: string; shared: number; input: number } | undefined;
  for (const card of listProviderModels(rates.providerId)) {
    if (card.modelId === rates.modelId || !CHEAP_TIER.test(card.modelId) || NOT_TEXT.test(card.modelId)) continue;
    if (!(card.inputPerMTok < rates.inputPerMTok)) continue;
    const shared = commonPrefix(card.modelId, rates.modelId);
    if (!best || shared > best.shared || (shared === best.shared && card.inputPerMTok > best.input)) {
      best = { id: card.modelId, shared, input: card.inputPerMTok };
    }
  }
  return best?.id ?? rates.modelId;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
