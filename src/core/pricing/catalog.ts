// The price catalog: @pydantic/genai-prices. Its bundled data ships inside the npm package and is the offline default;
// a data file the user fetched with `burnrate prices update` or pinned with --prices / priceData: replaces it for the
// process (usePriceData). Nothing here touches the network.
import {
  calcPrice,
  findProvider,
  updatePrices,
  type MatchLogic,
  type ModelInfo,
  type ModelPrice,
  type Provider,
} from '@pydantic/genai-prices';
import longContextTable from './data/longContextTiers.json';
import type { LongContextTier, RateCard } from './rateCard';

/** Version and publication date of the bundled price data. A unit test keeps these in step with package.json. */
export const PRICE_DATA = {
  package: '@pydantic/genai-prices',
  version: '0.1.8',
  asOf: '2026-09-23',
} as const;

export const PRICE_SOURCE = `${PRICE_DATA.package} ${PRICE_DATA.version} (prices as of ${PRICE_DATA.asOf})`;

/** Which price data prices this process: the bundled package, data fetched by `prices update`, or a pinned file. */
export interface PriceDataInfo {
  kind: 'bundled' | 'updated' | 'pinned';
  /** ISO date the prices are as of: the package's data date, the fetch date, or the pinned file's modification date. */
  asOf: string;
  /** What `asOf` is. */
  dateBasis: 'data date' | 'fetched on' | 'file modified' | 'commit date';
  /** Where the data comes from: the package and version, the URL it was fetched from, or the pinned file's path. */
  source: string;
  /** One line for footers and rate cards: "@pydantic/genai-prices 0.1.8 (prices as of 2026-09-23)". */
  label: string;
}

export const BUNDLED_PRICE_DATA: PriceDataInfo = {
  kind: 'bundled',
  asOf: PRICE_DATA.asOf,
  dateBasis: 'data date',
  source: `${PRICE_DATA.package} ${PRICE_DATA.version} (bundled)`,
  label: PRICE_SOURCE,
};

let active: { info: PriceDataInfo; providers?: readonly Provider[] } = { info: BUNDLED_PRICE_DATA };
let bundledProviders: Provider[] | undefined;

/** The price data in use; a new object whenever the data changes (callers may memoise on its identity). */
export function activePriceData(): PriceDataInfo {
  return active.info;
}

/**
 * Price with `providers` (already checked by priceDataFile.ts) from now on, or go back to the bundled data with no
 * argument. The library keeps one global data set; we hand it the same list so its own matching agrees with ours.
 */
export function usePriceData(info?: PriceDataInfo, providers?: readonly Provider[]): void {
  bundledProviders ??= PROVIDER_IDS.map((id) => findProvider({ providerId: id })).filter(
    (p): p is Provider => p !== undefined,
  );
  const next = info && providers ? providers : bundledProviders;
  updatePrices(({ setProviderData }) => setProviderData([...next]));
  active = info && providers ? { info: { ...info }, providers } : { info: { ...BUNDLED_PRICE_DATA } };
  providerModels.clear();
  byId = undefined;
  byExactName = undefined;
}

/** Provider ids in the data in use. */
export function providerIds(): readonly string[] {
  return active.providers ? active.providers.map((p) => p.id) : PROVIDER_IDS;
}

/** Provider ids in the bundled data; the library exposes lookup by id only, so the list is kept here (tested). */
export const PROVIDER_IDS = [
  'anthropic',
  'openai',
  'google',
  'aws',
  'azure',
  'mistral',
  'deepseek',
  'x-ai',
  'groq',
  'cohere',
  'together',
  'fireworks',
  'cerebras',
  'perplexity',
  'moonshotai',
  'minimax',
  'zai',
  'zhipuai',
  'openrouter',
  'github-copilot',
  'arcee',
  'avian',
  'baseten',
  'cloudflare',
  'cursor',
  'doubleword',
  'modal',
  'novita',
  'ovhcloud',
  'quicksilverpro',
  'typesafe',
  'voyageai',
] as const;

export function provider(id: string): Provider | undefined {
  if (active.providers) return active.providers.find((p) => p.id === id);
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
    for (const providerId of providerIds()) {
      for (const card of listProviderModels(providerId))
        if (!byId.has(card.modelId.toLowerCase())) byId.set(card.modelId.toLowerCase(), card);
    }
  }
  return byId.get(modelId.trim().toLowerCase());
}

