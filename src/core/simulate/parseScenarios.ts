// Validates the raw `scenarios:` object of `.burnrate.yaml` (already YAML-parsed). Every problem names its key
// ("scenarios.support-agent.turns: …") and is also listed under the scenario it belongs to, so a shell selects a
// scenario's problems by name, not by the text. A scenario with an error is left out — a silently defaulted typo
// would give wrong money — while the others still run; unknown keys are warnings with a suggestion.
import { SERVICE_TIERS } from '../pricing/serviceTiers';
import { TOOL_FEE_NAMES } from '../pricing/toolFees';
import type { Problem } from '../types';
import { fixed, lognormal, type Dist } from './distribution';
import {
  SCALABLE_DISTS,
  SCALABLE_SHARES,
  type Multiplier,
  type PresetSpec,
  type ScalableDist,
  type ScalableShare,
} from './presets';
import { CACHE_TTLS, CACHING_MODES, CONTEXT_FULL_ACTIONS, SCENARIO_LIMITS, type Budget, type Users } from './scenario';
import { SCENARIO_KEYS, type FromLog, type RoutingSpec, type ScenarioSpec, type TokensOrFile } from './spec';

export interface ParsedScenarios {
  scenarios: ScenarioSpec[];
  /** Every problem, in the order found. */
  problems: Problem[];
  /** The same problems by the scenario they belong to; one about the whole block (not a mapping) is under none. */
  byScenario: ReadonlyMap<string, readonly Problem[]>;
}

type Obj = Record<string, unknown>;

/** Where every problem is written: the flat list and, when it is about one scenario, that scenario's list. */
class ProblemLog {
  readonly problems: Problem[] = [];
  readonly byScenario = new Map<string, Problem[]>();

  add(scenario: string | undefined, problem: Problem): void {
    this.problems.push(problem);
    if (scenario === undefined) return;
    const own = this.byScenario.get(scenario);
    if (own) own.push(problem);
    else this.byScenario.set(scenario, [problem]);
  }
}

/** Reads one scenario (or, without a name, the block itself), writing its problems to the log under its name. */
class Reader {
  errors = 0;

  constructor(
    private readonly log: ProblemLog,
    private readonly scenario?: string,
  ) {}

  error(path: string, message: string): undefined {
    this.errors++;
    this.log.add(this.scenario, { severity: 'error', message: `${path}: ${message}` });
    return undefined;
  }

  warn(path: string, message: string): void {
    this.log.add(this.scenario, { severity: 'warning', message: `${path}: ${message}` });
  }
}

export function parseScenarios(raw: unknown): ParsedScenarios {
  const log = new ProblemLog();
  const scenarios: ScenarioSpec[] = [];
  const parsed = (valid: ScenarioSpec[]): ParsedScenarios => ({
    scenarios: valid,
    problems: log.problems,
    byScenario: log.byScenario,
  });
  if (raw === undefined || raw === null) return parsed(scenarios);
  if (!isObject(raw)) {
    new Reader(log).error('scenarios', `expected a mapping of scenario names to scenarios, got ${describe(raw)}`);
    return parsed(scenarios);
  }
  for (const [name, value] of Object.entries(raw)) {
    const reader = new Reader(log, name);
    const spec = readScenario(reader, name, value);
    if (spec && reader.errors === 0) scenarios.push(spec);
    else
      log.add(name, {
        severity: 'error',
        message: `scenarios.${name}: not simulated until the errors above are fixed`,
      });
  }
  return parsed(linkSubagents(log, scenarios));
}

/**
 * Points each subagent at the scenario it names. A name that is not a valid scenario, or a chain that comes back to
 * itself (a cycle would never end), is an error, and the scenarios depending on it are left out.
 */
