// Model name → priced model, with the reason. Order: the user's overrides, Claude Code's family aliases, the catalog's
// own matching on progressively normalised spellings, then the catalog's display names. No match is an explicit
// "no price" result — never a silent $0.
import { findExactModel, listProviderModels, matchCatalog } from './catalog';
import { claudeVersion, FAMILY_ALIASES, nameCandidates } from './modelNames';
import { noPriceHint, overrideMatches, overrideRateCard, type PriceOverride } from './overrides';
import type { RateCard } from './rateCard';

export type ResolutionKind = 'override' | 'exact' | 'alias' | 'normalized' | 'display-name';

export type ModelResolution =
  | { ok: true; requested: string; rates: RateCard; how: ResolutionKind; explanation: string }
  | { ok: false; requested: string; message: string };

export interface ResolveOptions {
  overrides?: readonly PriceOverride[];
}

// Resolution is pure given the name and the override list, and runs for every unit of every file: remember it per
// override list (a new list — the usage file changed — starts a new memo).
const memo = new WeakMap<readonly PriceOverride[], Map<string, ModelResolution>>();
const NO_OVERRIDES: readonly PriceOverride[] = [];

export function resolveModel(name: string, options: ResolveOptions = {}): ModelResolution {
  const overrides = options.overrides ?? NO_OVERRIDES;
  let byName = memo.get(overrides);
  if (!byName) {
    byName = new Map();
    memo.set(overrides, byName);
  }
  let resolution = byName.get(name);
  if (!resolution) {
    resolution = resolveUncached(name, overrides);
    byName.set(name, resolution);
  }
  return resolution;
}

function resolveUncached(name: string, overrides: readonly PriceOverride[]): ModelResolution {
  const requested = name.trim();
  if (!requested) return { ok: false, requested, message: 'no model given — set one with --model, frontmatter or .burnrate.yaml' };
  const override = overrides.find((o) => overrideMatches(o, requested));
  if (override) {
    return { ok: true, requested, rates: overrideRateCard(override), how: 'override', explanation: `your price for "${requested}" (${override.origin})` };
  }
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

function resolveInCatalog(requested: string, overrides: readonly PriceOverride[]): ModelResolution {
  // "vendor/model" ids exist only on aggregators (OpenRouter); LiteLLM, CrewAI and Genkit mean the vendor's own API by
  // that spelling, so those go through provider-prefix normalisation instead.
  const exact = requested.includes('/') ? undefined : findExactModel(requested);
  if (exact) return { ok: true, requested, rates: exact, how: 'exact', explanation: `"${requested}" is in the price data` };

  const family = FAMILY_ALIASES[requested.toLowerCase()];
  if (family) {
    const newest = newestClaude(family);
    if (newest) {
      return {
        ok: true,
        requested,
        rates: newest,
        how: 'alias',
        explanation: `alias "${requested}" → newest Claude ${family} in the price data (${newest.modelId})`,
      };
    }
  }

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
    const steps = [...candidate.steps];
    if (card.modelId !== candidate.id) steps.push(`catalog matches "${candidate.id}" to ${card.modelId}`);
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
    return { ok: true, requested, rates: byName, how: 'display-name', explanation: `display name "${requested}" → ${byName.modelId}` };
  }
  return { ok: false, requested, message: noPriceHint(requested) };
}

/** The first model of a fallback list that has a price (VS Code agents accept `model: [A, B]`). */
export function resolveFirst(names: readonly string[], options: ResolveOptions = {}): ModelResolution {
  let first: ModelResolution | undefined;
  for (const [index, name] of names.entries()) {
    const resolution = resolveModel(name, options);
    if (resolution.ok) {
      return index === 0 ? resolution : { ...resolution, explanation: `${resolution.explanation}; first priced entry of the model list` };
    }
    first ??= resolution;
  }
  return first ?? { ok: false, requested: '', message: 'empty model list' };
}

const DISPLAY_PROVIDERS = ['anthropic', 'openai', 'google', 'mistral', 'deepseek', 'x-ai'];
let displayNames: Map<string, RateCard> | undefined;

function displayNameIndex(): Map<string, RateCard> {
  if (!displayNames) {
    displayNames = new Map();
    for (const providerId of DISPLAY_PROVIDERS) {
      for (const card of listProviderModels(providerId)) {
        if (card.modelName && !displayNames.has(normalizeDisplay(card.modelName))) displayNames.set(normalizeDisplay(card.modelName), card);
      }
    }
  }
  return displayNames;
}

function normalizeDisplay(name: string): string {
  return name.toLowerCase().replace(/\s*\([^)]*\)\s*$/, '').replace(/[\s_-]+/g, ' ').trim();
}

const newestByFamily = new Map<string, RateCard | undefined>();

function newestClaude(family: string): RateCard | undefined {
  if (!newestByFamily.has(family)) {
    let best: { card: RateCard; version: number[] } | undefined;
    for (const card of listProviderModels('anthropic')) {
      const version = claudeVersion(card.modelId, family);
      if (version && (!best || compareVersions(version, best.version) > 0)) best = { card, version };
    }
    newestByFamily.set(family, best?.card);
  }
  return newestByFamily.get(family);
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
