// The bundled price catalog: @pydantic/genai-prices, used offline. Its data ships inside the npm package; we never call
// its `updatePrices` (which fetches from the network), so prices change only when the dependency is upgraded.
import { calcPrice, findProvider, type ModelInfo, type ModelPrice, type Provider } from '@pydantic/genai-prices';
import type { LongContextTier, RateCard } from './rateCard';

/** Version and publication date of the bundled price data. A unit test keeps these in step with package.json. */
export const PRICE_DATA = {
  package: '@pydantic/genai-prices',
  version: '0.1.8',
  asOf: '2026-09-23',
} as const;

export const PRICE_SOURCE = `${PRICE_DATA.package} ${PRICE_DATA.version} (prices as of ${PRICE_DATA.asOf})`;

/** Provider ids in the bundled data; the library exposes lookup by id only, so the list is kept here (tested). */
export const PROVIDER_IDS = [
  'anthropic', 'openai', 'google', 'aws', 'azure', 'mistral', 'deepseek', 'x-ai', 'groq', 'cohere', 'together',
  'fireworks', 'cerebras', 'perplexity', 'moonshotai', 'minimax', 'zai', 'zhipuai', 'openrouter', 'github-copilot',
  'arcee', 'avian', 'baseten', 'cloudflare', 'cursor', 'doubleword', 'modal', 'novita', 'ovhcloud', 'quicksilverpro',
  'typesafe', 'voyageai',
] as const;

export function provider(id: string): Provider | undefined {
  return findProvider({ providerId: id });
}

/** Match a model id in the catalog (the library's own matching: dated ids, aliases it knows). */
export function matchCatalog(modelId: string, providerId?: string): RateCard | undefined {
  try {
    const result = calcPrice({ input_tokens: 0, output_tokens: 0 }, modelId, providerId ? { providerId } : {});
    if (!result) return undefined;
    return toRateCard(result.model, result.provider, result.model_price);
  } catch {
    // The library throws on an unknown providerId; for us that is simply "no match".
    return undefined;
  }
}

/**
 * Rate cards of every priced text model of a provider (for `burnrate models` and "cheaper model" hints), built from
 * each model's own price entry — some catalog ids are not matched by their own match rules (Bedrock `regional.*`).
 */
export function listProviderModels(providerId: string): readonly RateCard[] {
  let cards = providerModels.get(providerId);
  if (!cards) {
    cards = buildProviderModels(providerId);
    providerModels.set(providerId, cards);
  }
  return cards;
}

// Built once per provider and process: hints ask for every unit of every file (a review of 1,000 files).
const providerModels = new Map<string, readonly RateCard[]>();

function buildProviderModels(providerId: string): RateCard[] {
  const p = provider(providerId);
  if (!p) return [];
  const cards: RateCard[] = [];
  for (const model of p.models) {
    const price = activePrice(model);
    const card = price && toRateCard(model, p, price);
    if (card && card.inputPerMTok > 0 && card.outputPerMTok > 0) cards.push(card);
  }
  return cards;
}

let byId: Map<string, RateCard> | undefined;

/** A catalog model id typed exactly as the catalog (and `burnrate models`) spells it. */
export function findExactModel(modelId: string): RateCard | undefined {
  if (!byId) {
    byId = new Map();
    for (const providerId of PROVIDER_IDS) {
      for (const card of listProviderModels(providerId)) if (!byId.has(card.modelId.toLowerCase())) byId.set(card.modelId.toLowerCase(), card);
    }
  }
  return byId.get(modelId.trim().toLowerCase());
}

// Dated price changes in the data take effect on their start date, as the library applies them when it prices a call.
function activePrice(model: ModelInfo, now = new Date()): ModelPrice | undefined {
  if (!Array.isArray(model.prices)) return model.prices;
  let active: ModelPrice | undefined;
  for (const conditional of model.prices) {
    const constraint = conditional.constraint;
    if (!constraint) active ??= conditional.prices;
    else if (constraint.type === 'start_date' && new Date(constraint.start_date) <= now) active = conditional.prices;
  }
  return active ?? model.prices[0]?.prices;
}

function toRateCard(model: ModelInfo, p: Provider, price: ModelPrice): RateCard | undefined {
  const input = base(price.input_mtok);
  const output = base(price.output_mtok);
  if (input === undefined || output === undefined) return undefined; // image, audio or per-request-only models
  const card: RateCard = {
    modelId: model.id,
    providerId: p.id,
    inputPerMTok: input,
    outputPerMTok: output,
    source: PRICE_SOURCE,
    asOf: PRICE_DATA.asOf,
  };
  if (model.name) card.modelName = model.name;
  const cacheRead = base(price.cache_read_mtok);
  if (cacheRead !== undefined) card.cacheReadPerMTok = cacheRead;
  const cacheWrite = base(price.cache_write_mtok);
  if (cacheWrite !== undefined) card.cacheWritePerMTok = cacheWrite;
  if (model.context_window) card.contextWindow = model.context_window;
  const tier = longContextTier(price);
  if (tier) card.longContext = tier;
  return card;
}

type PriceValue = ModelPrice[string];

function base(value: PriceValue): number | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? value : value.base;
}

function firstTier(value: PriceValue): { start: number; price: number } | undefined {
  if (value === undefined || typeof value === 'number') return undefined;
  return value.tiers[0];
}

// The catalog gives tiers per price key; providers bill a request wholly at the long-context rates once its input
// passes the threshold, so we gather the first tier of each key into one LongContextTier.
function longContextTier(price: ModelPrice): LongContextTier | undefined {
  const inputTier = firstTier(price.input_mtok);
  if (!inputTier) return undefined;
  const tier: LongContextTier = {
    aboveInputTokens: inputTier.start,
    inputPerMTok: inputTier.price,
    outputPerMTok: firstTier(price.output_mtok)?.price ?? base(price.output_mtok) ?? 0,
  };
  const cacheRead = firstTier(price.cache_read_mtok)?.price;
  if (cacheRead !== undefined) tier.cacheReadPerMTok = cacheRead;
  const cacheWrite = firstTier(price.cache_write_mtok)?.price;
  if (cacheWrite !== undefined) tier.cacheWritePerMTok = cacheWrite;
  return tier;
}