function linkSubagents(log: ProblemLog, scenarios: ScenarioSpec[]): ScenarioSpec[] {
  const byName = new Map(scenarios.map((s) => [s.name, s] as const));
  const broken = new Set<string>();
  const visit = (spec: ScenarioSpec, chain: string[]): boolean => {
    if (chain.includes(spec.name)) {
      new Reader(log, chain[0]).error(
        `scenarios.${chain[0]}.subagents`,
        `${[...chain, spec.name].join(' → ')} is a cycle`,
      );
      return false;
    }
    if (chain.length > SCENARIO_LIMITS.subagentDepth) {
      new Reader(log, chain[0]).error(
        `scenarios.${chain[0]}.subagents`,
        `nest deeper than ${SCENARIO_LIMITS.subagentDepth} levels`,
      );
      return false;
    }
    for (const [i, sub] of (spec.subagents ?? []).entries()) {
      const target = byName.get(sub.scenario);
      if (!target) {
        new Reader(log, spec.name).error(
          `scenarios.${spec.name}.subagents[${i}].scenario`,
          `no valid scenario "${sub.scenario}"`,
        );
        return false;
      }
      if (!visit(target, [...chain, spec.name])) return false;
      sub.spec = target;
    }
    return true;
  };
  for (const spec of scenarios) if (spec.subagents && !visit(spec, [])) broken.add(spec.name);
  return scenarios.filter((s) => !broken.has(s.name));
}

