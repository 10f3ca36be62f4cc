// Replays a usage log: the exact cost of the logged calls at current prices, per model and (when lines name their
// session) per session, plus the observed distributions a scenario can use instead of p50/p90 guesses.
import { callCost, type RateCard } from '../../pricing/rateCard';
import type { Problem } from '../../types';
import { callRates, ratesFor } from '../callRates';
import type { ModelLookup } from '../modelLookup';
import type { Band } from '../result';
import { histogramOfSorted, meanOf, percentileOfSorted, sortedCopy, type Histogram } from '../stats';
import { readUsageLine, type UsageRecord } from './usageRecord';

export interface LoggedCall extends UsageRecord {
  /** 1-based line in the log. */
  line: number;
}

export interface UsageLog {
  source: string;
  /** Non-blank lines read. */
  lines: number;
  calls: LoggedCall[];
  skipped: { lines: number; byReason: Record<string, number>; examples: { line: number; reason: string }[] };
}

const MAX_EXAMPLES = 10;

/** Reads a JSONL log. Lines that are not usage records are counted and described, never fatal. */
export function readUsageLog(text: string, source: string, sessionKey?: string): UsageLog {
  const reader = new UsageLogReader(source, sessionKey);
  for (const line of text.split(/\r?\n/)) reader.add(line);
  return reader.log;
}

/** Reads a usage log one line at a time, so a shell can stream a large log instead of holding its text. */
export class UsageLogReader {
  readonly log: UsageLog;
  private lineNumber = 0;

  constructor(
    source: string,
    private readonly sessionKey?: string,
  ) {
    this.log = { source, lines: 0, calls: [], skipped: { lines: 0, byReason: {}, examples: [] } };
  }

  add(text: string): void {
    const line = ++this.lineNumber;
    const reading = readUsageLine(text.endsWith('\r') ? text.slice(0, -1) : text, this.sessionKey);
    if (reading.kind === 'blank') return;
    const log = this.log;
    log.lines++;
    if (reading.kind === 'record') {
      log.calls.push({ ...reading.record, line });
      return;
    }
    log.skipped.lines++;
    log.skipped.byReason[reading.reason] = (log.skipped.byReason[reading.reason] ?? 0) + 1;
    if (log.skipped.examples.length < MAX_EXAMPLES) log.skipped.examples.push({ line, reason: reading.reason });
  }
}

export interface ModelReplay {
  /** The model as logged. */
  model: string;
  /** The priced model and why, or why there is no price. */
  pricedAs?: string;
  explanation?: string;
  message?: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Null when the model has no price: never counted as $0. */
  costUsd: number | null;
}

export interface Calibration {
  /** Output tokens per call as observed; a scenario takes all the values with `outputTokens: {fromLog: …}`. */
  outputTokens: Band;
  inputTokens: Band;
  /** Share of calls that read anything from the prompt cache. */
  cacheHitRate: number;
  /** Share of all input tokens that were cache reads. */
  cachedInputShare: number;
  modelShares: { model: string; share: number }[];
  callsPerSession?: Band;
}

export interface SessionReplay {
  count: number;
  /** Sessions left out because one of their calls has no price. */
  unpriced: number;
  /** Calls whose line names no session. */
  callsWithoutSession: number;
  perSession: Band & { max: number };
  histogram: Histogram;
}

export interface ReplayResult {
  source: string;
  lines: number;
  calls: number;
  skipped: UsageLog['skipped'];
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Cost of every logged call; null when any call's model has no price (see `models` and `problems`). */
  totalCostUsd: number | null;
  /** Cost of the calls that have a price. */
  pricedCostUsd: number;
  unpricedCalls: number;
  batchCalls: number;
  models: ModelReplay[];
  perCall: Band;
  sessions?: SessionReplay;
  calibration: Calibration;
  problems: Problem[];
}

/** The 1-hour cache write multiplier on Anthropic (input rate × 2), which rate cards do not carry. */
const ONE_HOUR_WRITE_FACTOR = 2;
const BATCH_FACTOR = 0.5;

export function recordCost(rates: RateCard, call: UsageRecord): number {
  let cost = callCost(rates, {
    input: call.input,
    output: call.output,
    cacheRead: call.cacheRead,
    cacheWrite: call.cacheWrite + call.cacheWrite1h,
  });
  if (call.cacheWrite1h > 0) {
    const r = ratesFor(callRates(rates), call.input);
    cost += call.cacheWrite1h * (ONE_HOUR_WRITE_FACTOR * r.input - r.cacheWrite);
  }
  return call.batch ? cost * BATCH_FACTOR : cost;
}

