// The session loop. Turn k's input is the system prompt + tool definitions + everything said before (user messages,
// assistant messages, tool results, or the summary that replaced them) + turn k's user message; each tool call is one
// more model call whose input adds the assistant's tool request and the tool's result. Sessions run in batches so a UI
// can report progress and cancel between them; the random stream is consumed in session order, so the batch size
// never changes a result.
import { callRates, type CallRates } from './callRates';
import { CACHE_WRITES, COMPONENT_COUNT, HISTORY, OUTPUT, RETRIES, SYSTEM, TOOL_RESULTS, USER_INPUT } from './components';
import { Sampler } from './distribution';
import { Rng } from './rng';
import { SCENARIO_LIMITS, type Scenario } from './scenario';

/**
 * How the share keys (retryRate, cacheHitRate, routing share) act. 'sampled' draws each call's retry, cache hit and
 * route, so sessions differ as real ones do (the default). 'expected' gives every call its expected share of each
 * outcome, so with fixed distributions every session costs the closed-form amount.
 */
export type SharesMode = 'sampled' | 'expected';

export interface EngineOptions {
  sessions: number;
  seed: number;
  shares?: SharesMode;
}

/** What a run accumulates: plain arrays and sums, turned into percentiles and shares by summarizeRun(). */
export interface RawRun {
  scenario: Scenario;
  seed: number;
  shares: SharesMode;
  sessions: number;
  /** Cost of each session in USD, in simulation order. */
  costs: Float64Array;
  /** Sum over sessions of each component's cost, in COMPONENTS order. */
  componentUsd: Float64Array;
  /** Per turn index: summed cost, summed input tokens of the turn's first call, and sessions that reached it. */
  turnCostUsd: Float64Array;
  turnFirstInputTokens: Float64Array;
  turnSessions: Float64Array;
  /** Per call index within a session (0-based, first CALL_STATS calls): summed cost and input tokens, and sessions with that call. */
  callCostUsd: Float64Array;
  callInputTokens: Float64Array;
  callSessions: Float64Array;
  /** Billed calls and tokens, retries included. */
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Sessions with a call whose input is larger than the model's context window (a real API would refuse it). */
  overContextSessions: number;
}

const NONE = -1;

/** Calls per session tracked one by one for the "k-th call" chart; later calls count in the totals only. */
export const CALL_STATS = 256;

export class SessionEngine {
  private readonly scenario: Scenario;
  private readonly shares: SharesMode;
  private readonly rng: Rng;
  private readonly seed: number;
  private total: number;
  private done = 0;

  private readonly turns: Sampler;
  private readonly user: Sampler;
  private readonly output: Sampler;
  private readonly toolCalls: Sampler;
  private readonly toolResult: Sampler;
  private readonly main: CallRates;
  private readonly cheap: CallRates | undefined;
  private readonly routeShare: number;
  private readonly routePerSession: boolean;
  private readonly prefix: number;
  private readonly caching: boolean;
  private readonly hitRate: number;
  private readonly retryRate: number;
  private readonly summarizeEvery: number;
  private readonly contextWindow: number;
  private readonly maxToolCalls: number;

  private costs: Float64Array;
  private readonly componentUsd = new Float64Array(COMPONENT_COUNT);
  /** The current session's components; folded into componentUsd when it ends. */
  private readonly sessionComponents = new Float64Array(COMPONENT_COUNT);
  private readonly turnCostUsd: Float64Array;
  private readonly turnFirstInputTokens: Float64Array;
  private readonly turnSessions: Float64Array;
  private readonly callCostUsd = new Float64Array(CALL_STATS);
  private readonly callInputTokens = new Float64Array(CALL_STATS);
  private readonly callSessions = new Float64Array(CALL_STATS);
  /** Index of the current session's next call. */
  private callIndex = 0;
  private calls = 0;
  private inputTokens = 0;
  private outputTokens = 0;
  private overContextSessions = 0;
  private sessionOverContext = false;

