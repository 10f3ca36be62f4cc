// A runtime's profile with the user's overrides applied: the figures one workspace's estimate uses, each still saying
// where it comes from (the profile's source and date, or the override that replaced it).
import type { Pricing } from '../estimate/types';
import type { PriceOverride } from '../pricing/overrides';
import { resolveModel } from '../pricing/resolve';
import { profileForModel, type ProfileOverride, type TokenizerProfile } from '../tokenize/families';
import { BUILTIN_DEFAULTS, USAGE_FILE_NAME, type UsageConfig } from '../usage/usageConfig';
import { overridden, type DatedValue, type FigureBasis, type TokenFigure } from './figures';
import type { RuntimeOverrides } from './overrides';
import type { ModeProfile, RuntimeId, RuntimeProfile, ToolFigure } from './profile';
import { workspaceProfile, type ContextFileNames } from './contextFileNames';

export interface ResolvedValue<T> {
  value: T;
  basis: FigureBasis | 'usage' | 'default';
  /** "runtimes.claude-code.model in .burnrate.yaml", or the profile's source with its date. */
  detail: string;
}

export interface ResolvedRuntime {
  id: RuntimeId;
  name: string;
  profile: RuntimeProfile;
  mode: string;
  model: ResolvedValue<string>;
  pricing: Pricing;
  tokenizer: TokenizerProfile;
  systemPrompt: TokenFigure;
  tools: readonly ToolFigure[];
  subagentPreamble?: TokenFigure;
  listingEntry?: TokenFigure;
  importDepth?: ResolvedValue<number>;
  compaction?: ResolvedValue<number>;
  requestsPerDay: ResolvedValue<number>;
  modeNote?: string;
}

export interface RuntimeInputs {
  /** Highest first: the usage file's `runtimes:`, then the setting's. */
  overrides: readonly RuntimeOverrides[];
  usage: UsageConfig;
  /** Usage-file prices followed by settings prices, as the estimate uses them. */
  prices: readonly PriceOverride[];
  tokenizer?: Readonly<Record<string, ProfileOverride>>;
  /** Requests per day from settings (`burnrate.defaults.callsPerDay`), below the usage file. */
  settingsCallsPerDay?: number;
  /** Context files the workspace's settings rename (Gemini CLI `context.fileName`). */
  contextFileNames?: ContextFileNames;
}