export function replayUsageLog(log: UsageLog, lookup: ModelLookup): ReplayResult {
  const problems: Problem[] = [];
  const models = new Map<string, ModelReplay & { rates?: RateCard }>();
  const costs = new Float64Array(log.calls.length);
  const priced = new Uint8Array(log.calls.length);
  let input = 0;
  let output = 0;
  let cacheRead = 0;
  let cacheWrite = 0;
  let pricedCost = 0;
  let unpricedCalls = 0;
  let batchCalls = 0;

  log.calls.forEach((call, i) => {
    let model = models.get(call.model);
    if (!model) {
      const resolution = lookup(call.model);
      model = { model: call.model, calls: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };
      if (resolution.ok) {
        model.rates = resolution.rates;
        model.pricedAs = resolution.rates.modelId;
        model.explanation = resolution.explanation;
      } else {
        model.message = resolution.message;
        model.costUsd = null;
      }
      models.set(call.model, model);
    }
    model.calls++;
    model.inputTokens += call.input;
    model.outputTokens += call.output;
    model.cacheReadTokens += call.cacheRead;
    model.cacheWriteTokens += call.cacheWrite + call.cacheWrite1h;
    input += call.input;
    output += call.output;
    cacheRead += call.cacheRead;
    cacheWrite += call.cacheWrite + call.cacheWrite1h;
    if (call.batch) batchCalls++;
    if (model.rates) {
      const cost = recordCost(model.rates, call);
      costs[i] = cost;
      priced[i] = 1;
      model.costUsd = (model.costUsd ?? 0) + cost;
      pricedCost += cost;
    } else {
      unpricedCalls++;
    }
  });

  for (const model of models.values()) {
    if (model.message) {
      problems.push({ severity: 'error', message: `${model.calls} call(s) on "${model.model}" have no price, so the total is unknown: ${model.message}` });
    }
  }
  if (log.skipped.lines > 0) {
    const reasons = Object.entries(log.skipped.byReason).map(([reason, n]) => `${n} × ${reason}`).join(', ');
    problems.push({ severity: 'warning', message: `${log.skipped.lines} of ${log.lines} lines skipped (${reasons})` });
  }
  if (batchCalls > 0) problems.push({ severity: 'info', message: `${batchCalls} batch API call(s) priced at 50% of the list price` });
  if (log.calls.some((c) => c.cacheWrite1h > 0)) {
    problems.push({ severity: 'info', message: '1-hour cache writes priced at 2× the input rate (Anthropic)' });
  }

  const pricedCosts = costs.filter((_, i) => priced[i] === 1);
  const result: ReplayResult = {
    source: log.source,
    lines: log.lines,
    calls: log.calls.length,
    skipped: log.skipped,
    inputTokens: input,
    outputTokens: output,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    totalCostUsd: unpricedCalls > 0 ? null : pricedCost,
    pricedCostUsd: pricedCost,
    unpricedCalls,
    batchCalls,
    models: [...models.values()].map(({ rates: _rates, ...rest }) => rest).sort((a, b) => b.calls - a.calls),
    perCall: band(sortedCopy(pricedCosts)),
    calibration: calibrate(log),
    problems,
  };
  const sessions = sessionsOf(log, costs, priced);
  if (sessions) {
    result.sessions = sessions.replay;
    result.calibration.callsPerSession = sessions.callsPerSession;
  }
  return result;
}

function calibrate(log: UsageLog): Calibration {
  const n = log.calls.length;
  const outputs = Float64Array.from(log.calls, (c) => c.output);
  const inputs = Float64Array.from(log.calls, (c) => c.input);
  const totalInput = inputs.reduce((s, x) => s + x, 0);
  const counts = new Map<string, number>();
  for (const call of log.calls) counts.set(call.model, (counts.get(call.model) ?? 0) + 1);
  return {
    outputTokens: band(sortedCopy(outputs)),
    inputTokens: band(sortedCopy(inputs)),
    cacheHitRate: observedCacheHitRate(log),
    cachedInputShare: totalInput === 0 ? 0 : log.calls.reduce((s, c) => s + c.cacheRead, 0) / totalInput,
    modelShares: [...counts.entries()].map(([model, calls]) => ({ model, share: calls / n })).sort((a, b) => b.share - a.share),
  };
}

function sessionsOf(log: UsageLog, costs: Float64Array, priced: Uint8Array): { replay: SessionReplay; callsPerSession: Band } | undefined {
  const bySession = new Map<string, { cost: number; calls: number; unpriced: boolean }>();
  let without = 0;
  log.calls.forEach((call, i) => {
    if (call.session === undefined) {
      without++;
      return;
    }
    const session = bySession.get(call.session) ?? { cost: 0, calls: 0, unpriced: false };
    session.cost += costs[i]!;
    session.calls++;
    if (priced[i] !== 1) session.unpriced = true;
    bySession.set(call.session, session);
  });
  if (bySession.size === 0) return undefined;
  const complete = [...bySession.values()].filter((s) => !s.unpriced);
  const sorted = sortedCopy(Float64Array.from(complete, (s) => s.cost));
  return {
    replay: {
      count: bySession.size,
      unpriced: bySession.size - complete.length,
      callsWithoutSession: without,
      perSession: { ...band(sorted), max: sorted[sorted.length - 1] ?? 0 },
      histogram: histogramOfSorted(sorted),
    },
    callsPerSession: band(sortedCopy(Float64Array.from(bySession.values(), (s) => s.calls))),
  };
}

function band(sorted: Float64Array): Band {
  return {
    p50: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    p99: percentileOfSorted(sorted, 0.99),
    mean: meanOf(sorted),
  };
}

/** Output tokens of every logged call: the empirical distribution behind `outputTokens: {fromLog: …}`. */
export function outputSamples(log: UsageLog): number[] {
  return log.calls.map((c) => c.output);
}

/**
 * The value behind `cacheHitRate: {fromLog: …}`, in the engine's meaning — the chance that a lookup on an existing
 * entry hits: the share of calls that read from the cache among calls that had an earlier call of their session to
 * read (every call but each named session's first; all calls when lines name no session). Entries that expired during
 * a long pause count as misses here, so it is a little below the true rate.
 */
export function observedCacheHitRate(log: UsageLog): number {
  const seen = new Set<string>();
  let eligible = 0;
  let hits = 0;
  for (const call of log.calls) {
    if (call.session !== undefined && !seen.has(call.session)) {
      seen.add(call.session);
      continue;
    }
    eligible++;
    if (call.cacheRead > 0) hits++;
  }
  return eligible === 0 ? 0 : hits / eligible;
}