  constructor(scenario: Scenario, options: EngineOptions) {
    this.scenario = scenario;
    this.shares = options.shares ?? 'sampled';
    this.seed = options.seed;
    this.rng = new Rng(options.seed);
    this.total = Math.max(0, Math.floor(options.sessions));
    this.turns = new Sampler(scenario.turns);
    this.user = new Sampler(scenario.userTokens);
    this.output = new Sampler(scenario.outputTokens);
    this.toolCalls = new Sampler(scenario.toolCallsPerTurn);
    this.toolResult = new Sampler(scenario.toolResultTokens);
    this.main = callRates(scenario.rates);
    this.routeShare = scenario.routing ? Math.min(1, Math.max(0, scenario.routing.share)) : 0;
    this.cheap = scenario.routing && this.routeShare > 0 ? callRates(scenario.routing.rates) : undefined;
    this.routePerSession = scenario.routing?.per === 'session';
    this.prefix = scenario.systemPromptTokens + scenario.toolDefinitionTokens;
    this.hitRate = Math.min(1, Math.max(0, scenario.cacheHitRate));
    this.caching = this.hitRate > 0;
    this.retryRate = Math.min(1, Math.max(0, scenario.retryRate));
    this.summarizeEvery = scenario.summarizeAfterTurns && scenario.summarizeAfterTurns >= 1 ? Math.floor(scenario.summarizeAfterTurns) : 0;
    const windows = [scenario.rates.contextWindow, this.cheap ? scenario.routing?.rates.contextWindow : undefined].filter(
      (w): w is number => typeof w === 'number' && w > 0,
    );
    this.contextWindow = windows.length > 0 ? Math.min(...windows) : Infinity;
    this.costs = new Float64Array(this.total);
    const maxTurns = Math.min(SCENARIO_LIMITS.maxTurns, Math.max(1, Math.floor(scenario.maxTurns)));
    this.maxToolCalls = Math.min(SCENARIO_LIMITS.maxToolCallsPerTurn, Math.max(0, Math.floor(scenario.maxToolCallsPerTurn)));
    this.turnCostUsd = new Float64Array(maxTurns);
    this.turnFirstInputTokens = new Float64Array(maxTurns);
    this.turnSessions = new Float64Array(maxTurns);
  }

  get sessionsDone(): number {
    return this.done;
  }

  get sessionsTotal(): number {
    return this.total;
  }

  get finished(): boolean {
    return this.done >= this.total;
  }

  /** Raises the session count (a run that needs more precision); the sessions already simulated are kept. */
  extendTo(total: number): void {
    const wanted = Math.floor(total);
    if (!(wanted > this.total)) return;
    const costs = new Float64Array(wanted);
    costs.set(this.costs.subarray(0, this.done));
    this.costs = costs;
    this.total = wanted;
  }

  /** Calls billed so far per session simulated (retries included). */
  get callsPerSession(): number {
    return this.done > 0 ? this.calls / this.done : 0;
  }

  /** Simulates up to `count` more sessions; returns how many it ran. */
  runBatch(count: number): number {
    const end = Math.min(this.total, this.done + Math.max(0, Math.floor(count)));
    const ran = end - this.done;
    for (let i = this.done; i < end; i++) this.costs[i] = this.session();
    this.done = end;
    return ran;
  }

  /** The accumulated run (only the sessions simulated so far). */
  raw(): RawRun {
    return {
      scenario: this.scenario,
      seed: this.seed,
      shares: this.shares,
      sessions: this.done,
      costs: this.done === this.total ? this.costs : this.costs.slice(0, this.done),
      componentUsd: this.componentUsd.slice(),
      turnCostUsd: this.turnCostUsd.slice(),
      turnFirstInputTokens: this.turnFirstInputTokens.slice(),
      turnSessions: this.turnSessions.slice(),
      callCostUsd: this.callCostUsd.slice(),
      callInputTokens: this.callInputTokens.slice(),
      callSessions: this.callSessions.slice(),
      calls: this.calls,
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      overContextSessions: this.overContextSessions,
    };
  }

  private session(): number {
    const rng = this.rng;
    const scenario = this.scenario;
    const maxTurns = this.turnSessions.length;
    const turns = clamp(rng.roundStochastic(this.turns.sample(rng)), 1, maxTurns);
    // In 'sampled' mode: which model this session uses when routing is per session (NONE = decide per call).
    const sessionRoute = this.cheap && this.routePerSession && this.shares === 'sampled' ? (rng.chance(this.routeShare) ? 1 : 0) : NONE;
    const parts = this.sessionComponents;
    parts.fill(0);
    this.sessionOverContext = false;
    this.callIndex = 0;

    let carriedMessages = 0;
    let carriedToolResults = 0;
    let sessionCost = 0;
    for (let turn = 0; turn < turns; turn++) {
      const user = this.user.sample(rng);
      const toolCalls = clamp(rng.roundStochastic(this.toolCalls.sample(rng)), 0, this.maxToolCalls);
      let turnMessages = 0;
      let turnToolResults = 0;
      let turnCost = 0;
      for (let call = 0; call <= toolCalls; call++) {
        const output = this.output.sample(rng);
        if (call === 0) this.turnFirstInputTokens[turn]! += this.prefix + user + carriedMessages + carriedToolResults;
        turnCost += this.call(user, carriedMessages + turnMessages, carriedToolResults + turnToolResults, output, sessionRoute);
        turnMessages += output;
        if (call < toolCalls) turnToolResults += this.toolResult.sample(rng);
      }
      carriedMessages += user + turnMessages;
      carriedToolResults += turnToolResults;
      if (this.summarizeEvery > 0 && (turn + 1) % this.summarizeEvery === 0 && turn + 1 < turns) {
        turnCost += this.call(0, carriedMessages, carriedToolResults, scenario.summaryTokens, sessionRoute);
        carriedMessages = scenario.summaryTokens;
        carriedToolResults = 0;
      }
      this.turnCostUsd[turn]! += turnCost;
      this.turnSessions[turn]! += 1;
      sessionCost += turnCost;
    }
    for (let i = 0; i < COMPONENT_COUNT; i++) this.componentUsd[i]! += parts[i]!;
    if (this.sessionOverContext) this.overContextSessions++;
    return sessionCost;
  }