function readScenario(reader: Reader, name: string, value: unknown): ScenarioSpec | undefined {
  const path = `scenarios.${name}`;
  if (!isObject(value))
    return reader.error(path, `expected a mapping of scenario keys (model, turns, …), got ${describe(value)}`);
  const spec: ScenarioSpec = { name, presets: {} };
  for (const key of Object.keys(value)) {
    if (!(SCENARIO_KEYS as readonly string[]).includes(key)) {
      reader.warn(`${path}.${key}`, `unknown key, ignored${suggestion(key, SCENARIO_KEYS)}`);
    }
  }
  const at = (key: string) => `${path}.${key}`;
  const v = value;
  if (v.description !== undefined) {
    if (typeof v.description === 'string') spec.description = v.description;
    else reader.error(at('description'), `expected text, got ${describe(v.description)}`);
  }
  if (v.model !== undefined) {
    if (typeof v.model === 'string' && v.model.trim() !== '') spec.model = v.model.trim();
    else reader.error(at('model'), `expected a model name such as claude-sonnet-4-5, got ${describe(v.model)}`);
  }
  assign(spec, 'systemPrompt', readTokensOrFile(reader, at('systemPrompt'), v.systemPrompt));
  assign(spec, 'toolDefinitions', readTokensOrFile(reader, at('toolDefinitions'), v.toolDefinitions));
  assign(spec, 'sessionsPerDay', readDist(reader, at('sessionsPerDay'), v.sessionsPerDay));
  assign(spec, 'turns', readDist(reader, at('turns'), v.turns, { min: 1 }));
  assign(
    spec,
    'maxTurns',
    readNumber(reader, at('maxTurns'), v.maxTurns, { min: 1, max: SCENARIO_LIMITS.maxTurns, integer: true }),
  );
  assign(spec, 'runawayRate', readShare(reader, at('runawayRate'), v.runawayRate));
  assign(spec, 'userTokens', readDist(reader, at('userTokens'), v.userTokens));
  assign(spec, 'outputTokens', readDist(reader, at('outputTokens'), v.outputTokens, { fromLog: true }));
  assign(spec, 'toolCallOutputTokens', readDist(reader, at('toolCallOutputTokens'), v.toolCallOutputTokens));
  assign(spec, 'reasoningTokens', readDist(reader, at('reasoningTokens'), v.reasoningTokens));
  assign(spec, 'reasoningAcrossTurns', readBoolean(reader, at('reasoningAcrossTurns'), v.reasoningAcrossTurns));
  assign(spec, 'messageFraming', readFraming(reader, at('messageFraming'), v.messageFraming));
  assign(spec, 'toolFees', readToolFees(reader, at('toolFees'), v.toolFees));
  assign(spec, 'embeddings', readEmbeddings(reader, at('embeddings'), v.embeddings));
  assign(spec, 'subagents', readSubagents(reader, at('subagents'), v.subagents));
  assign(spec, 'toolCallsPerTurn', readDist(reader, at('toolCallsPerTurn'), v.toolCallsPerTurn));
  assign(
    spec,
    'maxToolCallsPerTurn',
    readNumber(reader, at('maxToolCallsPerTurn'), v.maxToolCallsPerTurn, {
      min: 0,
      max: SCENARIO_LIMITS.maxToolCallsPerTurn,
      integer: true,
    }),
  );
  assign(spec, 'toolResultTokens', readDist(reader, at('toolResultTokens'), v.toolResultTokens));
  assign(spec, 'retryRate', readShare(reader, at('retryRate'), v.retryRate));
  if (v.retryRate === 1) reader.error(at('retryRate'), 'must be below 1 (every attempt failing never ends)');
  assign(
    spec,
    'maxRetries',
    readNumber(reader, at('maxRetries'), v.maxRetries, { min: 0, max: SCENARIO_LIMITS.maxRetries, integer: true }),
  );
  assign(spec, 'failedOutputShare', readShare(reader, at('failedOutputShare'), v.failedOutputShare));
  assign(spec, 'caching', readChoice(reader, at('caching'), v.caching, CACHING_MODES));
  assign(spec, 'cacheTtl', readChoice(reader, at('cacheTtl'), v.cacheTtl, CACHE_TTLS));
  assign(spec, 'minutesBetweenTurns', readDist(reader, at('minutesBetweenTurns'), v.minutesBetweenTurns));
  if (isObject(v.cacheHitRate) && 'fromLog' in v.cacheHitRate)
    assign(spec, 'cacheHitRate', readFromLog(reader, at('cacheHitRate'), v.cacheHitRate));
  else assign(spec, 'cacheHitRate', readShare(reader, at('cacheHitRate'), v.cacheHitRate));
  assign(
    spec,
    'summarizeAfterTurns',
    readNumber(reader, at('summarizeAfterTurns'), v.summarizeAfterTurns, { min: 1, integer: true }),
  );
  assign(spec, 'summaryTokens', readNumber(reader, at('summaryTokens'), v.summaryTokens, { min: 0 }));
  assign(spec, 'onContextFull', readChoice(reader, at('onContextFull'), v.onContextFull, CONTEXT_FULL_ACTIONS));
  assign(
    spec,
    'compactAtTokens',
    readNumber(reader, at('compactAtTokens'), v.compactAtTokens, { min: 1, max: SCENARIO_LIMITS.compactAtTokens }),
  );
  if (spec.compactAtTokens !== undefined && spec.onContextFull !== 'compact') {
    reader.warn(at('compactAtTokens'), 'has no effect without onContextFull: compact');
  }
  assign(spec, 'longContext', readBoolean(reader, at('longContext'), v.longContext));
  assign(spec, 'serviceTier', readChoice(reader, at('serviceTier'), v.serviceTier, SERVICE_TIERS));
  assign(spec, 'routing', readRouting(reader, at('routing'), v.routing));
  assign(spec, 'budget', readBudget(reader, at('budget'), v.budget));
  assign(
    spec,
    'dayCorrelation',
    readNumber(reader, at('dayCorrelation'), v.dayCorrelation, { min: 0, max: SCENARIO_LIMITS.dayCorrelation }),
  );
  assign(spec, 'users', readUsers(reader, at('users'), v.users));
  if (spec.budget?.perUserPerDayUsd !== undefined && spec.users === undefined) {
    reader.warn(at('budget.perUserPerDayUsd'), 'has no effect without users (e.g. users: {sessionsPerUserPerDay: 4})');
  }
  if (v.presets !== undefined) spec.presets = readPresets(reader, at('presets'), v.presets);
  if (spec.summaryTokens !== undefined && spec.summarizeAfterTurns === undefined) {
    reader.warn(at('summaryTokens'), 'has no effect without summarizeAfterTurns');
  }
  return spec;
}

