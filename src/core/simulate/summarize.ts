// Turns a raw run into the result: percentiles, projections, shares, gates.
import type { RateCard } from '../pricing/rateCard';
import { COMPONENTS } from './components';
import { describeDist, distMean } from './distribution';
import type { RawRun } from './engine';
import { callGates, dayGates, sessionGates } from './gates';
import { PRECISION_TARGET, relativeP99HalfWidth, type PrecisionReport } from './precision';
import { monthConvention, simulatePeriods } from './projection';
import type { Band, CallStat, PricedModel, ScenarioResult, TurnStat } from './result';
import { compactThreshold, type Scenario } from './scenario';
import { simulateUsers, TOP_USER_SHARE } from './users';
import {
  histogramOfSorted,
  INTERVAL_CONFIDENCE,
  meanOf,
  percentileIntervalOfSorted,
  percentileOfSorted,
  skewnessOf,
  sortedCopy,
  standardDeviationOf,
} from './stats';

export interface SummaryOptions {
  monthHours?: number;
  preset?: string;
  presetDescription?: string;
  precisionMode?: 'auto' | 'fixed';
  limitedBy?: 'sessions' | 'calls';
  /** Months simulated for the daily and monthly bands. */
  months?: number;
}

export function summarizeRun(raw: RawRun, options: SummaryOptions = {}): ScenarioResult {
  const scenario = raw.scenario;
  const sorted = sortedCopy(raw.costs);
  const mean = meanOf(raw.costs);
  const sd = standardDeviationOf(raw.costs, mean);
  const month = monthConvention(options.monthHours);
  const sample = { costs: raw.costs, mean, sd, skewness: skewnessOf(raw.costs, mean, sd) };
  const periods = simulatePeriods(sample, scenario.sessionsPerDay, raw.seed, {
    monthDays: month.days,
    dayCorrelation: scenario.dayCorrelation,
    ...(options.months !== undefined ? { months: options.months } : {}),
  });
  const days = { cost: periods.dayCost, sessions: periods.daySessions };
  const perDay = bandOf(sortedCopy(days.cost), meanOf(days.cost));
  const sessionsPerDayMean = distMean(scenario.sessionsPerDay);
  const totalUsd = raw.componentUsd.reduce((sum, x) => sum + x, 0);
  const n = raw.sessions;

  const result: ScenarioResult = {
    scenario: scenario.name,
    preset: options.preset ?? 'base',
    presetDescription: options.presetDescription ?? '',
    model: pricedModel(scenario.rates),
    assumptions: assumptionsOf(scenario),
    sessionsSimulated: n,
    precision: precisionOf(sorted, options),
    seed: raw.seed,
    shares: raw.shares,
    perSession: { ...bandOf(sorted, mean), min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 },
    sessionsPerDay: bandOf(sortedCopy(days.sessions), meanOf(days.sessions)),
    perDay,
    perMonth: bandOf(sortedCopy(periods.monthCost), meanOf(periods.monthCost)),
    month,
    periods: {
      description: periods.description,
      days: periods.dayCost.length,
      months: periods.monthCost.length,
      dayCorrelation: scenario.dayCorrelation,
    },
    // Components only some scenarios have (tool fees, embeddings, subagents) are listed when they cost something.
    components: COMPONENTS.flatMap((c, i) => {
      const sum = raw.componentUsd[i] ?? 0;
      if (sum === 0 && 'optional' in c) return [];
      return [{ id: c.id, label: c.label, meanUsd: n > 0 ? sum / n : 0, share: totalUsd > 0 ? sum / totalUsd : 0 }];
    }),
    perTurn: turnsOf(raw),
    perCall: callsOf(raw),
    histogram: histogramOfSorted(sorted),
    meanPerSession: {
      calls: n > 0 ? raw.calls / n : 0,
      inputTokens: n > 0 ? raw.inputTokens / n : 0,
      outputTokens: n > 0 ? raw.outputTokens / n : 0,
      cacheReadTokens: n > 0 ? raw.cacheReadTokens / n : 0,
      cacheWriteTokens: n > 0 ? raw.cacheWriteTokens / n : 0,
    },
    inputCache: {
      readShare: raw.inputTokens > 0 ? raw.cacheReadTokens / raw.inputTokens : 0,
      writeShare: raw.inputTokens > 0 ? raw.cacheWriteTokens / raw.inputTokens : 0,
      uncachedShare:
        raw.inputTokens > 0 ? Math.max(0, 1 - (raw.cacheReadTokens + raw.cacheWriteTokens) / raw.inputTokens) : 0,
    },
    gates: {},
    overContextWindow: { sessions: raw.overContextSessions, share: n > 0 ? raw.overContextSessions / n : 0 },
    contextFull: {
      action: scenario.onContextFull,
      compactionsPerSession: n > 0 ? raw.compactions / n : 0,
      truncatedShare: n > 0 ? raw.truncatedSessions / n : 0,
      failedShare: n > 0 ? raw.failedSessions / n : 0,
      hitSessions: windowHits(raw),
      hitShare: n > 0 ? windowHits(raw) / n : 0,
    },
    notes: [...scenario.notes],
  };
  if (scenario.routing && scenario.routing.share > 0) {
    result.routing = {
      model: pricedModel(scenario.routing.rates),
      share: scenario.routing.share,
      per: scenario.routing.per,
    };
  }
  const window = scenario.rates.contextWindow;
  if (window) result.overContextWindow.windowTokens = window;
  const compactAt = compactThreshold(scenario, window ?? Infinity);
  if (scenario.onContextFull === 'compact' && Number.isFinite(compactAt))
    result.contextFull.compactAtTokens = compactAt;
  if (raw.compactions > 0)
    result.notes.push(
      `auto-compaction: ${(raw.compactions / Math.max(1, n)).toFixed(2)} summaries per session at ${compactAt.toLocaleString('en-US')} input tokens`,
    );
  if (raw.truncatedSessions > 0)
    result.notes.push(
      `${percent(raw.truncatedSessions / n)} of sessions had their oldest tokens dropped to fit the context window`,
    );
  if (raw.failedSessions > 0)
    result.notes.push(
      `${percent(raw.failedSessions / n)} of sessions ended when a call no longer fit the context window (onContextFull: fail)`,
    );
  if (scenario.budget.perSessionUsd !== undefined) {
    result.gates.perSession = sessionGates(sorted, scenario.budget.perSessionUsd, sessionsPerDayMean);
  }
  if (scenario.budget.perDayUsd !== undefined)
    result.gates.perDay = dayGates(days.cost, days.sessions, scenario.budget.perDayUsd);
  if (scenario.budget.perCallUsd !== undefined) {
    const callsPerSession = n > 0 ? raw.callsMade / n : 0;
    result.gates.perCall = callGates(
      scenario.budget.perCallUsd,
      raw.callsAtGate,
      raw.callsMade,
      callsPerSession * sessionsPerDayMean,
    );
  }
  if (scenario.users) {
    const users = simulateUsers(sample, scenario.users, sessionsPerDayMean, raw.seed, month.days);
    result.users = {
      users: users.users,
      simulatedUsers: users.simulatedUsers,
      sessionsPerUserPerDay: scenario.users.sessionsPerUserPerDay,
      intensitySigma: scenario.users.intensitySigma,
      topShare: users.topShare,
      intensityTopShare: users.intensityTopShare,
      perUserDay: bandOf(sortedCopy(users.userDayCost), meanOf(users.userDayCost)),
      perUserMonth: bandOf(sortedCopy(users.userMonthCost), meanOf(users.userMonthCost)),
      description:
        `${users.simulatedUsers.toLocaleString('en-US')} of ${users.users.toLocaleString('en-US')} users simulated for a month: ` +
        `intensity log-normal (mean 1, σ ${scenario.users.intensitySigma}) × ${scenario.users.sessionsPerUserPerDay} sessions a day, Poisson; ` +
        `the top ${TOP_USER_SHARE * 100}% of users by intensity alone would spend ${percent(users.intensityTopShare)}`,
    };
    if (scenario.budget.perUserPerDayUsd !== undefined) {
      result.gates.perUserPerDay = dayGates(users.userDayCost, users.userDaySessions, scenario.budget.perUserPerDayUsd);
    }
  } else if (scenario.budget.perUserPerDayUsd !== undefined) {
    result.notes.push('budget.perUserPerDayUsd needs users (sessionsPerUserPerDay): not gated');
  }
  if (scenario.sessionsPerDay.kind === 'fixed') {
    result.notes.push(
      'sessionsPerDay is a fixed number, so the daily band shows session-to-session variation only; give {p50, p90} for day-to-day swings',
    );
  }
  if (raw.overContextSessions > 0) {
    result.notes.push(
      `${raw.overContextSessions.toLocaleString('en-US')} simulated sessions send a call larger than the context window — a real API would refuse it; cap turns or summarise`,
    );
  }
  return result;
}

