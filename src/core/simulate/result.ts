// What a simulation returns: plain, JSON-ready data, enough for the CLI tables, the exporters and a panel (histogram
// with P50/P90/P99, cost per turn, component breakdown, presets side by side, gate counts).
import type { ComponentId } from './components';
import type { CallGateReport, DayGateReport, SessionGateReport } from './gates';
import type { MonthConvention } from './projection';
import type { SharesMode } from './engine';
import type { PrecisionReport, SessionCount } from './precision';
import type { Histogram } from './stats';

export interface Band {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  /**
   * A 95% interval for each percentile (order statistics of the simulated sample): the Monte Carlo error of the figure.
   * Day and month intervals are those of their simulated days and months, given the simulated sessions.
   */
  ci?: BandIntervals;
}

export interface BandIntervals {
  p50: [number, number];
  p90: [number, number];
  p99: [number, number];
  confidence: number;
}

export interface ComponentShare {
  id: ComponentId;
  label: string;
  /** Mean USD per session. */
  meanUsd: number;
  /** Share of the total, 0-1. */
  share: number;
}

export interface TurnStat {
  /** 1-based. */
  turn: number;
  /** Share of sessions that reach this turn. */
  reachedShare: number;
  /** Mean cost of this turn (all its calls, retries and any summary) among sessions that reach it. */
  meanCostUsd: number;
  /** Mean input tokens of the turn's first call: the carry growing. */
  meanFirstCallInputTokens: number;
}

export interface CallStat {
  /** 1-based position of the call in its session (retries are part of their call; summaries are calls). */
  call: number;
  reachedShare: number;
  meanCostUsd: number;
  meanInputTokens: number;
}

export interface PricedModel {
  id: string;
  provider: string;
  inputPerMTok: number;
  outputPerMTok: number;
  cacheReadPerMTok?: number;
  cacheWritePerMTok?: number;
  source: string;
  asOf: string;
}

export interface ScenarioResult {
  scenario: string;
  /** "base", "bull", "stress" or a preset of the user's own. */
  preset: string;
  /** How the preset differs from the scenario ("sessions/day ×2, …"); empty for base. */
  presetDescription: string;
  model: PricedModel;
  routing?: { model: PricedModel; share: number; per: 'call' | 'session' };
  /** The inputs as the engine read them, for display: {turns: "p50 4 / p90 9", …}. */
  assumptions: Record<string, string>;
  sessionsSimulated: number;
  /** How precisely the per-session P99 is known, and how the session count was chosen. */
  precision: PrecisionReport;
  seed: number;
  shares: SharesMode;
  perSession: Band & { min: number; max: number };
  sessionsPerDay: Band;
  perDay: Band;
  /** Sums of simulated days (see periods), not the daily band scaled. */
  perMonth: Band;
  month: MonthConvention;
  /** How the daily and monthly bands were made. */
  periods: { description: string; days: number; months: number; dayCorrelation: number };
  components: ComponentShare[];
  perTurn: TurnStat[];
  /** How the k-th call grows (the first 256 calls of a session). */
  perCall: CallStat[];
  histogram: Histogram;
  meanPerSession: {
    calls: number;
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
  };
  /** Shares of all input tokens (retries included) read from the cache, written to it, and sent uncached. */
  inputCache: { readShare: number; writeShare: number; uncachedShare: number };
  gates: {
    perSession?: SessionGateReport;
    perDay?: DayGateReport;
    perUserPerDay?: DayGateReport;
    perCall?: CallGateReport;
  };
  /** Present when the scenario has users: how spend falls on them. */
  users?: UsersReport;
  overContextWindow: { sessions: number; share: number; windowTokens?: number };
  /** What the runtime did when the window filled (onContextFull), per session simulated. */
  contextFull: {
    action: string;
    compactAtTokens?: number;
    compactionsPerSession: number;
    truncatedShare: number;
    failedShare: number;
    /** Sessions that reached the window (or compactAtTokens) and what onContextFull did there, and their share. */
    hitSessions: number;
    hitShare: number;
  };
  notes: string[];
}

export interface UsersReport {
  /** Users the volume implies (sessions a day ÷ sessions per user per day), and how many were simulated for a month. */
  users: number;
  simulatedUsers: number;
  sessionsPerUserPerDay: number;
  intensitySigma: number;
  /** Share of a month's spend by the heaviest 20% of users (simulated), and the intensities' own closed-form share. */
  topShare: number;
  intensityTopShare: number;
  perUserDay: Band;
  perUserMonth: Band;
  description: string;
}

export interface ScenarioRuns {
  name: string;
  /** Base first, then bull, stress and the user's own presets. */
  runs: ScenarioResult[];
}

export interface SimulationReport {
  seed: number;
  /** Sessions per run as asked: a number, or 'auto' (chosen per run for a ±1% P99; see each result's precision). */
  sessions: SessionCount;
  month: MonthConvention;
  scenarios: ScenarioRuns[];
}