function readFraming(reader: Reader, path: string, value: unknown): ScenarioSpec['messageFraming'] {
  if (value === undefined || typeof value === 'boolean') return value;
  if (!isObject(value))
    return reader.error(path, `expected true, false or {perMessage, perReply}, got ${describe(value)}`);
  extraKeys(reader, path, value, ['perMessage', 'perReply']);
  const perMessage = readNumber(reader, `${path}.perMessage`, value.perMessage, { min: 0, max: 100 });
  const perReply = readNumber(reader, `${path}.perReply`, value.perReply, { min: 0, max: 100 });
  return { perMessage: perMessage ?? 0, perReply: perReply ?? 0 };
}

function readToolFees(reader: Reader, path: string, value: unknown): ScenarioSpec['toolFees'] {
  if (value === undefined) return undefined;
  if (!isObject(value))
    return reader.error(
      path,
      `expected {tool: ${TOOL_FEE_NAMES.join(' | ')}} or {perCallUsd: N}, got ${describe(value)}`,
    );
  extraKeys(reader, path, value, ['tool', 'perCallUsd', 'share']);
  const fees: NonNullable<ScenarioSpec['toolFees']> = {};
  if (value.tool !== undefined) {
    if (typeof value.tool === 'string' && TOOL_FEE_NAMES.includes(value.tool)) fees.tool = value.tool;
    else
      return reader.error(`${path}.tool`, `expected one of ${TOOL_FEE_NAMES.join(', ')}, got ${describe(value.tool)}`);
  }
  const perCall = readNumber(reader, `${path}.perCallUsd`, value.perCallUsd, { min: 0, max: 100 });
  if (perCall !== undefined) fees.perCallUsd = perCall;
  const share = readShare(reader, `${path}.share`, value.share);
  if (share !== undefined) fees.share = share;
  if (fees.tool === undefined && fees.perCallUsd === undefined)
    return reader.error(path, 'needs tool (a fee from the price data) or perCallUsd');
  return fees;
}

function readEmbeddings(reader: Reader, path: string, value: unknown): ScenarioSpec['embeddings'] {
  if (value === undefined) return undefined;
  if (!isObject(value) || typeof value.model !== 'string' || value.model.trim() === '')
    return reader.error(path, `expected {model, tokens, callsPerTurn}, got ${describe(value)}`);
  extraKeys(reader, path, value, ['model', 'tokens', 'callsPerTurn']);
  const tokens = readNumber(reader, `${path}.tokens`, value.tokens, { min: 0, max: 10_000_000 });
  if (tokens === undefined) return reader.error(`${path}.tokens`, 'is required: tokens embedded per call');
  const calls = readNumber(reader, `${path}.callsPerTurn`, value.callsPerTurn, { min: 0, max: 1000 });
  return { model: value.model.trim(), tokens, ...(calls !== undefined ? { callsPerTurn: calls } : {}) };
}

function readSubagents(reader: Reader, path: string, value: unknown): ScenarioSpec['subagents'] {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    return reader.error(path, `expected a list of {scenario, callsPerSession, answerTokens}, got ${describe(value)}`);
  const subagents: NonNullable<ScenarioSpec['subagents']> = [];
  value.forEach((item: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(item) || typeof item.scenario !== 'string' || item.scenario.trim() === '') {
      reader.error(
        at,
        `expected {scenario: <a scenario's name>, callsPerSession, answerTokens}, got ${describe(item)}`,
      );
      return;
    }
    extraKeys(reader, at, item, ['scenario', 'callsPerSession', 'answerTokens']);
    const calls = readDist(reader, `${at}.callsPerSession`, item.callsPerSession) ?? fixed(1);
    const answer = readNumber(reader, `${at}.answerTokens`, item.answerTokens, { min: 0, max: 1_000_000 });
    subagents.push({ scenario: item.scenario.trim(), callsPerSession: calls, answerTokens: answer ?? 500 });
  });
  return subagents;
}

function readBoolean(reader: Reader, path: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  reader.error(path, `expected true or false, got ${describe(value)}`);
  return undefined;
}

