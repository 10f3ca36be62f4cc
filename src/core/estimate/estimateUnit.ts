import { loadingOf } from '../formats/registry/spec';
import { callCost } from '../pricing/rateCard';
import { resolveFirst, resolveModel } from '../pricing/resolve';
import { applyServiceTier } from '../pricing/serviceTiers';
import type { PriceOverride } from '../pricing/overrides';
import { plainCounter, type TextCounter } from '../tokenize/textCounter';
import { profileForModel, type TokenizerProfile } from '../tokenize/families';
import type { CostUnit, LineRange, ParsedFile, Problem } from '../types';
import { noted, sourced, type InputLayers, type Sourced } from '../usage/resolveInputs';
import { BUILTIN_DEFAULTS } from '../usage/usageConfig';
import { unitHints } from './hints';
import { ANTHROPIC_TOOL_SYSTEM_PROMPT_TOKENS, messageOverhead } from './messageOverhead';
import { boundCount, boundSourced } from './bounds';
import { sessionCost, sessionInputTokens, turnInputTokens } from './session';
import type { CostFigures, InputPartCount, Pricing, SectionCount, SessionFigures, UnitEstimate } from './types';

export interface EstimateOptions extends InputLayers {
  /** Price overrides from settings, after the usage file's own `prices:`. */
  settingsPrices?: readonly PriceOverride[];
  /** How texts are counted; the editor passes a counter that follows the open document (default: count each text). */
  counter?: TextCounter;
}

export function estimateUnit(file: ParsedFile, unit: CostUnit, options: EstimateOptions): UnitEstimate {
  const model = sourced('model', file, unit, options);
  const tier = sourced('serviceTier', file, unit, options);
  const standard = priceModel(model, unit, options);
  const tiered = standard.ok ? applyServiceTier(standard.rates, tier.value) : undefined;
  const pricing: Pricing =
    standard.ok && tiered?.ok && tiered.value.note
      ? {
          ...standard,
          rates: tiered.value.rates,
          explanation: `${standard.explanation}; ${tiered.value.note} (${tier.detail})`,
        }
      : standard;
  const profile = profileForModel(pricing.ok ? pricing.rates.modelId : model.value, options.usage.tokenizer);
  const bounded: Problem[] = [];
  const monthHours = boundCount(
    options.usage.monthHours ?? BUILTIN_DEFAULTS.monthHours,
    'monthHours',
    'month.hours',
    bounded,
  );

  const counter = options.counter ?? plainCounter;
  const placeholder = unit.parts.some((p) => p.placeholders)
    ? sourced('placeholderTokens', file, unit, options)
    : undefined;
  const input = countInput(unit, profile, counter, placeholder);
  // Every count a file or usage file can set is taken within its bound (bounds.ts), so work and figures stay finite.
  const limit = unit.maxOutputTokens && {
    ...unit.maxOutputTokens,
    value: boundCount(unit.maxOutputTokens.value, 'outputTokens', unit.maxOutputTokens.field, bounded),
  };
  const configuredOutput = boundSourced(
    sourced('outputTokens', file, unit, options),
    'outputTokens',
    'output tokens',
    bounded,
  );
  const expectedOutput = expectedOutputTokens(configuredOutput, unit, limit?.value);
  const callsPerDay = boundSourced(
    sourced('callsPerDay', file, unit, options),
    'callsPerDay',
    'calls per day',
    bounded,
  );
  const session =
    unit.kind === 'call' && unit.turns
      ? sessionFigures(file, unit, options, input.tokens, expectedOutput.value, limit?.value, pricing, bounded)
      : undefined;

  let cost: CostFigures | undefined;
  if (pricing.ok) {
    const rates = pricing.rates;
    const inputPerCall = callCost(rates, { input: input.tokens, output: 0 });
    const outputPerCall = callCost(rates, { input: input.tokens, output: expectedOutput.value }) - inputPerCall;
    const perCall = inputPerCall + outputPerCall;
    const perRun = session?.perSession ?? perCall * (unit.callsPerRun ?? 1);
    const perDay = perRun * callsPerDay.value;
    cost = { inputPerCall, outputPerCall, perCall, perRun, perDay, perMonth: (perDay * monthHours) / 24 };
    if (limit) cost.worstCasePerCall = callCost(rates, { input: input.tokens, output: limit.value });
  }

  const estimate: UnitEstimate = {
    path: file.path,
    format: file.format,
    formatLabel: file.formatLabel,
    name: unit.name,
    kind: unit.kind,
    loading: loadingOf(unit, 'one-call'),
    range: unit.range,
    model,
    pricing,
    tokenizer: {
      family: profile.family,
      encoding: profile.encoding,
      exact: profile.exact,
      band: profile.band,
      basis: profile.basis,
    },
    input,
    output: limit
      ? { expected: expectedOutput, limit: { value: limit.value, field: limit.field } }
      : { expected: expectedOutput },
    callsPerDay,
    sections: countSections(unit, profile, counter),
    hints: [],
    problems: bounded,
    monthHours,
  };
  if (unit.appliesTo) estimate.appliesTo = unit.appliesTo;
  if (unit.callsPerRun !== undefined && unit.callsPerRun > 1 && !session) estimate.callsPerRun = unit.callsPerRun;
  if (unit.agent) estimate.agent = unit.agent;
  if (unit.promptFile) estimate.promptFile = unit.promptFile;
  const window = pricing.ok ? pricing.rates.contextWindow : undefined;
  const largestInput = session
    ? (session.turnInputTokens[session.turnInputTokens.length - 1] ?? input.tokens)
    : input.tokens;
  if (window && largestInput > window) {
    estimate.problems.push({
      severity: 'warning',
      message: `input of ${largestInput.toLocaleString('en-US')} tokens exceeds ${pricing.ok ? pricing.rates.modelId : 'the model'}'s context window of ${window.toLocaleString('en-US')}: the call would be rejected`,
    });
  }
  if (cost) estimate.cost = cost;
  if (session) estimate.session = session;
  if (!pricing.ok) estimate.problems.push({ severity: 'warning', message: pricing.message });
  if (tiered && !tiered.ok)
    estimate.problems.push({ severity: 'warning', message: `${tiered.error} (${tier.detail})` });
  estimate.hints = unitHints(estimate, unit);
  return estimate;
}

