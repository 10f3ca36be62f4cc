// A genai-prices data file (the JSON its own update function reads: a list of providers with their models and
// prices) checked against the library's shape before it may replace the bundled data. The file may come from a
// repository (priceData:, --prices) or the network, so it is untrusted: every field is checked, sizes are bounded, and
// a regular expression that could backtrack badly is refused.
import { err, ok, type Result } from '../result';
import type { MatchLogic, ModelInfo, Provider } from '@pydantic/genai-prices';

export const MAX_PRICE_DATA_BYTES = 32 * 1024 * 1024;
const MAX_PROVIDERS = 2_000;
const MAX_MODELS = 50_000;
const MAX_REGEX_LENGTH = 300;
const MAX_MATCH_DEPTH = 8;

/** The providers and their model count, or why the text is not price data. */
export type PriceDataParse = Result<{ providers: Provider[]; models: number }>;

export function parsePriceData(text: string): PriceDataParse {
  if (text.length > MAX_PRICE_DATA_BYTES) return fail(`larger than ${MAX_PRICE_DATA_BYTES / 1024 / 1024} MB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) return fail('expected a list of providers (the genai-prices data.json shape)');
  if (data.length === 0) return fail('the provider list is empty');
  if (data.length > MAX_PROVIDERS) return fail(`more than ${MAX_PROVIDERS} providers`);
  let models = 0;
  const ids = new Set<string>();
  for (const [i, provider] of data.entries()) {
    const where = `provider ${i + 1}`;
    if (!isObject(provider)) return fail(`${where}: expected an object`);
    if (!isText(provider.id) || !isText(provider.name)) return fail(`${where}: needs id and name (text)`);
    if (ids.has(provider.id)) return fail(`${where}: duplicate provider id "${provider.id}"`);
    ids.add(provider.id);
    if (typeof provider.api_pattern !== 'string') return fail(`provider "${provider.id}": needs api_pattern (text)`);
    for (const key of ['model_match', 'provider_match'] as const) {
      if (provider[key] !== undefined && !isMatch(provider[key], 0))
        return fail(`provider "${provider.id}": ${key} is not a valid match rule`);
    }
    if (!Array.isArray(provider.models)) return fail(`provider "${provider.id}": needs a models list`);
    models += provider.models.length;
    if (models > MAX_MODELS) return fail(`more than ${MAX_MODELS} models`);
    for (const [j, model] of provider.models.entries()) {
      const problem = modelProblem(model);
      if (problem)
        return fail(
          `provider "${provider.id}" model ${isObject(model) && isText(model.id) ? `"${model.id}"` : j + 1}: ${problem}`,
        );
    }
  }
  if (models === 0) return fail('no models');
  return ok({ providers: data as Provider[], models });
}

function fail(reason: string): PriceDataParse {
  return err(`not a genai-prices data file: ${reason}`);
}

function modelProblem(model: unknown): string | undefined {
  if (!isObject(model)) return 'expected an object';
  if (!isText(model.id)) return 'needs an id (text)';
  if (!isMatch(model.match, 0)) return 'match is not a valid match rule';
  if (
    model.context_window !== undefined &&
    !(Number.isSafeInteger(model.context_window) && (model.context_window as number) > 0)
  ) {
    return 'context_window must be a positive whole number';
  }
  const prices = (model as Partial<ModelInfo>).prices;
  if (Array.isArray(prices)) {
    if (prices.length === 0) return 'empty price list';
    for (const conditional of prices) {
      if (!isObject(conditional) || !isPrice(conditional.prices)) return 'a dated price is not {constraint?, prices}';
      const c = conditional.constraint;
      if (c !== undefined && !(isObject(c) && (isText(c.start_date) || (isText(c.start_time) && isText(c.end_time))))) {
        return 'a price constraint is neither a start date nor a time of day';
      }
    }
  } else if (!isPrice(prices)) {
    return 'prices must map price keys to numbers or {base, tiers}';
  }
  return undefined;
}

function isPrice(value: unknown): boolean {
  if (!isObject(value)) return false;
  return Object.values(value).every((v) => v === undefined || isRate(v) || isTiered(v));
}

function isTiered(value: unknown): boolean {
  if (!isObject(value) || !isRate(value.base) || !Array.isArray(value.tiers)) return false;
  return value.tiers.every(
    (t) => isObject(t) && isRate(t.price) && Number.isSafeInteger(t.start) && (t.start as number) >= 0,
  );
}

function isMatch(value: unknown, depth: number): value is MatchLogic {
  if (depth > MAX_MATCH_DEPTH || !isObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  const key = keys[0]!;
  const inner = value[key];
  if (key === 'or' || key === 'and')
    return Array.isArray(inner) && inner.length <= 500 && inner.every((m) => isMatch(m, depth + 1));
  if (key === 'regex') return typeof inner === 'string' && safeRegex(inner);
  return ['equals', 'starts_with', 'ends_with', 'contains'].includes(key) && typeof inner === 'string';
}

// The library compiles `regex` rules and runs them on every model name. A group that repeats something that itself
// repeats ("(a+)+", "(x|xy)*") can take exponential time, so such rules are refused rather than run.
function safeRegex(source: string): boolean {
  if (source.length > MAX_REGEX_LENGTH) return false;
  if (/\([^()]*[+*][^()]*\)\s*[+*{]/.test(source) || /\([^()]*\|[^()]*\)\s*[+*{]/.test(source)) return false;
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 500;
}
function isRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