function precisionOf(sorted: Float64Array, options: SummaryOptions): PrecisionReport {
  const halfWidth = relativeP99HalfWidth(sorted);
  const report: PrecisionReport = {
    mode: options.precisionMode ?? 'fixed',
    relativeP99HalfWidth: halfWidth,
    met: halfWidth <= PRECISION_TARGET.relativeP99,
  };
  if (options.limitedBy) report.limitedBy = options.limitedBy;
  return report;
}

function bandOf(sorted: Float64Array, mean: number): Band {
  return {
    p50: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    p99: percentileOfSorted(sorted, 0.99),
    mean,
    ci: {
      p50: percentileIntervalOfSorted(sorted, 0.5),
      p90: percentileIntervalOfSorted(sorted, 0.9),
      p99: percentileIntervalOfSorted(sorted, 0.99),
      confidence: INTERVAL_CONFIDENCE,
    },
  };
}

function turnsOf(raw: RawRun): TurnStat[] {
  return reachedStats(raw.turnSessions, (i, reached) => ({
    turn: i + 1,
    reachedShare: raw.sessions > 0 ? reached / raw.sessions : 0,
    meanCostUsd: raw.turnCostUsd[i]! / reached,
    meanFirstCallInputTokens: raw.turnFirstInputTokens[i]! / reached,
  }));
}

