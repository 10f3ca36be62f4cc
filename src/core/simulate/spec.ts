// A scenario as written in `.burnrate.yaml`, validated but not yet resolved: model names are still names, the system
// prompt may still be a file path, a distribution may still point at a usage log. prepareScenario() resolves it.
import type { ServiceTier } from '../pricing/serviceTiers';
import type { Dist } from './distribution';
import type { PresetSpec } from './presets';
import type { Budget, CacheTtl, CachingMode, ContextFullAction, Users } from './scenario';

/** A token count given as a number, or a file whose text the engine counts. */
export type TokensOrFile = { tokens: number } | { file: string };

/** Values observed in a usage log (JSONL of API responses), instead of a guessed p50/p90. */
export interface FromLog {
  fromLog: string;
}

export interface RoutingSpec {
  model: string;
  share: number;
  per: 'call' | 'session';
}

/** A subagent the orchestrator calls: another scenario of the same file, run as a sub-session per call. */
export interface SubagentSpec {
  /** The name of the scenario that describes it (its own model, prompt, tools, turns). */
  scenario: string;
  /** Calls per orchestrator session. */
  callsPerSession: Dist;
  /** Tokens of its final answer, the only part that enters the orchestrator's history. */
  answerTokens: number;
  /** Filled in by parseScenarios once every scenario is read. */
  spec?: ScenarioSpec;
}

export interface ScenarioSpec {
  name: string;
  description?: string;
  model?: string;
  systemPrompt?: TokensOrFile;
  toolDefinitions?: TokensOrFile;
  sessionsPerDay?: Dist;
  turns?: Dist;
  maxTurns?: number;
  runawayRate?: number;
  userTokens?: Dist;
  outputTokens?: Dist | FromLog;
  toolCallOutputTokens?: Dist;
  reasoningTokens?: Dist;
  /** Overrides the provider's rule: true keeps reasoning in later turns (OpenAI all_turns), false drops it. */
  reasoningAcrossTurns?: boolean;
  /** true: the provider's per-message and per-reply framing tokens (messageFraming.ts); or figures of one's own. */
  messageFraming?: boolean | { perMessage: number; perReply: number };
  /** A server tool's fee from the data (`tool`, for the model's provider) or one's own `perCallUsd`; `share` of tool calls. */
  toolFees?: { tool?: string; perCallUsd?: number; share?: number };
  embeddings?: { model: string; callsPerTurn?: number; tokens: number };
  subagents?: SubagentSpec[];
  toolCallsPerTurn?: Dist;
  maxToolCallsPerTurn?: number;
  toolResultTokens?: Dist;
  retryRate?: number;
  maxRetries?: number;
  failedOutputShare?: number;
  caching?: CachingMode;
  cacheTtl?: CacheTtl;
  cacheHitRate?: number | FromLog;
  minutesBetweenTurns?: Dist;
  summarizeAfterTurns?: number;
  summaryTokens?: number;
  onContextFull?: ContextFullAction;
  compactAtTokens?: number;
  /** Ask for the provider's long-context opt-in where it needs one (Anthropic's 1M beta on Sonnet 4/4.5). */
  longContext?: boolean;
  /** Price every call at a service tier's rates (batch: 50% off at Anthropic, OpenAI, Google; data/serviceTiers.json). */
  serviceTier?: ServiceTier;
  routing?: RoutingSpec;
  budget?: Budget;
  dayCorrelation?: number;
  /** Either key may be left out (USERS_DEFAULTS); the block's presence turns users on. */
  users?: Partial<Users>;
  presets: Record<string, PresetSpec>;
}

/** Every key a scenario accepts, in the order the documentation lists them. */
export const SCENARIO_KEYS = [
  'description',
  'model',
  'systemPrompt',
  'toolDefinitions',
  'sessionsPerDay',
  'turns',
  'maxTurns',
  'runawayRate',
  'userTokens',
  'outputTokens',
  'toolCallOutputTokens',
  'reasoningTokens',
  'reasoningAcrossTurns',
  'messageFraming',
  'toolFees',
  'embeddings',
  'subagents',
  'toolCallsPerTurn',
  'maxToolCallsPerTurn',
  'toolResultTokens',
  'retryRate',
  'maxRetries',
  'failedOutputShare',
  'caching',
  'cacheTtl',
  'cacheHitRate',
  'minutesBetweenTurns',
  'summarizeAfterTurns',
  'summaryTokens',
  'onContextFull',
  'compactAtTokens',
  'longContext',
  'serviceTier',
  'routing',
  'budget',
  'dayCorrelation',
  'users',
  'presets',
] as const;