  /** One model call (and its retry, if any); adds its cost to the session's components and returns it. */
  private call(user: number, history: number, toolResults: number, output: number, sessionRoute: number): number {
    const cost = this.callOnce(user, history, toolResults, output, sessionRoute);
    const k = this.callIndex++;
    if (k < CALL_STATS) {
      this.callCostUsd[k]! += cost;
      this.callInputTokens[k]! += this.prefix + user + history + toolResults;
      this.callSessions[k]! += 1;
    }
    return cost;
  }

  private callOnce(user: number, history: number, toolResults: number, output: number, sessionRoute: number): number {
    const input = this.prefix + user + history + toolResults;
    if (input > this.contextWindow) this.sessionOverContext = true;
    let cost: number;
    if (this.shares === 'expected') {
      const cheapShare = this.cheap ? this.routeShare : 0;
      cost = 0;
      if (cheapShare < 1) cost += this.price(this.main, 1 - cheapShare, input, user, history, toolResults, output, this.hitRate);
      if (this.cheap && cheapShare > 0) cost += this.price(this.cheap, cheapShare, input, user, history, toolResults, output, this.hitRate);
      const retries = cost * this.retryRate;
      this.sessionComponents[RETRIES]! += retries;
      this.countCall(1 + this.retryRate, input, output);
      return cost + retries;
    }
    const rng = this.rng;
    const onCheap = this.cheap !== undefined && (sessionRoute === NONE ? rng.chance(this.routeShare) : sessionRoute === 1);
    const hit = this.caching && rng.chance(this.hitRate) ? 1 : 0;
    cost = this.price(onCheap ? this.cheap! : this.main, 1, input, user, history, toolResults, output, hit);
    if (rng.chance(this.retryRate)) {
      this.sessionComponents[RETRIES]! += cost;
      this.countCall(2, input, output);
      return cost * 2;
    }
    this.countCall(1, input, output);
    return cost;
  }

  /** Billed calls and tokens (a retried call counts twice). */
  private countCall(times: number, input: number, output: number): void {
    this.calls += times;
    this.inputTokens += times * input;
    this.outputTokens += times * output;
  }

  /** `weight` × the call's cost on `rates`, split into components; `hit` is the share of the prefix read from cache. */
  private price(
    rates: CallRates,
    weight: number,
    input: number,
    user: number,
    history: number,
    toolResults: number,
    output: number,
    hit: number,
  ): number {
    const r = input > rates.tierAbove ? rates.tier : rates.base;
    // A miss writes the cache when caching is on and the provider bills writes; otherwise it is plain input.
    const writing = this.caching && rates.writesCache;
    const prefixRead = this.prefix * hit * r.cacheRead;
    const prefixMissed = this.prefix * (1 - hit) * (writing ? r.cacheWrite : r.input);
    const system = weight * (writing ? prefixRead : prefixRead + prefixMissed);
    const writes = writing ? weight * prefixMissed : 0;
    const userCost = weight * user * r.input;
    const historyCost = weight * history * r.input;
    const toolCost = weight * toolResults * r.input;
    const outputCost = weight * output * r.output;
    const parts = this.sessionComponents;
    parts[SYSTEM]! += system;
    parts[CACHE_WRITES]! += writes;
    parts[USER_INPUT]! += userCost;
    parts[HISTORY]! += historyCost;
    parts[TOOL_RESULTS]! += toolCost;
    parts[OUTPUT]! += outputCost;
    return system + writes + userCost + historyCost + toolCost + outputCost;
  }
}

function clamp(x: number, low: number, high: number): number {
  return x < low ? low : x > high ? high : x;
}