function assign<K extends keyof ScenarioSpec>(spec: ScenarioSpec, key: K, value: ScenarioSpec[K] | undefined): void {
  if (value !== undefined) spec[key] = value;
}

interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
}

function readNumber(reader: Reader, path: string, value: unknown, rules: NumberRules = {}): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return reader.error(path, `expected a number, got ${describe(value)}`);
  const min = rules.min ?? 0;
  if (value < min) return reader.error(path, `must be at least ${min}, got ${value}`);
  if (rules.max !== undefined && value > rules.max)
    return reader.error(path, `must be at most ${rules.max}, got ${value}`);
  if (rules.integer && !Number.isInteger(value)) return reader.error(path, `must be a whole number, got ${value}`);
  return value;
}

function readChoice<T extends string>(
  reader: Reader,
  path: string,
  value: unknown,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  return reader.error(path, `expected one of ${choices.join(', ')}, got ${describe(value)}`);
}

function readShare(reader: Reader, path: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && value > 1 && value <= 100) {
    return reader.error(path, `is a share between 0 and 1 (e.g. 0.15 for 15%), got ${value}`);
  }
  return readNumber(reader, path, value, { min: 0, max: 1 });
}

const DIST_HELP = 'a number, {p50: …, p90: …} or {samples: [ … ]}';

function readDist(
  reader: Reader,
  path: string,
  value: unknown,
  options: { min?: number; fromLog: true },
): Dist | FromLog | undefined;
function readDist(reader: Reader, path: string, value: unknown, options?: { min?: number }): Dist | undefined;
function readDist(
  reader: Reader,
  path: string,
  value: unknown,
  options: { min?: number; fromLog?: boolean } = {},
): Dist | FromLog | undefined {
  if (value === undefined) return undefined;
  const min = options.min ?? 0;
  const help = options.fromLog ? `${DIST_HELP} or {fromLog: usage.jsonl}` : DIST_HELP;
  if (typeof value === 'number') {
    const n = readNumber(reader, path, value, { min });
    return n === undefined ? undefined : fixed(n);
  }
  if (!isObject(value)) return reader.error(path, `expected ${help}, got ${describe(value)}`);
  if ('fromLog' in value) {
    if (!options.fromLog)
      return reader.error(path, `fromLog is only for outputTokens and cacheHitRate; use ${DIST_HELP}`);
    return readFromLog(reader, path, value);
  }
  if ('samples' in value) {
    extraKeys(reader, path, value, ['samples']);
    const samples = value.samples;
    if (!Array.isArray(samples) || samples.length === 0)
      return reader.error(`${path}.samples`, 'expected a non-empty list of numbers');
    const bad = samples.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x) || x < min);
    if (bad >= 0)
      return reader.error(
        `${path}.samples[${bad}]`,
        `expected a number of at least ${min}, got ${describe(samples[bad])}`,
      );
    return { kind: 'empirical', samples: samples as number[], source: path };
  }
  if ('p50' in value || 'p90' in value) {
    extraKeys(reader, path, value, ['p50', 'p90']);
    const p50 = readNumber(reader, `${path}.p50`, value.p50 ?? missing(reader, `${path}.p50`), { min });
    const p90 = readNumber(reader, `${path}.p90`, value.p90 ?? missing(reader, `${path}.p90`), { min });
    if (p50 === undefined || p90 === undefined) return undefined;
    if (!(p50 > 0))
      return reader.error(`${path}.p50`, 'must be above 0 for a log-normal; use a plain number for a fixed 0');
    if (p90 < p50) return reader.error(path, `p90 (${p90}) must be at least p50 (${p50})`);
    return lognormal(p50, p90);
  }
  return reader.error(path, `expected ${help}, got keys ${Object.keys(value).join(', ') || 'none'}`);
}

function missing(reader: Reader, path: string): undefined {
  reader.error(path, 'missing');
  return undefined;
}

