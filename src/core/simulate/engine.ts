// The session loop. Turn k's input is the system prompt + tool definitions + everything said before (user messages,
// assistant messages, tool results, or the summary that replaced them) + turn k's user message; each tool call is one
// more model call whose input adds the assistant's tool request and the tool's result. Sessions run in batches so a UI
// can report progress and cancel between them; the random stream is consumed in session order, so the batch size
// never changes a result.
import { callRates, type CallRates, type TokenRates } from './callRates';
import {
  CACHE_WRITES,
  COMPONENT_COUNT,
  EMBEDDINGS,
  HISTORY,
  OUTPUT,
  RETRIES,
  SUBAGENTS,
  SYSTEM,
  TOOL_FEES,
  TOOL_RESULTS,
  USER_INPUT,
} from './components';
import { Sampler } from './distribution';
import { gateThresholds } from './gates';
import { Rng } from './rng';
import { routeCache, type RouteCache } from './routeCache';
import type { ReasoningCarry } from './reasoningRules';
import { turnExtras } from './turnExtras';
import { compactThreshold, SCENARIO_LIMITS, type ContextFullAction, type Scenario } from './scenario';

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
  /** Input tokens read from and written to the prompt cache (part of inputTokens). */
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Model calls made, each counted once with its retries (calls counts every attempt). */
  callsMade: number;
  /** Calls (each with its retries) whose cost reaches each per-call gate, in GATE_LEVELS order; empty without a per-call budget. */
  callsAtGate: Float64Array;
  /** Sessions with a call whose input is larger than the model's context window (a real API would refuse it). */
  overContextSessions: number;
  /** onContextFull: summaries written by auto-compaction, sessions whose oldest tokens were dropped, sessions ended by a full window. */
  compactions: number;
  truncatedSessions: number;
  failedSessions: number;
  /** Sessions with at least one auto-compaction (onContextFull: compact). */
  compactedSessions: number;
}

const NONE = -1;