function priceModel(model: Sourced<string>, unit: CostUnit, options: EstimateOptions): Pricing {
  const overrides = combinedOverrides(options.usage.prices, options.settingsPrices);
  const declared = unit.model?.value;
  const resolution =
    model.source === 'format' && Array.isArray(declared)
      ? resolveFirst(declared, { overrides, ...aliasOption(options) })
      : resolveModel(model.value, { overrides, ...aliasOption(options) });
  return resolution.ok
    ? { ok: true, rates: resolution.rates, how: resolution.how, explanation: resolution.explanation }
    : { ok: false, problem: resolution.problem, message: resolution.message };
}

function aliasOption(options: EstimateOptions): { aliases?: NonNullable<EstimateOptions['usage']['aliases']> } {
  return options.usage.aliases ? { aliases: options.usage.aliases } : {};
}

// The same list object for the same two inputs, so model resolution's per-list memo is hit across units and files.
const combined = new WeakMap<readonly PriceOverride[], WeakMap<readonly PriceOverride[], readonly PriceOverride[]>>();
function combinedOverrides(
  usage: readonly PriceOverride[],
  settings: readonly PriceOverride[] | undefined,
): readonly PriceOverride[] {
  if (!settings || settings.length === 0) return usage;
  let bySettings = combined.get(usage);
  if (!bySettings) {
    bySettings = new WeakMap();
    combined.set(usage, bySettings);
  }
  let list = bySettings.get(settings);
  if (!list) {
    list = [...usage, ...settings];
    bySettings.set(settings, list);
  }
  return list;
}

function countInput(
  unit: CostUnit,
  profile: TokenizerProfile,
  counter: TextCounter,
  placeholder?: Sourced<number>,
): UnitEstimate['input'] {
  const parts: InputPartCount[] = [];
  // Exact when every part's count is (an estimating family's texts can be exact from a vendor's counting endpoint).
  let exact = unit.parts.length > 0 || profile.exact;
  let band = unit.parts.length > 0 ? 0 : profile.band;
  let tokens = 0;
  let placeholderTokens = 0;
  for (const part of unit.parts) {
    const count = counter.count(part.text, profile, part.range);
    parts.push({ label: part.label, role: part.role, tokens: count.tokens });
    tokens += count.tokens;
    exact &&= count.exact;
    band = Math.max(band, count.band);
    const holes = part.placeholders?.length ?? 0;
    if (holes > 0 && placeholder) {
      // Values only known at run time: a stated size each, so the count is an estimate whatever the tokenizer.
      const names = part.placeholders!.slice(0, 3).join(', ') + (holes > 3 ? ', …' : '');
      parts.push({
        label: `${holes} placeholder${holes === 1 ? '' : 's'} in ${part.label} (${names}) × ${placeholder.value} tokens — ${placeholder.detail}`,
        role: 'overhead',
        tokens: holes * placeholder.value,
      });
      tokens += holes * placeholder.value;
      exact = false;
      placeholderTokens += holes * placeholder.value;
    }
  }
  // The placeholders' share of the count is what may be off (a placeholder may be empty or twice its size).
  if (placeholderTokens > 0) band = Math.max(band, Math.min(1, placeholderTokens / Math.max(tokens, 1)));
  // Always-on context rides inside requests that already exist: it adds its text, not new messages.
  if (unit.kind === 'call') {
    const framing = messageOverhead(unit.messageCount);
    if (framing > 0) {
      parts.push({
        label: `message framing (${unit.messageCount} message${unit.messageCount === 1 ? '' : 's'})`,
        role: 'overhead',
        tokens: framing,
      });
      tokens += framing;
    }
    const hasToolSchemas = unit.parts.some((p) => p.role === 'tool-schema');
    if (hasToolSchemas) {
      // Providers render tool definitions into their own internal format before counting, so the JSON we count is
      // close to, not equal to, what is billed.
      exact = false;
      band = Math.max(band, 0.05);
    }
    if (hasToolSchemas && profile.family.startsWith('claude')) {
      parts.push({
        label: 'Anthropic tool-use system prompt',
        role: 'overhead',
        tokens: ANTHROPIC_TOOL_SYSTEM_PROMPT_TOKENS,
      });
      tokens += ANTHROPIC_TOOL_SYSTEM_PROMPT_TOKENS;
    }
  }
  return { tokens, exact, band, parts };
}

