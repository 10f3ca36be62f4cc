// A scenario ready for the engine: every model already priced, every file already counted, every default filled in.
// The engine needs nothing else, so it can be tested with hand-made rate cards.
import type { RateCard } from '../pricing/rateCard';
import { fixed, lognormal, type Dist } from './distribution';
import type { ReasoningCarry } from './reasoningRules';

export type CachingMode = 'conversation' | 'prefix' | 'off';
export const CACHING_MODES: readonly CachingMode[] = ['conversation', 'prefix', 'off'];
export type CacheTtl = '5m' | '1h';
export const CACHE_TTLS: readonly CacheTtl[] = ['5m', '1h'];

/**
 * Think time between turns when a scenario gives none: a log-normal with p50 30 s and p90 3.5 min, which puts 6.5% of
 * gaps past a 5-minute cache lifetime — replayed Claude Code timestamps put 6.4% of gaps between 5 minutes and 1 hour
 * (aakshintala/fiber research/prompt-cache/probes.md, 2026-09-24).
 */
export const DEFAULT_MINUTES_BETWEEN_TURNS = { p50: 0.5, p90: 3.5 } as const;

/**
 * What happens when a call would not fit the context window: 'compact' — at compactAtTokens a call writes a summary of
 * summaryTokens that replaces the history (Claude Code's auto-compact); 'truncate' — the oldest tokens are dropped until
 * the call fits; 'fail' — the session ends there, counted; 'flag' — the call is priced anyway and the session counted.
 */
export type ContextFullAction = 'compact' | 'truncate' | 'fail' | 'flag';
export const CONTEXT_FULL_ACTIONS: readonly ContextFullAction[] = ['compact', 'truncate', 'fail', 'flag'];

/**
 * Claude Code compacts at the window less min(max output, 20,000) less a 13,000-token buffer: 167,000 of 200,000
 * (jojoprison/mnemo v1.2.16 release notes, read from Claude Code's autoCompact, 2026-10). The default threshold.
 */
export const AUTO_COMPACT_RESERVE_TOKENS = 33_000;

/** The input size at which 'compact' summarises: the scenario's own, else the window less the reserve. */
export function compactThreshold(scenario: Pick<Scenario, 'compactAtTokens'>, contextWindow: number): number {
  if (scenario.compactAtTokens !== undefined && scenario.compactAtTokens > 0) return scenario.compactAtTokens;
  if (!Number.isFinite(contextWindow)) return Infinity;
  return Math.max(1, contextWindow - AUTO_COMPACT_RESERVE_TOKENS);
}

export interface Subagent {
  name: string;
  scenario: Scenario;
  callsPerSession: Dist;
  answerTokens: number;
}

export interface Routing {
  /** The cheaper model's rates. */
  rates: RateCard;
  /** Share of traffic sent to it, 0-1. */
  share: number;
  /** Whether each call is routed on its own, or a whole session goes to one model. */
  per: 'call' | 'session';
}

export interface Budget {
  perSessionUsd?: number;
  perDayUsd?: number;
  /** What one user may spend in a day (needs users). */
  perUserPerDayUsd?: number;
  /** What one model call (with its retries) may cost. */
  perCallUsd?: number;
  /** A hard per-session stop: the runtime ends a session after the turn that reaches perSessionUsd. */
  stopSessions?: boolean;
}

/**
 * The people behind the sessions. Each user has an intensity drawn once from a log-normal of mean 1 and spread
 * `intensitySigma`, and runs sessions at `sessionsPerUserPerDay` × that intensity (Poisson), so a few heavy users can
 * drive most of the spend. The user count is sessionsPerDay ÷ sessionsPerUserPerDay; sessions keep their costs.
 */
export interface Users {
  sessionsPerUserPerDay: number;
  intensitySigma: number;
}

/**
 * Defaults for a users block that leaves a key out — assumptions, not measurements: 4 sessions a working day, and a
 * σ of 1, under which the top 20% of users run 56% of the sessions. Set both from your own usage (replay).
 */