// Slots of SessionEngine.at, through which session(), bill(), callOnce(), routed() and price() pass the figures of the
// call being priced and the cost each computed. A double passed to or returned from a function V8 does not inline is
// boxed — an allocation each, several per model call — while typed-array slots cost a store and a load.
/** The call: its user message, history and tool-result tokens, output, and whole input. */
const A_USER = 0;
const A_HISTORY = 1;
const A_TOOLS = 2;
const A_OUTPUT = 3;
const A_INPUT = 4;
/** routed(): the route's share of the traffic, the chance of a hit, the (expected) failed attempts. */
const A_WEIGHT = 5;
const A_HIT = 6;
const A_FAILURES = 7;
/** price(): the weight, output billed, tokens read from and written to the cache, the write rate. */
const A_PRICE_WEIGHT = 8;
const A_BILLED_OUTPUT = 9;
const A_READ = 10;
const A_WRITE = 11;
const A_WRITE_RATE = 12;
/** The cost the last of these functions computed. */
const A_COST = 13;
const CALL_SLOTS = 14;

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
  /** Output of a tool-call request (every call of a turn but its last), when it has its own distribution. */
  private readonly toolCallOutput: Sampler | undefined;
  /** Reasoning tokens per call (billed as output), and whether a turn's reasoning stays after it (reasoningRules.ts). */
  private readonly reasoning: Sampler | undefined;
  private readonly reasoningCarry: ReasoningCarry;
  /** Chat-format tokens on every message, and priming each call's reply (not carried). */
  private readonly framing: number;
  private readonly priming: number;
  /** USD per tool call made (its fee × the share of calls paying it), and per turn for its embedding calls. */
  private readonly toolFeeUsd: number;
  private readonly embeddingUsd: number;
  /** Subagents: an engine of its own per subagent (its own random stream), and where the session's answers land. */
  private readonly subagents: { engine: SessionEngine; calls: Sampler; answerTokens: number }[];
  private readonly answersAtTurn: Float64Array;
  private readonly subagentUsdAtTurn: Float64Array;
  private readonly toolCalls: Sampler;
  private readonly toolResult: Sampler;
  private readonly main: CallRates;
  private readonly cheap: CallRates | undefined;
  private readonly routeShare: number;
  private readonly routePerSession: boolean;
  private readonly prefix: number;
  private readonly hitRate: number;
  private readonly retryRate: number;
  private readonly maxRetries: number;
  private readonly failedOutputShare: number;
  /** Expected failed attempts per call: r + r² + … + r^maxRetries. */
  private readonly expectedFailures: number;
  private readonly gaps: Sampler;
  /** Per route (0 main, 1 cheap): its caching, and the session's cache state — typed arrays, reset per session. */
  private readonly cache: RouteCache[];
  private readonly lastTouch = new Float64Array(2);
  private readonly cachedTokens = new Float64Array(2);
  private readonly cachedEpoch = new Int32Array(2);
  private readonly stableCached = new Uint8Array(2);
  /** Minutes since the session started; the history's generation (a summary starts a new one). */
  private clock = 0;
  private epoch = 0;
  private readonly summarizeEvery: number;
  private readonly contextWindow: number;
  private readonly maxToolCalls: number;
  private readonly runawayRate: number;
  /** USD at which a session is stopped after its turn (Infinity: no stop). */
  private readonly stopUsd: number;

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
  private cacheReadTokens = 0;
  private cacheWriteTokens = 0;
  private overContextSessions = 0;
  private sessionOverContext = false;
  private readonly onContextFull: ContextFullAction;
  /** Input tokens at which 'compact' summarises (Infinity without a known window). */
  private readonly compactAt: number;
  private compactions = 0;
  private compactedSessions = 0;
  private truncatedSessions = 0;
  private sessionTruncated = false;
  private failedSessions = 0;
  private readonly callGateUsd: Float64Array;
  private callsMade = 0;
  private readonly callsAtGate: Float64Array;
  /** The call being priced and what pricing it gave (slots A_*): see CALL_SLOTS. */
  private readonly at = new Float64Array(CALL_SLOTS);

  constructor(scenario: Scenario, options: EngineOptions) {
    this.scenario = scenario;
    this.shares = options.shares ?? 'sampled';
    this.seed = options.seed;
    this.rng = new Rng(options.seed);
    this.total = Math.max(0, Math.floor(options.sessions));
    this.turns = new Sampler(scenario.turns);
    this.user = new Sampler(scenario.userTokens);
    this.output = new Sampler(scenario.outputTokens);
    this.toolCallOutput = scenario.toolCallOutputTokens ? new Sampler(scenario.toolCallOutputTokens) : undefined;
    this.reasoning = scenario.reasoningTokens ? new Sampler(scenario.reasoningTokens) : undefined;
    this.reasoningCarry = scenario.reasoningCarry ?? 'strip';
    this.toolCalls = new Sampler(scenario.toolCallsPerTurn);
    this.toolResult = new Sampler(scenario.toolResultTokens);
    this.main = callRates(scenario.rates);
    this.routeShare = scenario.routing ? Math.min(1, Math.max(0, scenario.routing.share)) : 0;
    this.cheap = scenario.routing && this.routeShare > 0 ? callRates(scenario.routing.rates) : undefined;
    this.routePerSession = scenario.routing?.per === 'session';
    const extras = turnExtras(scenario);
    this.toolFeeUsd = extras.perToolCallUsd;
    this.embeddingUsd = extras.perTurnUsd;
    this.framing = Math.max(0, scenario.messageFraming?.perMessage ?? 0);
    this.priming = Math.max(0, scenario.messageFraming?.perReply ?? 0);
    // The system prompt is a message too.
    this.prefix =
      scenario.systemPromptTokens +
      scenario.toolDefinitionTokens +
      (scenario.systemPromptTokens > 0 ? this.framing : 0);
    this.hitRate = Math.min(1, Math.max(0, scenario.cacheHitRate));
    this.retryRate = Math.min(0.99, Math.max(0, scenario.retryRate));
    this.maxRetries = Math.min(SCENARIO_LIMITS.maxRetries, Math.max(0, Math.floor(scenario.maxRetries)));
    this.failedOutputShare = Math.min(1, Math.max(0, scenario.failedOutputShare));
    let expected = 0;
    for (let i = 1, term = 1; i <= this.maxRetries; i++) expected += term *= this.retryRate;
    this.expectedFailures = expected;
    this.gaps = new Sampler(scenario.minutesBetweenTurns);
    this.cache = [routeCache(scenario.rates, this.main, scenario)];
    if (this.cheap && scenario.routing) this.cache.push(routeCache(scenario.routing.rates, this.cheap, scenario));
    this.summarizeEvery =
      scenario.summarizeAfterTurns && scenario.summarizeAfterTurns >= 1 ? Math.floor(scenario.summarizeAfterTurns) : 0;
    const windows = [
      scenario.rates.contextWindow,
      this.cheap ? scenario.routing?.rates.contextWindow : undefined,
    ].filter((w): w is number => typeof w === 'number' && w > 0);
    this.contextWindow = windows.length > 0 ? Math.min(...windows) : Infinity;
    this.onContextFull = scenario.onContextFull;
    this.compactAt = compactThreshold(scenario, this.contextWindow);
    this.costs = new Float64Array(this.total);
    const maxTurns = Math.min(SCENARIO_LIMITS.maxTurns, Math.max(1, Math.floor(scenario.maxTurns)));
    this.runawayRate = Math.min(1, Math.max(0, scenario.runawayRate));
    this.stopUsd =
      scenario.budget.stopSessions && scenario.budget.perSessionUsd ? scenario.budget.perSessionUsd : Infinity;
    this.maxToolCalls = Math.min(
      SCENARIO_LIMITS.maxToolCallsPerTurn,
      Math.max(0, Math.floor(scenario.maxToolCallsPerTurn)),
    );
    this.callGateUsd =
      scenario.budget.perCallUsd !== undefined ? gateThresholds(scenario.budget.perCallUsd) : new Float64Array(0);
    this.callsAtGate = new Float64Array(this.callGateUsd.length);
    this.subagents = (scenario.subagents ?? []).map((sub, i) => ({
      engine: new SessionEngine(sub.scenario, {
        sessions: 0,
        seed: subagentSeed(options.seed, i),
        shares: this.shares,
      }),
      calls: new Sampler(sub.callsPerSession),
      answerTokens: Math.max(0, sub.answerTokens),
    }));
    this.answersAtTurn = new Float64Array(this.subagents.length > 0 ? maxTurns : 0);
    this.subagentUsdAtTurn = new Float64Array(this.answersAtTurn.length);
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

  /** Calls billed so far (retries included). */
  get callsBilled(): number {
    return this.calls;
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
      cacheReadTokens: this.cacheReadTokens,
      cacheWriteTokens: this.cacheWriteTokens,
      callsMade: this.callsMade,
      callsAtGate: this.callsAtGate.slice(),
      overContextSessions: this.overContextSessions,
      compactions: this.compactions,
      truncatedSessions: this.truncatedSessions,
      failedSessions: this.failedSessions,
      compactedSessions: this.compactedSessions,
    };
  }

  private session(): number {
    const rng = this.rng;
    const at = this.at;
    const scenario = this.scenario;
    const maxTurns = this.turnSessions.length;
    let turns = clamp(rng.roundStochastic(this.turns.sample(rng)), 1, maxTurns);
    // A runaway session loops until the turn cap (or the budget stop below) ends it.
    if (this.runawayRate > 0 && rng.chance(this.runawayRate)) turns = maxTurns;
    // In 'sampled' mode: which model this session uses when routing is per session (NONE = decide per call).
    const sessionRoute =
      this.cheap && this.routePerSession && this.shares === 'sampled' ? (rng.chance(this.routeShare) ? 1 : 0) : NONE;
    const parts = this.sessionComponents;
    parts.fill(0);
    this.sessionOverContext = false;
    this.sessionTruncated = false;
    this.callIndex = 0;
    const compactionsBefore = this.compactions;
    this.clock = 0;
    this.epoch = 0;
    this.lastTouch.fill(-Infinity);
    this.cachedTokens.fill(0);
    this.cachedEpoch.fill(0);
    this.stableCached.fill(0);

    if (this.subagents.length > 0) this.runSubagents(turns);
    let carriedMessages = 0;
    let carriedToolResults = 0;
    let sessionCost = 0;
    for (let turn = 0; turn < turns; turn++) {
      if (turn > 0) this.clock += this.gaps.sample(rng);
      const user = this.user.sample(rng) + this.framing;
      const toolCalls = clamp(rng.roundStochastic(this.toolCalls.sample(rng)), 0, this.maxToolCalls);
      let turnMessages = 0;
      let turnToolResults = 0;
      let turnReasoning = 0;
      let toolCallsMade = 0;
      let turnCost = 0;
      let failed = false;
      for (let call = 0; call <= toolCalls; call++) {
        const output =
          call < toolCalls && this.toolCallOutput ? this.toolCallOutput.sample(rng) : this.output.sample(rng);
        const reasoning = this.reasoning ? this.reasoning.sample(rng) : 0;
        if (this.onContextFull !== 'flag') {
          const input = this.prefix + user + carriedMessages + turnMessages + carriedToolResults + turnToolResults;
          if (this.onContextFull === 'compact' && input >= this.compactAt) {
            // Claude Code-style auto-compact: one call writes a summary of everything so far, which then replaces it.
            at[A_USER] = user;
            at[A_HISTORY] = carriedMessages + turnMessages;
            at[A_TOOLS] = carriedToolResults + turnToolResults;
            at[A_OUTPUT] = scenario.summaryTokens;
            this.bill(sessionRoute);
            turnCost += at[A_COST]!;
            carriedMessages = scenario.summaryTokens;
            carriedToolResults = turnMessages = turnToolResults = turnReasoning = 0;
            this.epoch++;
            this.compactions++;
          } else if (this.onContextFull === 'truncate' && input > this.contextWindow) {
            // The oldest tokens go first (history before this turn, then this turn's), until the call fits.
            let excess = input - this.contextWindow;
            const fromCarried = Math.min(excess, carriedMessages + carriedToolResults);
            const carried = carriedMessages + carriedToolResults;
            if (carried > 0) {
              carriedMessages -= (fromCarried * carriedMessages) / carried;
              carriedToolResults -= (fromCarried * carriedToolResults) / carried;
            }
            excess -= fromCarried;
            const fromTurn = Math.min(excess, turnMessages + turnToolResults);
            const current = turnMessages + turnToolResults;
            if (current > 0) {
              const messagesBefore = turnMessages;
              turnMessages -= (fromTurn * turnMessages) / current;
              turnToolResults -= (fromTurn * turnToolResults) / current;
              turnReasoning = messagesBefore > 0 ? (turnReasoning * turnMessages) / messagesBefore : 0;
            }
            this.epoch++;
            this.sessionTruncated = true;
          } else if (this.onContextFull === 'fail' && input > this.contextWindow) {
            failed = true;
            break;
          }
        }
        if (call === 0) this.turnFirstInputTokens[turn]! += this.prefix + user + carriedMessages + carriedToolResults;
        at[A_USER] = user;
        at[A_HISTORY] = carriedMessages + turnMessages;
        at[A_TOOLS] = carriedToolResults + turnToolResults;
        at[A_OUTPUT] = output + reasoning;
        this.bill(sessionRoute);
        turnCost += at[A_COST]!;
        // Reasoning goes back with the tool results inside the loop (every provider requires or keeps it there).
        turnMessages += output + reasoning + this.framing;
        turnReasoning += reasoning;
        if (call < toolCalls) {
          turnToolResults += this.toolResult.sample(rng) + this.framing;
          toolCallsMade++;
        }
      }
      const strip =
        turnReasoning > 0 &&
        (this.reasoningCarry === 'strip' || (this.reasoningCarry === 'keepIfTools' && toolCalls === 0));
      if (strip) this.cutCache(this.prefix + carriedMessages + carriedToolResults + user);
      carriedMessages += user + turnMessages - (strip ? turnReasoning : 0);
      carriedToolResults += turnToolResults;
      if (this.subagents.length > 0) {
        // The subagents called in this turn: their sessions' cost, and their answers as tool results from now on.
        carriedToolResults += this.answersAtTurn[turn]!;
        parts[SUBAGENTS]! += this.subagentUsdAtTurn[turn]!;
        turnCost += this.subagentUsdAtTurn[turn]!;
      }
      if (this.summarizeEvery > 0 && (turn + 1) % this.summarizeEvery === 0 && turn + 1 < turns) {
        at[A_USER] = 0;
        at[A_HISTORY] = carriedMessages;
        at[A_TOOLS] = carriedToolResults;
        at[A_OUTPUT] = scenario.summaryTokens;
        this.bill(sessionRoute);
        turnCost += at[A_COST]!;
        carriedMessages = scenario.summaryTokens;
        carriedToolResults = 0;
        this.epoch++;
      }
      if (this.toolFeeUsd > 0 || this.embeddingUsd > 0) {
        const fees = toolCallsMade * this.toolFeeUsd;
        parts[TOOL_FEES]! += fees;
        parts[EMBEDDINGS]! += this.embeddingUsd;
        turnCost += fees + this.embeddingUsd;
      }
      this.turnCostUsd[turn]! += turnCost;
      this.turnSessions[turn]! += 1;
      sessionCost += turnCost;
      if (failed) {
        this.failedSessions++;
        break;
      }
      if (sessionCost >= this.stopUsd) break;
    }
    for (let i = 0; i < COMPONENT_COUNT; i++) this.componentUsd[i]! += parts[i]!;
    if (this.sessionOverContext) this.overContextSessions++;
    if (this.sessionTruncated) this.truncatedSessions++;
    if (this.compactions > compactionsBefore) this.compactedSessions++;
    return sessionCost;
  }

  /**
   * Draws each subagent's calls for a session of `turns` turns and runs one sub-session per call, spread evenly over
   * the turns (call k of n in turn ⌊k·turns/n⌋): its cost and its answer are booked at that turn.
   */
  private runSubagents(turns: number): void {
    this.answersAtTurn.fill(0);
    this.subagentUsdAtTurn.fill(0);
    for (const sub of this.subagents) {
      const n = clamp(this.rng.roundStochastic(sub.calls.sample(this.rng)), 0, SCENARIO_LIMITS.subagentCalls);
      for (let k = 0; k < n; k++) {
        const turn = Math.floor((k * turns) / n);
        this.subagentUsdAtTurn[turn]! += sub.engine.oneSession();
        this.answersAtTurn[turn]! += sub.answerTokens;
      }
    }
  }

  /** Runs one more session outside the run's count (a subagent's sub-session) and returns its cost. */
  oneSession(): number {
    return this.session();
  }

  /**
   * The conversation changed at `tokens` from its start (a turn's reasoning dropped after its user message): live cache
   * entries are read only up to there from now on.
   */
  private cutCache(tokens: number): void {
    for (let route = 0; route < this.cachedTokens.length; route++)
      if (this.cachedTokens[route]! > tokens) this.cachedTokens[route] = tokens;
  }

  /**
   * One model call (and its retries) on the figures the session loop wrote to `at` (user, history, tool results,
   * output): prices it, adds its cost to the session's components and the per-call stats, leaves it in at[A_COST].
   */
  private bill(sessionRoute: number): void {
    const at = this.at;
    at[A_USER] = at[A_USER]! + this.priming; // the reply's priming tokens ride on every call's user message
    at[A_INPUT] = this.prefix + at[A_USER]! + at[A_HISTORY]! + at[A_TOOLS]!;
    this.callOnce(sessionRoute);
    const cost = at[A_COST]!;
    const k = this.callIndex++;
    this.callsMade++;
    for (let g = 0; g < this.callGateUsd.length; g++) if (cost >= this.callGateUsd[g]!) this.callsAtGate[g]! += 1;
    if (k < CALL_STATS) {
      this.callCostUsd[k]! += cost;
      this.callInputTokens[k]! += at[A_INPUT]!;
      this.callSessions[k]! += 1;
    }
  }

  /** The call's cost over its route(s), retries included, left in at[A_COST]. */
  private callOnce(sessionRoute: number): void {
    const at = this.at;
    if (at[A_INPUT]! > this.contextWindow) this.sessionOverContext = true;
    if (this.shares === 'expected') {
      const cheapShare = this.cheap ? this.routeShare : 0;
      let cost = 0;
      at[A_HIT] = this.hitRate;
      at[A_FAILURES] = this.expectedFailures;
      if (cheapShare < 1) {
        at[A_WEIGHT] = 1 - cheapShare;
        this.routed(0);
        cost += at[A_COST]!;
      }
      if (this.cheap && cheapShare > 0) {
        at[A_WEIGHT] = cheapShare;
        this.routed(1);
        cost += at[A_COST]!;
      }
      at[A_COST] = cost;
      return;
    }
    const rng = this.rng;
    const route =
      this.cheap !== undefined && (sessionRoute === NONE ? rng.chance(this.routeShare) : sessionRoute === 1) ? 1 : 0;
    const hit = rng.chance(this.hitRate) ? 1 : 0;
    let failures = 0;
    while (failures < this.maxRetries && rng.chance(this.retryRate)) failures++;
    at[A_WEIGHT] = 1;
    at[A_HIT] = hit;
    at[A_FAILURES] = failures;
    this.routed(route);
  }

  /**
   * The call in `at` on one route with at[A_WEIGHT] of the traffic: at[A_HIT] is the chance its lookup on a live entry
   * hits, at[A_FAILURES] the (expected) failed attempts before it succeeds. Prices the call, its failed attempts (each
   * reads what the first attempt cached and is billed failedOutputShare of the output), updates the route's cache and
   * leaves the cost in at[A_COST].
   */
  private routed(route: number): void {
    const at = this.at;
    const weight = at[A_WEIGHT]!;
    const hit = at[A_HIT]!;
    const failures = at[A_FAILURES]!;
    const input = at[A_INPUT]!;
    const output = at[A_OUTPUT]!;
    const rates = route === 1 ? this.cheap! : this.main;
    const cache = this.cache[route]!;
    const tier = input > rates.tierAbove;
    const r = tier ? rates.tier : rates.base;
    at[A_WRITE_RATE] = tier ? cache.writeTier : cache.writeBase;
    const prefix = this.prefix;
    let cost = 0;
    let read = 0;
    let written = 0;
    // What this call's breakpoints cover, and whether the provider caches that much at all.
    const covered = cache.conversation ? input : prefix;
    const cacheable = cache.on && covered >= cache.minTokens && covered > 0;
    if (cache.on) {
      const live = this.clock - this.lastTouch[route]! <= cache.ttlMinutes;
      let match = 0;
      if (live)
        match =
          this.cachedEpoch[route] === this.epoch ? this.cachedTokens[route]! : this.stableCached[route] ? prefix : 0;
      match = Math.min(input, Math.floor(match / cache.granularity) * cache.granularity);
      if (match < cache.minTokens) match = 0;
      const writeOnHit = cache.premium && cacheable ? Math.max(0, covered - match) : 0;
      const writeOnMiss = cache.premium && cacheable ? covered : 0;
      at[A_BILLED_OUTPUT] = output;
      if (hit > 0 && match > 0) {
        at[A_PRICE_WEIGHT] = weight * hit;
        at[A_READ] = match;
        at[A_WRITE] = writeOnHit;
        this.price(r, false);
        cost += at[A_COST]!;
      }
      if (hit < 1 || match === 0) {
        at[A_PRICE_WEIGHT] = weight * (match > 0 ? 1 - hit : 1);
        at[A_READ] = 0;
        at[A_WRITE] = writeOnMiss;
        this.price(r, false);
        cost += at[A_COST]!;
      }
      read = match > 0 ? hit * match : 0;
      written = match > 0 ? hit * writeOnHit + (1 - hit) * writeOnMiss : writeOnMiss;
      if (cacheable) {
        this.cachedTokens[route] = covered;
        this.cachedEpoch[route] = this.epoch;
        if (prefix >= cache.minTokens && prefix > 0) this.stableCached[route] = 1;
        this.lastTouch[route] = this.clock;
      } else if (match > 0) {
        this.lastTouch[route] = this.clock;
      }
    } else {
      at[A_PRICE_WEIGHT] = weight;
      at[A_BILLED_OUTPUT] = output;
      at[A_READ] = 0;
      at[A_WRITE] = 0;
      this.price(r, false);
      cost += at[A_COST]!;
    }
    // Inline rather than a helper taking five doubles (boxed unless V8 inlines it).
    this.inputTokens += weight * input;
    this.outputTokens += weight * output;
    this.cacheReadTokens += weight * read;
    this.cacheWriteTokens += weight * written;
    if (failures > 0) {
      // A failed attempt cached what its call covered; the next attempt reads it (and writes nothing new).
      const retryRead = cacheable ? Math.floor(covered / cache.granularity) * cache.granularity : 0;
      const before = this.sessionComponents[RETRIES]!;
      at[A_PRICE_WEIGHT] = weight * failures;
      at[A_BILLED_OUTPUT] = output * this.failedOutputShare;
      at[A_READ] = retryRead;
      at[A_WRITE] = 0;
      this.price(r, true);
      const attempt = at[A_COST]!;
      this.sessionComponents[RETRIES] = before + attempt;
      cost += attempt;
      const retryWeight = weight * failures;
      this.inputTokens += retryWeight * input;
      this.outputTokens += retryWeight * (output * this.failedOutputShare);
      this.cacheReadTokens += retryWeight * retryRead;
    }
    this.calls += weight * (1 + failures);
    at[A_COST] = cost;
  }

  /**
   * at[A_PRICE_WEIGHT] × the cost of the call in `at` when at[A_READ] tokens of its input come from the cache and
   * at[A_WRITE] are written to it (at at[A_WRITE_RATE]), with at[A_BILLED_OUTPUT] output tokens. The cached part is the
   * start of the input — the system prompt first, then the history and the rest in proportion — so each component
   * carries its own reads; writes are their own component. The cost is left in at[A_COST]; with `toRetries`, without
   * touching the components (the caller books it under retries).
   */
  private price(r: TokenRates, toRetries: boolean): void {
    const at = this.at;
    const weight = at[A_PRICE_WEIGHT]!;
    if (weight === 0) {
      at[A_COST] = 0;
      return;
    }
    const input = at[A_INPUT]!;
    const read = at[A_READ]!;
    const write = at[A_WRITE]!;
    const prefix = this.prefix;
    const readPrefix = read < prefix ? read : prefix;
    const writePrefix = Math.min(prefix - readPrefix, write);
    const plainPrefix = prefix - readPrefix - writePrefix;
    const rest = input - prefix;
    const readShare = rest > 0 ? (read - readPrefix) / rest : 0;
    const plainShare = rest > 0 ? (rest - (read - readPrefix) - (write - writePrefix)) / rest : 0;
    const restRate = readShare * r.cacheRead + plainShare * r.input;
    const system = weight * (readPrefix * r.cacheRead + plainPrefix * r.input);
    const writes = weight * write * at[A_WRITE_RATE]!;
    const userCost = weight * at[A_USER]! * restRate;
    const historyCost = weight * at[A_HISTORY]! * restRate;
    const toolCost = weight * at[A_TOOLS]! * restRate;
    const outputCost = weight * at[A_BILLED_OUTPUT]! * r.output;
    const total = system + writes + userCost + historyCost + toolCost + outputCost;
    at[A_COST] = total;
    if (toRetries) return;
    const parts = this.sessionComponents;
    parts[SYSTEM]! += system;
    parts[CACHE_WRITES]! += writes;
    parts[USER_INPUT]! += userCost;
    parts[HISTORY]! += historyCost;
    parts[TOOL_RESULTS]! += toolCost;
    parts[OUTPUT]! += outputCost;
  }
}

/** A subagent's own seed, so its sub-sessions neither share nor shift the orchestrator's random stream. */
function subagentSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

function clamp(x: number, low: number, high: number): number {
  return x < low ? low : x > high ? high : x;
}