function callsOf(raw: RawRun): CallStat[] {
  return reachedStats(raw.callSessions, (i, reached) => ({
    call: i + 1,
    reachedShare: raw.sessions > 0 ? reached / raw.sessions : 0,
    meanCostUsd: raw.callCostUsd[i]! / reached,
    meanInputTokens: raw.callInputTokens[i]! / reached,
  }));
}

/** One stat per turn (or call) 1, 2, … up to the first that no session reached; `reached` counts the sessions that did. */
function reachedStats<T>(sessionsReaching: ArrayLike<number>, stat: (index: number, reached: number) => T): T[] {
  const stats: T[] = [];
  for (let i = 0; i < sessionsReaching.length && sessionsReaching[i] !== 0; i++)
    stats.push(stat(i, sessionsReaching[i]!));
  return stats;
}

export function pricedModel(card: RateCard): PricedModel {
  const model: PricedModel = {
    id: card.modelId,
    provider: card.providerId,
    inputPerMTok: card.inputPerMTok,
    outputPerMTok: card.outputPerMTok,
    source: card.source,
    asOf: card.asOf,
  };
  if (card.cacheReadPerMTok !== undefined) model.cacheReadPerMTok = card.cacheReadPerMTok;
  if (card.cacheWritePerMTok !== undefined) model.cacheWritePerMTok = card.cacheWritePerMTok;
  return model;
}

function assumptionsOf(s: Scenario): Record<string, string> {
  const out: Record<string, string> = {
    sessionsPerDay: describeDist(s.sessionsPerDay),
    systemPromptTokens: s.systemPromptTokens.toLocaleString('en-US'),
    toolDefinitionTokens: s.toolDefinitionTokens.toLocaleString('en-US'),
    turns: `${describeDist(s.turns)} (max ${s.maxTurns})${s.runawayRate > 0 ? `; ${percent(s.runawayRate)} of sessions loop until ${s.budget.stopSessions ? 'the turn cap or the budget stop' : 'the turn cap'}` : ''}`,
    userTokens: describeDist(s.userTokens),
    outputTokens: describeDist(s.outputTokens),
    ...(s.toolCallOutputTokens ? { toolCallOutputTokens: describeDist(s.toolCallOutputTokens) } : {}),
    ...(s.messageFraming
      ? { messageFraming: `${s.messageFraming.perMessage} tokens per message, ${s.messageFraming.perReply} per reply` }
      : {}),
    ...(s.reasoningTokens
      ? {
          reasoningTokens: `${describeDist(s.reasoningTokens)} per call (${s.reasoningCarry ?? 'strip'} after the turn)`,
        }
      : {}),
    toolCallsPerTurn: `${describeDist(s.toolCallsPerTurn)} (max ${s.maxToolCallsPerTurn})`,
    toolResultTokens: describeDist(s.toolResultTokens),
    retryRate: `${percent(s.retryRate)} per attempt, at most ${s.maxRetries} retries, failed attempts billed ${percent(s.failedOutputShare)} of their output`,
    caching:
      s.caching === 'off' || s.cacheHitRate === 0
        ? 'no caching'
        : `${s.caching}, ${s.cacheTtl} lifetime asked, ${percent(s.cacheHitRate)} of lookups on a live entry hit`,
    minutesBetweenTurns: describeDist(s.minutesBetweenTurns),
    onContextFull: s.onContextFull,
    summarize: s.summarizeAfterTurns
      ? `every ${s.summarizeAfterTurns} turns into ${s.summaryTokens.toLocaleString('en-US')} tokens`
      : 'never',
  };
  if (s.users)
    out.users = `${s.users.sessionsPerUserPerDay} sessions per user per day, intensity log-normal σ ${s.users.intensitySigma}`;
  if (s.routing)
    out.routing = `${percent(s.routing.share)} of ${s.routing.per === 'session' ? 'sessions' : 'calls'} on ${s.routing.rates.modelId}`;
  return out;
}

function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Sessions whose window filled, counted the way their onContextFull acted on it (flag: priced over the window). */
function windowHits(raw: RawRun): number {
  switch (raw.scenario.onContextFull) {
    case 'compact':
      return raw.compactedSessions;
    case 'truncate':
      return raw.truncatedSessions;
    case 'fail':
      return raw.failedSessions;
    case 'flag':
      return raw.overContextSessions;
  }
}