export const USERS_DEFAULTS: Users = { sessionsPerUserPerDay: 4, intensitySigma: 1 };

export interface Scenario {
  name: string;
  rates: RateCard;
  routing?: Routing;
  /** Tokens of the system prompt: the start of every call's input, and with the tool definitions the cacheable prefix. */
  systemPromptTokens: number;
  toolDefinitionTokens: number;
  sessionsPerDay: Dist;
  /** User turns per session, capped at maxTurns. */
  turns: Dist;
  maxTurns: number;
  /** Share of sessions that loop (retrying, self-correcting) until a cap stops them: maxTurns or a budget stop. */
  runawayRate: number;
  /** Tokens of each new user message. */
  userTokens: Dist;
  /** Tokens of each model call's output (the final answer of a turn; tool-call requests too unless toolCallOutputTokens). */
  outputTokens: Dist;
  /** Tokens of a call's output when it is a tool-call request (every call of a turn but its last); absent: outputTokens. */
  toolCallOutputTokens?: Dist;
  /** Reasoning (thinking) tokens of each model call: billed as output, carried within the turn's tool loop. */
  reasoningTokens?: Dist;
  /** What happens to a turn's reasoning when the next user turn starts (reasoningRules.ts; default 'strip'). */
  reasoningCarry?: ReasoningCarry;
  /** Chat-format tokens per message and per reply (messageFraming.ts); absent: none counted. */
  messageFraming?: { perMessage: number; perReply: number };
  /** A fee per tool call (server tools: web search $10 per 1,000), on `share` of the tool calls. */
  toolFees?: { perCallUsd: number; share: number };
  /** Embedding calls per turn (retrieval), each of `tokens` at the embedding model's input rate. */
  embeddings?: { rates: RateCard; callsPerTurn: number; tokens: number };
  /** Sub-sessions the orchestrator runs per session: each call's cost adds to the session, its answer to the history. */
  subagents?: Subagent[];
  toolCallsPerTurn: Dist;
  maxToolCallsPerTurn: number;
  toolResultTokens: Dist;
  /** Chance that an attempt fails and is tried again (geometric: a retry can fail too), up to maxRetries per call. */
  retryRate: number;
  maxRetries: number;
  /** Share of its output a failed attempt is billed for (1: it failed after writing everything, e.g. bad tool JSON). */
  failedOutputShare: number;
  /**
   * What is cached: 'conversation' — the growing prefix of every call (each call reads the previous one's input and
   * writes its increment, per the provider's rules); 'prefix' — only the system prompt and tool definitions; 'off'.
   */
  caching: CachingMode;
  /** Cache lifetime asked for (Anthropic: 5-minute or 1-hour breakpoints; OpenAI: in-memory or extended retention). */
  cacheTtl: CacheTtl;
  /** Chance that a lookup on a live cache entry hits (routing spill-over, implicit caching's lack of guarantee); 0 = no caching. */
  cacheHitRate: number;
  /** User think time between the end of one turn and the next, against the cache's lifetime. */
  minutesBetweenTurns: Dist;
  /** After every N turns the history is replaced by a summary (one extra call that writes it). */
  summarizeAfterTurns?: number;
  summaryTokens: number;
  onContextFull: ContextFullAction;
  /** Input tokens at which 'compact' summarises (default: the window less AUTO_COMPACT_RESERVE_TOKENS). */
  compactAtTokens?: number;
  budget: Budget;
  /** Correlation of consecutive days' traffic (the latent normal of sessionsPerDay), 0 ≤ ρ < 1; 0 = independent days. */
  dayCorrelation: number;
  /** Absent: sessions are independent of who runs them (no per-user figures). */
  users?: Users;
  /** Where figures came from ("system prompt: prompts/system.md, 812 tokens (estimate ±15%)"), shown with results. */
  notes: string[];
}