function readFromLog(reader: Reader, path: string, value: Obj): FromLog | undefined {
  extraKeys(reader, path, value, ['fromLog']);
  if (typeof value.fromLog !== 'string' || value.fromLog.trim() === '')
    return reader.error(`${path}.fromLog`, 'expected the path of a JSONL usage log');
  return { fromLog: value.fromLog };
}

function readTokensOrFile(reader: Reader, path: string, value: unknown): TokensOrFile | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return { file: value.trim() };
  if (typeof value !== 'number')
    return reader.error(path, `expected a file path or a token count, got ${describe(value)}`);
  const tokens = readNumber(reader, path, value, { min: 0 });
  return tokens === undefined ? undefined : { tokens };
}

function readRouting(reader: Reader, path: string, value: unknown): RoutingSpec | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return reader.error(path, `expected {model: …, share: 0.6}, got ${describe(value)}`);
  extraKeys(reader, path, value, ['model', 'share', 'per']);
  const model =
    typeof value.model === 'string' && value.model.trim() !== ''
      ? value.model.trim()
      : reader.error(`${path}.model`, "expected the cheaper model's name");
  const share = readShare(reader, `${path}.share`, value.share ?? missing(reader, `${path}.share`));
  let per: RoutingSpec['per'] = 'call';
  if (value.per !== undefined) {
    if (value.per === 'call' || value.per === 'session') per = value.per;
    else reader.error(`${path}.per`, `expected "call" or "session", got ${describe(value.per)}`);
  }
  return model === undefined || share === undefined ? undefined : { model, share, per };
}

function readBudget(reader: Reader, path: string, value: unknown): Budget | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return reader.error(path, `expected {perSessionUsd: …, perDayUsd: …}, got ${describe(value)}`);
  extraKeys(reader, path, value, ['perSessionUsd', 'perDayUsd', 'perUserPerDayUsd', 'perCallUsd', 'stopSessions']);
  const budget: Budget = {};
  if (value.stopSessions !== undefined) {
    if (typeof value.stopSessions !== 'boolean')
      reader.error(`${path}.stopSessions`, `expected true or false, got ${describe(value.stopSessions)}`);
    else if (value.stopSessions && value.perSessionUsd === undefined)
      reader.error(`${path}.stopSessions`, 'needs perSessionUsd, the amount at which sessions stop');
    else budget.stopSessions = value.stopSessions;
  }
  for (const key of ['perSessionUsd', 'perDayUsd', 'perUserPerDayUsd', 'perCallUsd'] as const) {
    const amount = readNumber(reader, `${path}.${key}`, value[key], { min: 0 });
    if (amount === 0) reader.error(`${path}.${key}`, 'must be above 0');
    else if (amount !== undefined) budget[key] = amount;
  }
  return budget;
}

function readUsers(reader: Reader, path: string, value: unknown): Partial<Users> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value))
    return reader.error(path, `expected {sessionsPerUserPerDay: 4, intensitySigma: 1}, got ${describe(value)}`);
  extraKeys(reader, path, value, ['sessionsPerUserPerDay', 'intensitySigma']);
  const users: Partial<Users> = {};
  const rate = readNumber(reader, `${path}.sessionsPerUserPerDay`, value.sessionsPerUserPerDay, {
    min: 0,
    max: SCENARIO_LIMITS.sessionsPerUserPerDay,
  });
  if (rate === 0) reader.error(`${path}.sessionsPerUserPerDay`, 'must be above 0');
  else if (rate !== undefined) users.sessionsPerUserPerDay = rate;
  const sigma = readNumber(reader, `${path}.intensitySigma`, value.intensitySigma, {
    min: 0,
    max: SCENARIO_LIMITS.intensitySigma,
  });
  if (sigma !== undefined) users.intensitySigma = sigma;
  return users;
}

