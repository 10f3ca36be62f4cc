// A validated scenario spec → a scenario the engine can run: models priced through the injected lookup (the CLI and
// extension pass the real resolver), system-prompt files counted through the injected counter, usage logs read through
// the injected loader, documented defaults filled in. Pure apart from those three functions.
import { withLongContext } from '../pricing/longContextOptIn';
import type { RateCard } from '../pricing/rateCard';
import { applyServiceTier } from '../pricing/serviceTiers';
import { toolFee } from '../pricing/toolFees';
import type { Problem } from '../types';
import { describeDist, fixed, lognormal, type Dist } from './distribution';
import type { Result } from '../result';
import type { ModelLookup } from './modelLookup';
import type { PresetSpec } from './presets';
import { observedCacheHitRate, outputSamples, type UsageLog } from './replay/replay';
import { callRates } from './callRates';
import { framingFor } from './messageFraming';
import { reasoningRuleFor, type ReasoningCarry } from './reasoningRules';
import { describeRouteCache, routeCache } from './routeCache';
import {
  DEFAULT_MINUTES_BETWEEN_TURNS,
  SCENARIO_DEFAULTS,
  SCENARIO_LIMITS,
  USERS_DEFAULTS,
  type Scenario,
  type Subagent,
} from './scenario';
import type { FromLog, ScenarioSpec, TokensOrFile } from './spec';

export type FileCount = { tokens: number; exact: boolean; band?: number } | { error: string };

export interface PrepareDeps {
  lookup: ModelLookup;
  /** Tokens of a file's text for a model's tokenizer; paths as written in the scenario. */
  countFile(path: string, modelId: string): FileCount;
  /** Reads a JSONL usage log; paths as written in the scenario. */
  loadLog?(path: string): Result<UsageLog>;
  /** Model for scenarios that name none (the usage file's default), else SCENARIO_DEFAULTS.model. */
  defaultModel?: string;
}

export interface PreparedScenario {
  /** Absent when the scenario cannot run (an unknown model, a missing file); see problems. */
  scenario?: Scenario;
  presets: Record<string, PresetSpec>;
  problems: Problem[];
}

