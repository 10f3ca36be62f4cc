// Model name → priced model, with the reason. Order: the user's overrides, the alias table (what Claude Code, Mistral,
// DeepSeek serve under a name of theirs), the catalog's own matching on progressively normalised spellings, then the
// catalog's display names. No match is an explicit "no price" result — never a silent $0.
import { findAlias, type AliasOverride, type ModelAlias } from './aliases';
import { activePriceData, findExactModel, listProviderModels, matchCatalog, namedExactly } from './catalog';
import { nameCandidates } from './modelNames';
import { overrideMatches, overrideRateCard, type PriceOverride } from './overrides';
import type { PriceProblem } from '../problems/prices';
import { priceProblemText } from '../problems/priceText';
import type { RateCard } from './rateCard';

export type ResolutionKind = 'override' | 'exact' | 'alias' | 'normalized' | 'display-name';

export type ModelResolution =
  | { ok: true; requested: string; rates: RateCard; how: ResolutionKind; explanation: string }
  /** `message` is the plain wording of `problem` (priceText.ts); a surface with its own words reads `problem`. */
  | { ok: false; requested: string; problem: PriceProblem; message: string };

export interface ResolveOptions {
  overrides?: readonly PriceOverride[];
  /** The usage file's `aliases:`, replacing bundled alias-table entries of the same name. */
  aliases?: readonly AliasOverride[];
}

// Resolution is pure given the name, the override and alias lists and the active price data, and runs for every unit
// of every file: remember it per list pair (a new list — the usage file changed — starts a new memo; new price data
// starts a new memo altogether).
let memo = new WeakMap<readonly PriceOverride[], WeakMap<readonly AliasOverride[], Map<string, ModelResolution>>>();
let memoData: unknown;
const NO_OVERRIDES: readonly PriceOverride[] = [];
const NO_ALIASES: readonly AliasOverride[] = [];

export function resolveModel(name: string, options: ResolveOptions = {}): ModelResolution {
  const overrides = options.overrides ?? NO_OVERRIDES;
  const aliases = options.aliases ?? NO_ALIASES;
  if (memoData !== activePriceData()) {
    memo = new WeakMap();
    memoData = activePriceData();
  }
  let byAliases = memo.get(overrides);
  if (!byAliases) {
    byAliases = new WeakMap();
    memo.set(overrides, byAliases);
  }
  let byName = byAliases.get(aliases);
  if (!byName) {
    byName = new Map();
    byAliases.set(aliases, byName);
  }
  let resolution = byName.get(name);
  if (!resolution) {
    resolution = resolveUncached(name, overrides, aliases);
    byName.set(name, resolution);
  }
  return resolution;
}

function resolveUncached(
  name: string,
  overrides: readonly PriceOverride[],
  aliases: readonly AliasOverride[],
): ModelResolution {
  const requested = name.trim();
  if (!requested) return unpriced(requested, { code: 'no-model' });
  const override = overrides.find((o) => overrideMatches(o, requested));
  if (override) {
    return {
      ok: true,
      requested,
      rates: overrideRateCard(override),
      how: 'override',
      explanation: `your price for "${requested}" (${override.origin})`,
    };
  }
  const alias = findAlias(requested, aliases) ?? aliasOfSpelling(requested, aliases);
  if (alias) return resolveAlias(requested, alias, overrides);
  const resolution = resolveInCatalog(requested, overrides);
  if (!resolution.ok || resolution.how === 'override') return resolution;
  // A user's price for the resolved id applies to every spelling that reaches it ("Claude Sonnet 4.5", dated ids, aliases).
  const forResolved = overrides.find((o) => overrideMatches(o, resolution.rates.modelId));
  if (!forResolved) return resolution;
  return {
    ok: true,
    requested,
    rates: overrideRateCard(forResolved),
    how: 'override',
    explanation: `${resolution.explanation}; your price for ${resolution.rates.modelId} (${forResolved.origin})`,
  };
}

// "deepseek/deepseek-chat", "mistral:mistral-large-latest": the alias behind a provider prefix or API flavour.
function aliasOfSpelling(requested: string, aliases: readonly AliasOverride[]): ModelAlias | undefined {
  for (const candidate of nameCandidates(requested).slice(1)) {
    const alias = findAlias(candidate.id, aliases);
    if (alias) return alias;
  }
  return undefined;
}

/** An alias's model priced like any written name (the user's price for it applies), never through the table again. */
function resolveAlias(requested: string, alias: ModelAlias, overrides: readonly PriceOverride[]): ModelResolution {
  const origin = alias.asOf === 'your mapping' ? alias.source : `${alias.source}, as of ${alias.asOf}`;
  if (alias.kind === 'retired') {
    return unpriced(requested, {
      code: 'retired',
      model: requested,
      retired: alias.retired,
      ...(alias.successor ? { successor: alias.successor } : {}),
      origin,
    });
  }
  if (alias.kind === 'unknowable') {
    return unpriced(requested, { code: 'unknowable', model: requested, reason: alias.reason, origin });
  }
  const why = `alias "${requested}" → ${alias.model}${alias.note ? ` (${alias.note})` : ''}; ${origin}`;
  const target = resolveTarget(alias.model, overrides);
  if (!target.ok) {
    return unpriced(requested, {
      code: 'alias-unpriced',
      model: requested,
      target: alias.model,
      why,
      priceData: activePriceData().label,
    });
  }
  return {
    ok: true,
    requested,
    rates: target.rates,
    how: target.how === 'override' ? 'override' : 'alias',
    explanation: `${why}; ${target.explanation}`,
  };
}