/** The documented defaults for keys a scenario leaves out (the same figures as the usage file's built-in defaults). */
export const SCENARIO_DEFAULTS = {
  model: 'claude-sonnet-4-5',
  systemPromptTokens: 0,
  toolDefinitionTokens: 0,
  sessionsPerDay: 1000,
  turns: 3,
  maxTurns: 50,
  runawayRate: 0,
  userTokens: 100,
  outputTokens: 500,
  toolCallsPerTurn: 0,
  maxToolCallsPerTurn: 20,
  toolResultTokens: 500,
  retryRate: 0,
  maxRetries: 3,
  failedOutputShare: 1,
  caching: 'conversation' as CachingMode,
  cacheTtl: '5m' as CacheTtl,
  cacheHitRate: 1,
  summaryTokens: 500,
  onContextFull: 'flag' as ContextFullAction,
  dayCorrelation: 0,
} as const;

/**
 * Bounds on the counts a scenario can set, so that the work of a run is bounded by these figures and the session
 * count, never by a number written in a file (a maxTurns of 1e9 would otherwise run for hours). Past a bound the
 * scenario is an error that names it; the engine clamps as well, for scenarios built by hand.
 */
export const SCENARIO_LIMITS = {
  maxTurns: 1000,
  maxToolCallsPerTurn: 200,
  maxRetries: 10,
  /** One day's correlation with the next; 1 would make every day alike. */
  dayCorrelation: 0.99,
  sessionsPerUserPerDay: 1000,
  /** A σ of 4 already gives the top 20% of users 99.8% of the spend. */
  intensitySigma: 4,
  /** Past the largest context windows (~2M tokens). */
  compactAtTokens: 10_000_000,
  /** Subagent calls per session, per subagent, and how deep subagents may call their own. */
  subagentCalls: 100,
  subagentDepth: 3,
} as const;

/** A scenario with every default, for tests and as a base for hand-built scenarios. */
export function scenarioWithDefaults(name: string, rates: RateCard, fields: Partial<Scenario> = {}): Scenario {
  return {
    name,
    rates,
    systemPromptTokens: SCENARIO_DEFAULTS.systemPromptTokens,
    toolDefinitionTokens: SCENARIO_DEFAULTS.toolDefinitionTokens,
    sessionsPerDay: fixed(SCENARIO_DEFAULTS.sessionsPerDay),
    turns: fixed(SCENARIO_DEFAULTS.turns),
    maxTurns: SCENARIO_DEFAULTS.maxTurns,
    runawayRate: SCENARIO_DEFAULTS.runawayRate,
    userTokens: fixed(SCENARIO_DEFAULTS.userTokens),
    outputTokens: fixed(SCENARIO_DEFAULTS.outputTokens),
    toolCallsPerTurn: fixed(SCENARIO_DEFAULTS.toolCallsPerTurn),
    maxToolCallsPerTurn: SCENARIO_DEFAULTS.maxToolCallsPerTurn,
    toolResultTokens: fixed(SCENARIO_DEFAULTS.toolResultTokens),
    retryRate: SCENARIO_DEFAULTS.retryRate,
    maxRetries: SCENARIO_DEFAULTS.maxRetries,
    failedOutputShare: SCENARIO_DEFAULTS.failedOutputShare,
    caching: SCENARIO_DEFAULTS.caching,
    cacheTtl: SCENARIO_DEFAULTS.cacheTtl,
    cacheHitRate: SCENARIO_DEFAULTS.cacheHitRate,
    minutesBetweenTurns: lognormal(DEFAULT_MINUTES_BETWEEN_TURNS.p50, DEFAULT_MINUTES_BETWEEN_TURNS.p90),
    summaryTokens: SCENARIO_DEFAULTS.summaryTokens,
    onContextFull: SCENARIO_DEFAULTS.onContextFull,
    budget: {},
    dayCorrelation: SCENARIO_DEFAULTS.dayCorrelation,
    notes: [],
    ...fields,
  };
}