export function prepareScenario(spec: ScenarioSpec, deps: PrepareDeps, depth = 0): PreparedScenario {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const path = (key: string) => `scenarios.${spec.name}.${key}`;
  const fail = (key: string, message: string): PreparedScenario => {
    problems.push({ severity: 'error', message: `${path(key)}: ${message}` });
    return { presets: spec.presets, problems };
  };

  const modelName = spec.model ?? deps.defaultModel ?? SCENARIO_DEFAULTS.model;
  if (!spec.model) notes.push(`model not set: using ${modelName}`);
  const found = deps.lookup(modelName);
  if (!found.ok) return fail('model', found.error);
  const main = found.value;
  const longContext = spec.longContext === true;
  const mainTier = withLongContext(main.rates, longContext);
  if (mainTier.note) notes.push(mainTier.note);
  const rates = atServiceTier(mainTier.rates, spec, problems, notes);
  notes.push(
    `model ${modelName}: ${main.explanation} — $${rates.inputPerMTok} in / $${rates.outputPerMTok} out per M (${rates.source})`,
  );

  let routing: Scenario['routing'];
  if (spec.routing && spec.routing.share > 0) {
    const foundCheap = deps.lookup(spec.routing.model);
    if (!foundCheap.ok) return fail('routing.model', foundCheap.error);
    const cheap = foundCheap.value;
    const cheapTier = withLongContext(cheap.rates, longContext);
    if (cheapTier.note) notes.push(`routing ${cheapTier.note}`);
    routing = {
      rates: atServiceTier(cheapTier.rates, spec, problems, notes),
      share: spec.routing.share,
      per: spec.routing.per,
    };
    notes.push(
      `routing ${spec.routing.model}: ${cheap.explanation} — $${cheap.rates.inputPerMTok} / $${cheap.rates.outputPerMTok} per M`,
    );
  }

  const system = tokensOf(spec.systemPrompt, 'system prompt', rates.modelId, deps, notes);
  if ('error' in system) return fail('systemPrompt', system.error);
  const tools = tokensOf(spec.toolDefinitions, 'tool definitions', rates.modelId, deps, notes);
  if ('error' in tools) return fail('toolDefinitions', tools.error);

  const logs = new Map<string, UsageLog>();
  const fromLog = (key: string, ref: FromLog): UsageLog | string => {
    const cached = logs.get(ref.fromLog);
    if (cached) return cached;
    if (!deps.loadLog) return `${path(key)}: usage logs cannot be read here`;
    const loaded = deps.loadLog(ref.fromLog);
    if (!loaded.ok) return `${path(key)}: ${loaded.error}`;
    if (loaded.value.calls.length === 0) return `${path(key)}: ${ref.fromLog} has no usage records`;
    logs.set(ref.fromLog, loaded.value);
    return loaded.value;
  };

  let outputTokens: Dist = fixed(SCENARIO_DEFAULTS.outputTokens);
  if (spec.outputTokens && 'fromLog' in spec.outputTokens) {
    const log = fromLog('outputTokens', spec.outputTokens);
    if (typeof log === 'string') return failWith(problems, spec, log);
    outputTokens = { kind: 'empirical', samples: outputSamples(log), source: spec.outputTokens.fromLog };
    notes.push(
      `output tokens: ${log.calls.length.toLocaleString('en-US')} calls observed in ${spec.outputTokens.fromLog}`,
    );
  } else if (spec.outputTokens) {
    outputTokens = spec.outputTokens;
  }

  let cacheHitRate: number = SCENARIO_DEFAULTS.cacheHitRate;
  if (typeof spec.cacheHitRate === 'object') {
    const log = fromLog('cacheHitRate', spec.cacheHitRate);
    if (typeof log === 'string') return failWith(problems, spec, log);
    cacheHitRate = observedCacheHitRate(log);
    notes.push(
      `cache hit rate ${(cacheHitRate * 100).toFixed(1)}%: share of lookups that read from the cache (each session's first call left out) in ${spec.cacheHitRate.fromLog}`,
    );
  } else if (spec.cacheHitRate !== undefined) {
    cacheHitRate = spec.cacheHitRate;
  }

  if (cacheHitRate > 0 && rates.cacheReadPerMTok === undefined) {
    notes.push(`${rates.modelId} has no cache-read price in the price data: cache reads are billed as plain input`);
  }

  const scenario: Scenario = {
    name: spec.name,
    rates,
    systemPromptTokens: system.tokens,
    toolDefinitionTokens: tools.tokens,
    sessionsPerDay: spec.sessionsPerDay ?? fixed(SCENARIO_DEFAULTS.sessionsPerDay),
    turns: spec.turns ?? fixed(SCENARIO_DEFAULTS.turns),
    maxTurns: spec.maxTurns ?? SCENARIO_DEFAULTS.maxTurns,
    runawayRate: spec.runawayRate ?? SCENARIO_DEFAULTS.runawayRate,
    userTokens: spec.userTokens ?? fixed(SCENARIO_DEFAULTS.userTokens),
    outputTokens,
    toolCallsPerTurn: spec.toolCallsPerTurn ?? fixed(SCENARIO_DEFAULTS.toolCallsPerTurn),
    maxToolCallsPerTurn: spec.maxToolCallsPerTurn ?? SCENARIO_DEFAULTS.maxToolCallsPerTurn,
    toolResultTokens: spec.toolResultTokens ?? fixed(SCENARIO_DEFAULTS.toolResultTokens),
    retryRate: spec.retryRate ?? SCENARIO_DEFAULTS.retryRate,
    maxRetries: spec.maxRetries ?? SCENARIO_DEFAULTS.maxRetries,
    failedOutputShare: spec.failedOutputShare ?? SCENARIO_DEFAULTS.failedOutputShare,
    caching: spec.caching ?? SCENARIO_DEFAULTS.caching,
    cacheTtl: spec.cacheTtl ?? SCENARIO_DEFAULTS.cacheTtl,
    cacheHitRate,
    minutesBetweenTurns:
      spec.minutesBetweenTurns ?? lognormal(DEFAULT_MINUTES_BETWEEN_TURNS.p50, DEFAULT_MINUTES_BETWEEN_TURNS.p90),
    summaryTokens: spec.summaryTokens ?? SCENARIO_DEFAULTS.summaryTokens,
    onContextFull: spec.onContextFull ?? SCENARIO_DEFAULTS.onContextFull,
    budget: spec.budget ?? {},
    dayCorrelation: spec.dayCorrelation ?? SCENARIO_DEFAULTS.dayCorrelation,
    notes,
  };
  if (routing) scenario.routing = routing;
  if (spec.toolCallOutputTokens) scenario.toolCallOutputTokens = spec.toolCallOutputTokens;
  if (spec.toolFees) {
    const share = spec.toolFees.share ?? 1;
    if (spec.toolFees.perCallUsd !== undefined) {
      scenario.toolFees = { perCallUsd: spec.toolFees.perCallUsd, share };
      notes.push(
        `tool fees: $${spec.toolFees.perCallUsd} per call on ${percentOf(share)} of tool calls (the scenario)`,
      );
    } else if (spec.toolFees.tool) {
      const fee = toolFee(spec.toolFees.tool, rates.providerId);
      if (!fee)
        return fail('toolFees.tool', `no ${spec.toolFees.tool} fee known for ${rates.providerId}; give perCallUsd`);
      scenario.toolFees = { perCallUsd: fee.perCallUsd, share };
      notes.push(
        `tool fees: ${fee.tool} $${fee.perCallUsd} per call on ${percentOf(share)} of tool calls — ${fee.note} (${fee.source}, ${fee.asOf})`,
      );
    }
  }
  if (spec.embeddings) {
    const foundEmbedding = deps.lookup(spec.embeddings.model);
    if (!foundEmbedding.ok) return fail('embeddings.model', foundEmbedding.error);
    const embedding = foundEmbedding.value;
    const callsPerTurn = spec.embeddings.callsPerTurn ?? 1;
    scenario.embeddings = { rates: embedding.rates, callsPerTurn, tokens: spec.embeddings.tokens };
    notes.push(
      `embeddings: ${callsPerTurn} call(s) per turn of ${spec.embeddings.tokens.toLocaleString('en-US')} tokens on ${spec.embeddings.model} at $${embedding.rates.inputPerMTok}/M (${embedding.rates.source})`,
    );
  }
  if (spec.subagents && spec.subagents.length > 0) {
    if (depth >= SCENARIO_LIMITS.subagentDepth)
      return fail('subagents', `nest deeper than ${SCENARIO_LIMITS.subagentDepth}`);
    const subagents: Subagent[] = [];
    for (const sub of spec.subagents) {
      if (!sub.spec) return fail('subagents', `scenario "${sub.scenario}" not found`);
      const child = prepareScenario(sub.spec, deps, depth + 1);
      problems.push(...child.problems.filter((p) => p.severity === 'error'));
      if (!child.scenario) return fail('subagents', `subagent ${sub.scenario} cannot be simulated (see above)`);
      subagents.push({
        name: sub.scenario,
        scenario: child.scenario,
        callsPerSession: sub.callsPerSession,
        answerTokens: sub.answerTokens,
      });
      notes.push(
        `subagent ${sub.scenario} (${child.scenario.rates.modelId}): ${describeDist(sub.callsPerSession)} calls per session, each a sub-session of its own; its ${sub.answerTokens.toLocaleString('en-US')}-token answer enters the history`,
      );
    }
    scenario.subagents = subagents;
  }
  if (spec.messageFraming) {
    const framing =
      spec.messageFraming === true
        ? framingFor(rates.providerId, rates.modelId)
        : { ...spec.messageFraming, source: 'the scenario' };
    scenario.messageFraming = { perMessage: framing.perMessage, perReply: framing.perReply };
    notes.push(
      `message framing: ${framing.perMessage} tokens per message, ${framing.perReply} per reply (${framing.source})`,
    );
  }
  if (spec.reasoningTokens) {
    scenario.reasoningTokens = spec.reasoningTokens;
    const rule = reasoningRuleFor(rates.providerId, rates.modelId);
    scenario.reasoningCarry =
      spec.reasoningAcrossTurns === undefined ? rule.carry : spec.reasoningAcrossTurns ? 'keep' : 'strip';
    notes.push(
      spec.reasoningAcrossTurns === undefined
        ? `reasoning on ${rates.modelId}: billed as output, kept within a tool loop, ${CARRY_WORDS[rule.carry]} (${rule.source})`
        : `reasoning: billed as output, ${CARRY_WORDS[scenario.reasoningCarry]} (reasoningAcrossTurns: ${spec.reasoningAcrossTurns})`,
    );
  }
  if (spec.compactAtTokens !== undefined) scenario.compactAtTokens = spec.compactAtTokens;
  if (spec.users) {
    scenario.users = { ...USERS_DEFAULTS, ...spec.users };
    const unset = (['sessionsPerUserPerDay', 'intensitySigma'] as const).filter(
      (key) => spec.users?.[key] === undefined,
    );
    if (unset.length > 0)
      notes.push(`users: ${unset.map((key) => `${key} ${USERS_DEFAULTS[key]}`).join(', ')} assumed (not measured)`);
  }
  if (spec.summarizeAfterTurns !== undefined) scenario.summarizeAfterTurns = spec.summarizeAfterTurns;
  if (scenario.caching !== 'off' && scenario.cacheHitRate > 0) {
    for (const card of routing ? [rates, routing.rates] : [rates])
      notes.push(`caching: ${describeRouteCache(routeCache(card, callRates(card), scenario), card)}`);
  }
  return { scenario, presets: spec.presets, problems };
}

