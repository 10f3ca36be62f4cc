// The models a "pick a model" list offers: the user's own priced models first, then the bundled catalog's priced
// text models of the providers people write prompts for. Each with its rates, so the list itself compares prices.
import { listProviderModels } from '../pricing/catalog';
import type { PriceOverride } from '../pricing/overrides';

export interface ModelChoice {
  id: string;
  provider: string;
  /** `$3/M in · $15/M out` */
  rates: string;
  /** Where the price comes from, when it is the user's own. */
  origin?: string;
}

export const PICKER_PROVIDERS = ['anthropic', 'openai', 'google', 'mistral', 'deepseek', 'x-ai'] as const;

// Same exclusions as the "cheaper model" hint: not chat models, or not priced per text token.
const NOT_CHAT =
  /(^ft:|image|audio|tts|realtime|transcribe|embed|search|vision|live|ocr|moderation|deep-research|:free)/;

export function modelChoices(overrides: readonly PriceOverride[] = []): ModelChoice[] {
  const choices: ModelChoice[] = [];
  const seen = new Set<string>();
  for (const o of overrides) {
    if (seen.has(o.model.toLowerCase())) continue;
    seen.add(o.model.toLowerCase());
    choices.push({
      id: o.model,
      provider: o.provider ?? 'custom',
      rates: rateText(o.inputPerMTok, o.outputPerMTok),
      origin: o.origin,
    });
  }
  for (const provider of PICKER_PROVIDERS) {
    for (const card of listProviderModels(provider)) {
      if (NOT_CHAT.test(card.modelId) || seen.has(card.modelId.toLowerCase())) continue;
      seen.add(card.modelId.toLowerCase());
      choices.push({ id: card.modelId, provider, rates: rateText(card.inputPerMTok, card.outputPerMTok) });
    }
  }
  return choices;
}

function rateText(input: number, output: number): string {
  return `$${+input.toFixed(4)}/M in · $${+output.toFixed(4)}/M out`;
}