function readPresets(reader: Reader, path: string, value: unknown): Record<string, PresetSpec> {
  const presets: Record<string, PresetSpec> = {};
  if (!isObject(value)) {
    reader.error(path, `expected a mapping such as {bull: {scale: {sessionsPerDay: 3}}}, got ${describe(value)}`);
    return presets;
  }
  for (const [name, raw] of Object.entries(value)) {
    const at = `${path}.${name}`;
    if (name === 'base') {
      reader.error(at, "base is the scenario itself; edit the scenario's keys instead");
      continue;
    }
    if (!isObject(raw)) {
      reader.error(at, `expected {scale: {…}, set: {…}}, got ${describe(raw)}`);
      continue;
    }
    extraKeys(reader, at, raw, ['scale', 'set']);
    const spec: PresetSpec = {};
    if (raw.scale !== undefined) spec.scale = readScale(reader, `${at}.scale`, raw.scale);
    if (raw.set !== undefined) spec.set = readSet(reader, `${at}.set`, raw.set);
    presets[name] = spec;
  }
  return presets;
}

const PRESET_KEYS: readonly string[] = [...SCALABLE_DISTS, ...SCALABLE_SHARES];

function readScale(reader: Reader, path: string, value: unknown): PresetSpec['scale'] {
  const scale: NonNullable<PresetSpec['scale']> = {};
  if (!isObject(value)) {
    reader.error(
      path,
      `expected multipliers such as {sessionsPerDay: 2, userTokens: {p50: 1, p90: 8}}, got ${describe(value)}`,
    );
    return scale;
  }
  for (const [key, raw] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (!PRESET_KEYS.includes(key)) {
      reader.error(at, `cannot be scaled; one of ${PRESET_KEYS.join(', ')}${suggestion(key, PRESET_KEYS)}`);
      continue;
    }
    if ((SCALABLE_SHARES as readonly string[]).includes(key)) {
      const m = readNumber(reader, at, raw, { min: 0 });
      if (m !== undefined) scale[key as ScalableShare] = m;
      continue;
    }
    const m = readMultiplier(reader, at, raw);
    if (m !== undefined) scale[key as ScalableDist] = m;
  }
  return scale;
}

function readMultiplier(reader: Reader, path: string, value: unknown): Multiplier | undefined {
  if (typeof value === 'number') return readNumber(reader, path, value, { min: 0 });
  if (isObject(value) && ('p50' in value || 'p90' in value)) {
    extraKeys(reader, path, value, ['p50', 'p90']);
    const p50 = readNumber(reader, `${path}.p50`, value.p50 ?? 1, { min: 0 });
    const p90 = readNumber(reader, `${path}.p90`, value.p90 ?? 1, { min: 0 });
    return p50 === undefined || p90 === undefined ? undefined : { p50, p90 };
  }
  return reader.error(path, `expected a multiplier or {p50: ×, p90: ×}, got ${describe(value)}`);
}

function readSet(reader: Reader, path: string, value: unknown): PresetSpec['set'] {
  const set: NonNullable<PresetSpec['set']> = {};
  if (!isObject(value)) {
    reader.error(path, `expected values such as {cacheHitRate: 0.2, turns: {p50: 6, p90: 20}}, got ${describe(value)}`);
    return set;
  }
  for (const [key, raw] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (!PRESET_KEYS.includes(key)) {
      reader.error(at, `cannot be set by a preset; one of ${PRESET_KEYS.join(', ')}${suggestion(key, PRESET_KEYS)}`);
      continue;
    }
    if ((SCALABLE_SHARES as readonly string[]).includes(key)) {
      const share = readShare(reader, at, raw);
      if (share !== undefined) set[key as ScalableShare] = share;
      continue;
    }
    const dist = readDist(reader, at, raw, { min: key === 'turns' ? 1 : 0 });
    if (dist !== undefined) set[key as ScalableDist] = dist;
  }
  return set;
}

function extraKeys(reader: Reader, path: string, value: Obj, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      reader.warn(`${path}.${key}`, `unknown key, ignored (expected ${allowed.join(', ')})${suggestion(key, allowed)}`);
  }
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** " — did you mean turns?" for a near miss. */
function suggestion(key: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 4))
    ? ` — did you mean ${best}?`
    : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