// An alias names its model exactly: the catalog's id or a name its data lists, never a prefix match.
function resolveTarget(model: string, overrides: readonly PriceOverride[]): ModelResolution {
  const override = overrides.find((o) => overrideMatches(o, model));
  if (override)
    return {
      ok: true,
      requested: model,
      rates: overrideRateCard(override),
      how: 'override',
      explanation: `your price (${override.origin})`,
    };
  const card = findExactModel(model) ?? namedExactly(model);
  if (card)
    return { ok: true, requested: model, rates: card, how: 'exact', explanation: `${card.modelId} in ${card.source}` };
  return unpriced(model, { code: 'no-price', model, priceData: activePriceData().label });
}

function resolveInCatalog(requested: string, overrides: readonly PriceOverride[]): ModelResolution {
  // "vendor/model" ids exist only on aggregators (OpenRouter); LiteLLM, CrewAI and Genkit mean the vendor's own API by
  // that spelling, so those go through provider-prefix normalisation instead.
  const exact = requested.includes('/') ? undefined : findExactModel(requested);
  if (exact)
    return { ok: true, requested, rates: exact, how: 'exact', explanation: `"${requested}" is in the price data` };

  const moving = movingAlias(requested);
  if (moving) return moving;

  let earlier: { written: string; card: RateCard } | undefined;
  for (const candidate of nameCandidates(requested)) {
    const overridden = overrides.find((o) => overrideMatches(o, candidate.id));
    if (overridden) {
      return {
        ok: true,
        requested,
        rates: overrideRateCard(overridden),
        how: 'override',
        explanation: `your price for "${overridden.model}" (${overridden.origin}); ${candidate.steps.join(', ')}`,
      };
    }
    const card =
      (candidate.id.includes('/') ? undefined : findExactModel(candidate.id)) ??
      matchCatalog(candidate.id, candidate.providerHint) ??
      (candidate.providerHint ? matchCatalog(candidate.id) : undefined);
    if (!card) continue;
    if (isLaterVersion(candidate.id, card.modelId)) {
      earlier ??= { written: candidate.id, card };
      continue;
    }
    const steps = [...candidate.steps];
    if (card.modelId !== candidate.id) steps.push(`catalog matches "${candidate.id}" to ${card.modelId}`);
    if (card.modelId.startsWith('regional.'))
      steps.push('Bedrock regional endpoint rates, as the price data lists them');
    return {
      ok: true,
      requested,
      rates: card,
      how: 'normalized',
      explanation: `"${requested}" → ${card.modelId} (${steps.join('; ')})`,
    };
  }

  const byName = displayNameIndex().get(normalizeDisplay(requested));
  if (byName) {
    return {
      ok: true,
      requested,
      rates: byName,
      how: 'display-name',
      explanation: `display name "${requested}" → ${byName.modelId}`,
    };
  }
  if (earlier) {
    return unpriced(requested, {
      code: 'no-price',
      model: requested,
      priceData: activePriceData().label,
      earlier: { modelId: earlier.card.modelId, written: earlier.written },
    });
  }
  return unpriced(requested, { code: 'no-price', model: requested, priceData: activePriceData().label });
}

/** The first model of a fallback list that has a price (VS Code agents accept `model: [A, B]`). */
export function resolveFirst(names: readonly string[], options: ResolveOptions = {}): ModelResolution {
  let first: ModelResolution | undefined;
  for (const [index, name] of names.entries()) {
    const resolution = resolveModel(name, options);
    if (resolution.ok) {
      return index === 0
        ? resolution
        : { ...resolution, explanation: `${resolution.explanation}; first priced entry of the model list` };
    }
    first ??= resolution;
  }
  return first ?? unpriced('', { code: 'empty-model-list' });
}

const DISPLAY_PROVIDERS = ['anthropic', 'openai', 'google', 'mistral', 'deepseek', 'x-ai'];
let displayNames: Map<string, RateCard> | undefined;

function displayNameIndex(): Map<string, RateCard> {
  if (!displayNames) {
    displayNames = new Map();
    for (const providerId of DISPLAY_PROVIDERS) {
      for (const card of listProviderModels(providerId)) {
        if (card.modelName && !displayNames.has(normalizeDisplay(card.modelName)))
          displayNames.set(normalizeDisplay(card.modelName), card);
      }
    }
  }
  return displayNames;
}

function normalizeDisplay(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

// The library's prefix rules match "claude-sonnet-5-5" to claude-sonnet-5 and "gpt-6.1" to gpt-6: a newer model priced
// as an older one. A date or a variant after the matched id is fine; a further version number is not.
function isLaterVersion(written: string, matchedId: string): boolean {
  const w = written.toLowerCase();
  const m = matchedId.toLowerCase();
  return w.startsWith(m) && /^[-.]\d{1,2}(?!\d)/.test(w.slice(m.length));
}

// A "-latest" name is whatever the vendor serves under it today. The price data knows that only where one of its
// entries names the alias exactly; a prefix or suffix match would be a guess.
function movingAlias(requested: string): ModelResolution | undefined {
  const candidates = nameCandidates(requested);
  const latest = candidates.find((c) => /-latest$/.test(c.id));
  if (!latest) return undefined;
  const card = namedExactly(latest.id);
  if (card) {
    return {
      ok: true,
      requested,
      rates: card,
      how: 'normalized',
      explanation: `"${requested}" → ${card.modelId} (the price data names ${latest.id} as this model, as of ${card.asOf})`,
    };
  }
  return unpriced(requested, { code: 'moving-alias', model: requested });
}

/** The one way a failed resolution is made: its code, and the plain wording beside it. */
function unpriced(requested: string, problem: PriceProblem): ModelResolution {
  return { ok: false, requested, problem, message: priceProblemText(problem) };
}