export function resolveRuntime(id: RuntimeId, inputs: RuntimeInputs): ResolvedRuntime {
  const profile = workspaceProfile(id, inputs.contextFileNames);
  const pick = <K extends keyof NonNullable<RuntimeOverrides['byRuntime'][RuntimeId]>>(key: K) => {
    for (const layer of inputs.overrides) {
      const value = layer.byRuntime[id]?.[key];
      if (value !== undefined)
        return {
          value: value as NonNullable<NonNullable<RuntimeOverrides['byRuntime'][RuntimeId]>[K]>,
          origin: `runtimes.${id}.${String(key)} (${layer.origin})`,
        };
    }
    return undefined;
  };

  const modeOverride = pick('mode');
  const mode = modeOverride && profile.modes[modeOverride.value] ? modeOverride.value : profile.defaultMode;
  const modeProfile: ModeProfile = profile.modes[mode]!;

  const modelOverride = pick('model');
  const model: ResolvedValue<string> = modelOverride
    ? { value: modelOverride.value, basis: 'usage', detail: modelOverride.origin }
    : fromDated(profile.defaultModel);
  const resolution = resolveModel(model.value, { overrides: inputs.prices });
  const pricing: Pricing = resolution.ok
    ? { ok: true, rates: resolution.rates, how: resolution.how, explanation: resolution.explanation }
    : { ok: false, problem: resolution.problem, message: resolution.message };
  const pricedId = pricing.ok ? pricing.rates.modelId : model.value;
  const tokenizer = profileForModel(pricedId, inputs.tokenizer ?? inputs.usage.tokenizer);

  const systemOverride = pick('systemPrompt');
  const byModel = modeProfile.systemPromptByModel?.find((entry) => new RegExp(entry.model, 'i').test(pricedId));
  const systemPrompt = systemOverride
    ? overridden(systemOverride.value, systemOverride.origin)
    : (byModel?.figure ?? modeProfile.systemPrompt);

  const toolOverrides = inputs.overrides.map((layer) => ({ tools: layer.byRuntime[id]?.tools, origin: layer.origin }));
  const tools = modeProfile.tools.map((tool) => {
    const hit = toolOverrides.find((layer) => layer.tools?.[tool.name] !== undefined);
    return hit
      ? {
          name: tool.name,
          figure: overridden(hit.tools![tool.name]!, `runtimes.${id}.tools.${tool.name} (${hit.origin})`),
        }
      : tool;
  });

  const resolved: ResolvedRuntime = {
    id,
    name: profile.name,
    profile,
    mode,
    model,
    pricing,
    tokenizer,
    systemPrompt,
    tools,
    requestsPerDay: requestsPerDay(id, pick('requestsPerDay'), inputs),
  };
  if (modeProfile.note) resolved.modeNote = modeProfile.note;
  const preamble = figureWithOverride(profile.subagentPreamble, pick('subagentPreamble'));
  if (preamble) resolved.subagentPreamble = preamble;
  const listing = figureWithOverride(profile.listingEntry, pick('listingEntry'));
  if (listing) resolved.listingEntry = listing;
  const depthOverride = pick('importDepth');
  const depth = profile.importDepth?.[profile.importDepth.length - 1];
  if (depthOverride)
    resolved.importDepth = { value: depthOverride.value, basis: 'usage', detail: depthOverride.origin };
  else if (depth) resolved.importDepth = fromDated(depth);
  const compactionOverride = pick('compaction');
  if (compactionOverride)
    resolved.compaction = { value: compactionOverride.value, basis: 'usage', detail: compactionOverride.origin };
  else if (profile.compaction) resolved.compaction = fromDated(profile.compaction);
  return resolved;
}

function fromDated<T>(value: DatedValue<T>): ResolvedValue<T> {
  return { value: value.value, basis: value.basis, detail: `${value.source}, ${value.date}` };
}

function figureWithOverride(
  figure: TokenFigure | undefined,
  override: { value: number; origin: string } | undefined,
): TokenFigure | undefined {
  return override ? overridden(override.value, override.origin) : figure;
}

function requestsPerDay(
  id: RuntimeId,
  override: { value: number; origin: string } | undefined,
  inputs: RuntimeInputs,
): ResolvedValue<number> {
  if (override) return { value: override.value, basis: 'usage', detail: override.origin };
  const usage = inputs.usage.defaults.callsPerDay;
  if (usage !== undefined)
    return { value: usage, basis: 'usage', detail: `defaults.callsPerDay in ${USAGE_FILE_NAME}` };
  if (inputs.settingsCallsPerDay !== undefined)
    return { value: inputs.settingsCallsPerDay, basis: 'usage', detail: 'burnrate.defaults.callsPerDay setting' };
  return {
    value: BUILTIN_DEFAULTS.callsPerDay,
    basis: 'default',
    detail: `built-in default — set runtimes.${id}.requestsPerDay or defaults.callsPerDay in ${USAGE_FILE_NAME}`,
  };
}

/** The runtime running another model (a subagent's `model: haiku`): same figures, that model's price and tokenizer. */
export function withModel(
  runtime: ResolvedRuntime,
  name: string,
  detail: string,
  prices: readonly PriceOverride[],
  usage: UsageConfig,
): ResolvedRuntime {
  const resolution = resolveModel(name, { overrides: prices });
  const pricing: Pricing = resolution.ok
    ? { ok: true, rates: resolution.rates, how: resolution.how, explanation: resolution.explanation }
    : { ok: false, problem: resolution.problem, message: resolution.message };
  const tokenizer = profileForModel(pricing.ok ? pricing.rates.modelId : name, usage.tokenizer);
  return { ...runtime, model: { value: name, basis: 'usage', detail }, pricing, tokenizer };
}