let byExactName: Map<string, RateCard> | undefined;

/** The model whose match rule names `name` exactly (an `equals`), e.g. the data's own record of a "-latest" alias. */
export function namedExactly(name: string): RateCard | undefined {
  if (!byExactName) {
    byExactName = new Map();
    for (const providerId of providerIds()) {
      const p = provider(providerId);
      if (!p) continue;
      for (const model of p.models) {
        const price = activePrice(model);
        const card = price && toRateCard(model, p, price);
        if (!card || !(card.inputPerMTok > 0 && card.outputPerMTok > 0)) continue;
        for (const equals of exactNames(model.match)) if (!byExactName.has(equals)) byExactName.set(equals, card);
      }
    }
  }
  return byExactName.get(name.trim().toLowerCase());
}

function exactNames(match: MatchLogic, depth = 0): string[] {
  if (depth > 8) return [];
  if ('equals' in match) return [match.equals.toLowerCase()];
  if ('or' in match) return match.or.flatMap((m) => exactNames(m, depth + 1));
  return [];
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
    source: active.info.label,
    asOf: active.info.asOf,
  };
  if (model.name) card.modelName = model.name;
  const cacheRead = base(price.cache_read_mtok);
  if (cacheRead !== undefined) card.cacheReadPerMTok = cacheRead;
  const cacheWrite = base(price.cache_write_mtok);
  if (cacheWrite !== undefined) card.cacheWritePerMTok = cacheWrite;
  const cacheWrite1h = base(price.cache_write_1h_mtok);
  if (cacheWrite1h !== undefined) card.cacheWrite1hPerMTok = cacheWrite1h;
  if (model.context_window) card.contextWindow = model.context_window;
  const tier = longContextTier(price) ?? supplementedTier(model.id, card);
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

/**
 * The newest model of a Claude family that has a price in the data in use ("haiku" → claude-haiku-4-5 in the bundled
 * data). For hints that want a cheaper sibling; not what Claude Code runs under its aliases (see aliases.ts).
 */
export function newestPricedClaude(family: 'haiku' | 'sonnet' | 'opus'): RateCard | undefined {
  let best: { card: RateCard; version: number[] } | undefined;
  for (const card of listProviderModels('anthropic')) {
    const version = claudeVersion(card.modelId, family);
    if (version && (!best || compareVersions(version, best.version) > 0)) best = { card, version };
  }
  return best?.card;
}

/** Version of a Claude model id in a family, for picking the newest: "claude-sonnet-4-5" → [4,5]. */
function claudeVersion(modelId: string, family: string): number[] | undefined {
  const modern = new RegExp(`^claude-${family}-(\\d+)(?:-(\\d))?$`).exec(modelId);
  if (modern) return [Number(modern[1]), Number(modern[2] ?? 0)];
  const legacy = new RegExp(`^claude-(\\d)(?:-(\\d))?-${family}`).exec(modelId);
  if (legacy) return [Number(legacy[1]), Number(legacy[2] ?? 0)];
  return undefined;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

const SUPPLEMENTED_TIERS = new Map(longContextTable.tiers.map((t) => [t.model, t] as const));

// Tiers billing.md documents that the data lacks (Sonnet 4 above 200k), applied to the data's own base rates.
function supplementedTier(modelId: string, card: RateCard): LongContextTier | undefined {
  const t = SUPPLEMENTED_TIERS.get(modelId);
  if (!t) return undefined;
  const tier: LongContextTier = {
    aboveInputTokens: t.aboveInputTokens,
    inputPerMTok: card.inputPerMTok * t.inputMultiplier,
    outputPerMTok: card.outputPerMTok * t.outputMultiplier,
    source: `${t.note} — ${t.source}, ${t.asOf}`,
  };
  if (card.cacheReadPerMTok !== undefined) tier.cacheReadPerMTok = card.cacheReadPerMTok * t.inputMultiplier;
  if (card.cacheWritePerMTok !== undefined) tier.cacheWritePerMTok = card.cacheWritePerMTok * t.inputMultiplier;
  return tier;
}
