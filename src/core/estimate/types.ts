// What an estimate says about one cost unit: plain data for lenses, hovers, the CLI table and its JSON.
import type { PriceProblem } from '../problems/prices';
import type { ResolutionKind } from '../pricing/resolve';
import type { RateCard } from '../pricing/rateCard';
import type { FormatId, LineRange, LoadingKind, PartRole, Problem, UnitKind } from '../types';
import type { AgentSessionFigures } from '../runtimes/agentSession';
import type { RuntimeShare } from '../runtimes/runtimeEstimate';
import type { Sourced } from '../usage/resolveInputs';

export interface TokenizerInfo {
  family: string;
  encoding: string;
  exact: boolean;
  /** Relative error band, 0 when exact. */
  band: number;
  basis: string;
}

export interface InputPartCount {
  label: string;
  role: PartRole | 'overhead';
  tokens: number;
}

export interface SectionCount {
  title: string;
  level: number;
  range: LineRange;
  tokens: number;
  /** Share of the unit's counted prose (0..1). */
  share: number;
}

export type Pricing =
  | { ok: true; rates: RateCard; how: ResolutionKind; explanation: string }
  /** `message` is the plain wording of `problem`; a surface with its own words (a lens) reads `problem`. */
  | { ok: false; problem: PriceProblem; message: string };

export interface CostFigures {
  inputPerCall: number;
  outputPerCall: number;
  perCall: number;
  /** What one of the counted runs costs: a session with carry, an eval run of several calls, or one call. */
  perRun: number;
  /** Per call with the declared output limit instead of the expected output; absent without a limit. */
  worstCasePerCall?: number;
  perDay: number;
  perMonth: number;
}

/** Multi-turn units (maxTurns, max_iter): a session re-sends the prompt and all earlier turns on every call. */
export interface SessionFigures {
  turns: Sourced<number>;
  /** The declared cap (maxTurns / max_iter) used for the worst case. */
  maxTurns: number;
  userTokensPerTurn: Sourced<number>;
  /** Input tokens of each call in an expected session; the last is the dearest. */
  turnInputTokens: number[];
  inputTokens: number;
  outputTokens: number;
  /** Absent when the model has no price. */
  perSession?: number;
  worstCasePerSession?: number;
  /** An agent file run by its runtime: every call carries the runtime's overhead; `turnInputTokens` are `agent.rows`. */
  agent?: AgentSessionFigures;
}

export interface Hint {
  kind: 'caching' | 'cheaper-model' | 'long-context' | 'tools';
  message: string;
  /** USD per month saved (caching, cheaper model) or added (long context), when it can be computed. */
  monthlyUsd?: number;
}

export interface UnitEstimate {
  path: string;
  format: FormatId;
  formatLabel: string;
  name: string;
  kind: UnitKind;
  /** When the runtime sends this text (the format registry's loading kinds). */
  loading: LoadingKind;
  range: LineRange;
  appliesTo?: string;
  model: Sourced<string>;
  pricing: Pricing;
  tokenizer: TokenizerInfo;
  input: { tokens: number; exact: boolean; band: number; parts: InputPartCount[] };
  output: { expected: Sourced<number>; limit?: { value: number; field: string } };
  callsPerDay: Sourced<number>;
  /** Calls one run makes (promptfoo: tests × repeat); callsPerDay then counts runs. Absent for one call per run. */
  callsPerRun?: number;
  /** CrewAI task: the agent that runs it (its definition is priced inside the task). */
  agent?: string;
  /** promptfoo: the file (relative to this unit's file's folder) its prompt text was read from. */
  promptFile?: string;
  /** Absent when the model has no price: shown as "no price for X", never as $0. */
  cost?: CostFigures;
  session?: SessionFigures;
  /** Always-on files: their part of each workspace runtime's per-request total. */
  runtimeShares?: RuntimeShare[];
  sections: SectionCount[];
  hints: Hint[];
  problems: Problem[];
  monthHours: number;
}

export interface FileEstimate {
  path: string;
  format: FormatId;
  formatLabel: string;
  units: UnitEstimate[];
  problems: Problem[];
}