/** The card at the scenario's service tier; a tier the provider does not sell per token is a warning at standard rates. */
function atServiceTier(card: RateCard, spec: ScenarioSpec, problems: Problem[], notes: string[]): RateCard {
  const tier = spec.serviceTier ?? 'standard';
  if (tier === 'standard') return card;
  const tiered = applyServiceTier(card, tier);
  if (!tiered.ok) {
    problems.push({
      severity: 'warning',
      message: `scenarios.${spec.name}.serviceTier: ${card.modelId}: ${tiered.error}`,
    });
    return card;
  }
  notes.push(`${card.modelId}: ${tiered.value.note ?? `${tier} tier`}`);
  return tiered.value.rates;
}

const CARRY_WORDS: Record<ReasoningCarry, string> = {
  keep: 'carried into later turns',
  strip: "dropped when the next user turn starts (the cache is read up to that turn's user message)",
  keepIfTools: 'carried into later turns after a turn with tool calls, else dropped',
};

function percentOf(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function failWith(problems: Problem[], spec: ScenarioSpec, message: string): PreparedScenario {
  problems.push({ severity: 'error', message });
  return { presets: spec.presets, problems };
}

function tokensOf(
  value: TokensOrFile | undefined,
  what: string,
  modelId: string,
  deps: PrepareDeps,
  notes: string[],
): { tokens: number } | { error: string } {
  if (!value) return { tokens: 0 };
  if ('tokens' in value) return { tokens: value.tokens };
  const counted = deps.countFile(value.file, modelId);
  if ('error' in counted) return { error: `${value.file}: ${counted.error}` };
  const accuracy = counted.exact ? 'exact' : `estimate ±${Math.round((counted.band ?? 0) * 100)}%`;
  notes.push(`${what}: ${value.file}, ${counted.tokens.toLocaleString('en-US')} tokens (${accuracy})`);
  return { tokens: counted.tokens };
}