function expectedOutputTokens(configured: Sourced<number>, unit: CostUnit, limit: number | undefined): Sourced<number> {
  if (unit.kind === 'always-on') return { value: 0, source: 'format', detail: 'always-on context adds input only' };
  if (limit !== undefined && configured.value > limit) {
    return noted(configured, limit, `capped at the declared limit of ${limit}`);
  }
  return configured;
}

function sessionFigures(
  file: ParsedFile,
  unit: CostUnit,
  options: EstimateOptions,
  promptTokens: number,
  outputTokens: number,
  outputLimit: number | undefined,
  pricing: Pricing,
  problems: Problem[],
): SessionFigures {
  const maxTurns = Math.max(1, Math.floor(boundCount(unit.turns!.value, 'turns', unit.turns!.field, problems)));
  const configured = boundSourced(sourced('turns', file, unit, options), 'turns', 'turns', problems);
  const turns: Sourced<number> =
    configured.value > maxTurns
      ? noted(configured, maxTurns, `capped by ${unit.turns!.field} = ${maxTurns}`)
      : configured;
  const userTokensPerTurn = boundSourced(
    sourced('userTokensPerTurn', file, unit, options),
    'userTokensPerTurn',
    'user tokens per turn',
    problems,
  );
  const carry = {
    promptTokens,
    userTokensPerTurn: userTokensPerTurn.value,
    outputTokensPerTurn: outputTokens,
    turns: turns.value,
  };
  const inputs = turnInputTokens(carry);
  const figures: SessionFigures = {
    turns,
    maxTurns,
    userTokensPerTurn,
    turnInputTokens: inputs,
    inputTokens: sessionInputTokens(carry),
    outputTokens: outputTokens * turns.value,
  };
  if (pricing.ok) {
    figures.perSession = sessionCost(pricing.rates, carry);
    const worstOutput = outputLimit ?? outputTokens;
    figures.worstCasePerSession = sessionCost(pricing.rates, {
      ...carry,
      outputTokensPerTurn: worstOutput,
      turns: maxTurns,
    });
  }
  return figures;
}

function countSections(unit: CostUnit, profile: TokenizerProfile, counter: TextCounter): SectionCount[] {
  const counted = unit.sections.map((section) => ({
    section,
    tokens: counter.count(section.text, profile, section.range).tokens,
  }));
  // Sections nest (a `##` inside a `#`): shares are of the outermost sections' sum, so a heading that holds the whole
  // prompt reads 100% and its subsections their part of it.
  const outermost = outermostOf(counted);
  const total = outermost.reduce((sum, c) => sum + c.tokens, 0);
  return counted.map(({ section, tokens }) => ({
    title: section.title,
    level: section.level,
    range: section.range,
    tokens,
    share: total > 0 ? tokens / total : 0,
  }));
}

/** Sections not inside another one; sections nest like a tree, so one pass in line order finds them. */
function outermostOf<T extends { section: { range: LineRange } }>(items: readonly T[]): T[] {
  const ordered = [...items].sort(
    (a, b) =>
      a.section.range.startLine - b.section.range.startLine || b.section.range.endLine - a.section.range.endLine,
  );
  const result: T[] = [];
  let coveredTo = -1;
  for (const item of ordered) {
    if (item.section.range.startLine > coveredTo) {
      result.push(item);
      coveredTo = item.section.range.endLine;
    }
  }
  return result;
}
