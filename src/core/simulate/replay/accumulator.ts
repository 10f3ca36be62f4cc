// Prices logged calls as they stream in and keeps only aggregates: per model, per session, per day / project / branch,
// and fixed-size samples of per-call and per-session figures for percentiles. Memory is O(models + groups + the open
// sessions (at most OPEN_SESSIONS) + the samples), whatever the number of calls or sessions.
import type { RateCard } from '../../pricing/rateCard';
import type { Problem } from '../../types';
import type { ModelLookup } from '../modelLookup';
import type { Band } from '../result';
import { histogramOfSorted, percentileOfSorted, sortedCopy } from '../stats';
import { dayOf, GroupTotals, type SessionSummary } from './groups';
import { oneHourWriteSource, recordCost } from './recordCost';
import type { LoggedCall, ModelReplay, ReplayResult, SkippedLines } from './replay';
import { Reservoir } from './reservoir';
import { OPEN_SESSIONS, SessionBook, type FirstCall, type SessionState } from './sessionBook';

export const DEFAULT_TOP_SESSIONS = 10;

export class ReplayAccumulator {
  private readonly models = new Map<string, ModelReplay & { rates?: RateCard }>();
  private readonly days = new GroupTotals();
  private readonly projects = new GroupTotals();
  private readonly branches = new GroupTotals();
  private readonly costs = new Reservoir();
  private readonly inputs = new Reservoir();
  private readonly outputs = new Reservoir();
  private calls = 0;
  private input = 0;
  private output = 0;
  private cacheRead = 0;
  private cacheWrite = 0;
  private cacheWrite1h = 0;
  private pricedCost = 0;
  private pricedCalls = 0;
  private unpricedCalls = 0;
  private batchCalls = 0;
  private withoutSession = 0;
  private cacheEligible = 0;
  private cacheHits = 0;
  private sidechainCalls = 0;
  private sidechainCost = 0;
  private sidechainUnpriced = 0;
  private oneHourSources = new Set<string>();

  private readonly sessions: SessionBook;

  constructor(
    private readonly lookup: ModelLookup,
    topSessions = DEFAULT_TOP_SESSIONS,
    private readonly openSessions = OPEN_SESSIONS,
  ) {
    this.sessions = new SessionBook(
      topSessions,
      (session) => {
        this.days.countSession(dayOf(session.start));
        this.projects.countSession(session.project);
        this.branches.countSession(session.branch);
      },
      openSessions,
    );
  }

  add(call: LoggedCall): void {
    const model = this.modelOf(call.model);
    const cost = model.rates ? recordCost(model.rates, call) : undefined;
    const write = call.cacheWrite + call.cacheWrite1h;
    model.calls++;
    model.inputTokens += call.input;
    model.outputTokens += call.output;
    model.cacheReadTokens += call.cacheRead;
    model.cacheWriteTokens += write;
    this.calls++;
    this.input += call.input;
    this.output += call.output;
    this.cacheRead += call.cacheRead;
    this.cacheWrite += write;
    this.cacheWrite1h += call.cacheWrite1h;
    if (call.batch) this.batchCalls++;
    if (call.cacheWrite1h > 0 && model.rates)
      this.oneHourSources.add(`${model.rates.modelId}: ${oneHourWriteSource(model.rates)}`);
    if (cost === undefined) this.unpricedCalls++;
    else {
      model.costUsd = (model.costUsd ?? 0) + cost;
      this.pricedCost += cost;
      this.pricedCalls++;
      this.costs.add(cost);
    }
    this.inputs.add(call.input);
    this.outputs.add(call.output);
    if (call.sidechain) {
      this.sidechainCalls++;
      if (cost === undefined) this.sidechainUnpriced++;
      else this.sidechainCost += cost;
    }
    this.days.add(dayOf(call.timestamp), call, cost);
    this.projects.add(call.project, call, cost);
    this.branches.add(call.branch, call, cost);
    this.addToSession(call, cost, write);
  }

  finish(source: string, lines: number, skipped: SkippedLines): ReplayResult {
    const problems: Problem[] = [];
    for (const model of this.models.values()) {
      if (model.message) {
        problems.push({
          severity: 'error',
          message: `${model.calls} call(s) on "${model.model}" have no price, so the total is unknown: ${model.message}`,
        });
      }
    }
    if (skipped.lines > 0) {
      const reasons = Object.entries(skipped.byReason)
        .map(([reason, n]) => `${n} × ${reason}`)
        .join(', ');
      problems.push({ severity: 'warning', message: `${skipped.lines} of ${lines} lines skipped (${reasons})` });
    }
    if (this.batchCalls > 0)
      problems.push({
        severity: 'info',
        message: `${this.batchCalls} batch API call(s) priced at 50% of the list price`,
      });
    for (const rate of this.oneHourSources)
      problems.push({ severity: 'info', message: `1-hour cache writes on ${rate}` });
    if (!this.costs.exact) {
      problems.push({
        severity: 'info',
        message: `per-call percentiles from a uniform sample of ${this.costs.capacity.toLocaleString('en-US')} calls (totals are exact)`,
      });
    }

    const result: ReplayResult = {
      source,
      lines,
      calls: this.calls,
      skipped,
      inputTokens: this.input,
      outputTokens: this.output,
      cacheReadTokens: this.cacheRead,
      cacheWriteTokens: this.cacheWrite,
      cacheWrite1hTokens: this.cacheWrite1h,
      cacheReadShare: this.input === 0 ? 0 : this.cacheRead / this.input,
      totalCostUsd: this.unpricedCalls > 0 ? null : this.pricedCost,
      pricedCostUsd: this.pricedCost,
      unpricedCalls: this.unpricedCalls,
      batchCalls: this.batchCalls,
      models: [...this.models.values()].map(({ rates: _rates, ...rest }) => rest).sort((a, b) => b.calls - a.calls),
      perCall: bandOf(this.costs, this.pricedCalls === 0 ? 0 : this.pricedCost / this.pricedCalls),
      calibration: {
        outputTokens: bandOf(this.outputs, this.calls === 0 ? 0 : this.output / this.calls),
        inputTokens: bandOf(this.inputs, this.calls === 0 ? 0 : this.input / this.calls),
        cacheHitRate: this.cacheEligible === 0 ? 0 : this.cacheHits / this.cacheEligible,
        cachedInputShare: this.input === 0 ? 0 : this.cacheRead / this.input,
        modelShares: [...this.models.values()]
          .map((m) => ({ model: m.model, share: m.calls / this.calls }))
          .sort((a, b) => b.share - a.share),
      },
      problems,
    };
    if (this.sidechainCalls > 0) {
      const known = this.sidechainUnpriced === 0 && this.unpricedCalls === 0;
      result.sidechain = {
        calls: this.sidechainCalls,
        costUsd: this.sidechainUnpriced > 0 ? null : this.sidechainCost,
        share: known && this.pricedCost > 0 ? this.sidechainCost / this.pricedCost : null,
      };
    }
    this.addSessions(result);
    if (this.days.size > 0) result.byDay = this.days.list(true);
    if (this.projects.size > 0) result.byProject = this.projects.list();
    if (this.branches.size > 0) result.byBranch = this.branches.list();
    return result;
  }

  private modelOf(name: string): ModelReplay & { rates?: RateCard } {
    let model = this.models.get(name);
    if (model) return model;
    const resolution = this.lookup(name);
    model = {
      model: name,
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costUsd: 0,
    };
    if (resolution.ok) {
      model.rates = resolution.value.rates;
      model.pricedAs = resolution.value.rates.modelId;
      model.explanation = resolution.value.explanation;
    } else {
      model.message = resolution.error;
      model.costUsd = null;
    }
    this.models.set(name, model);
    return model;
  }

  private addToSession(call: LoggedCall, cost: number | undefined, write: number): void {
    if (call.session === undefined) {
      this.withoutSession++;
      this.countCacheLookup(call);
      return;
    }
    const { session, continued } = this.sessions.touch(call.session);
    if (continued) this.countCacheLookup(call);
    session.calls++;
    session.inputTokens += call.input;
    session.outputTokens += call.output;
    session.cacheReadTokens += call.cacheRead;
    session.cacheWriteTokens += write;
    if (cost === undefined) session.unpriced = true;
    else {
      session.cost += cost;
      if (call.sidechain) session.sidechainCostUsd += cost;
    }
    if (session.firstCallInputTokens === undefined && !call.sidechain) {
      session.firstCallInputTokens = call.input;
      session.model = call.model;
      session.format = call.format;
    }
    if (call.timestamp !== undefined) {
      if (session.start === undefined || call.timestamp < session.start) session.start = call.timestamp;
      if (session.end === undefined || call.timestamp > session.end) session.end = call.timestamp;
    }
    session.project ??= call.project;
    session.branch ??= call.branch;
  }

  /** A call that had an earlier call of its session to read from (every call when lines name no session). */
  private countCacheLookup(call: LoggedCall): void {
    this.cacheEligible++;
    if (call.cacheRead > 0) this.cacheHits++;
  }

  private addSessions(result: ReplayResult): void {
    const book = this.sessions;
    book.finish();
    if (book.count === 0) return;
    const costs = sortedCopy(book.costs.sample());
    result.sessions = {
      count: book.count,
      unpriced: book.unpriced,
      callsWithoutSession: this.withoutSession,
      perSession: { ...exactBand(costs), ...book.perSession },
      histogram: histogramOfSorted(costs),
      top: book.costliest().map(summaryOf),
      unpricedSessions: book.unpricedSessions().map(summaryOf),
    };
    result.calibration.callsPerSession = { ...exactBand(sortedCopy(book.calls.sample())), mean: book.meanCalls };
    if (book.sampled) {
      result.sessions.sample = book.costs.capacity;
      result.problems.push({
        severity: 'info',
        message: `per-session percentiles, histogram and calls per session from a uniform sample of ${book.costs.capacity.toLocaleString('en-US')} of the ${book.count.toLocaleString('en-US')} sessions (counts, totals, mean, max and the costliest are exact)`,
      });
    }
    if (book.closedEarly > 0) {
      result.sessions.closedEarly = book.closedEarly;
      result.sessions.reopened = book.reopened;
      const reopened =
        book.reopened > 0
          ? `; ≈${book.reopened.toLocaleString('en-US')} of them were seen again later and count as separate sessions (their cost is split)`
          : '; none was seen again';
      result.problems.push({
        severity: book.reopened > 0 ? 'warning' : 'info',
        message: `${book.closedEarly.toLocaleString('en-US')} sessions were closed before the log ended to keep at most ${this.openSessions.toLocaleString('en-US')} open${reopened}`,
      });
    }
  }

  /** Each session's first call (for --against): every session's, or a uniform sample of them past SESSION_SAMPLE. */
  firstCalls(): FirstCall[] {
    return this.sessions.firstCallSample();
  }
}

function summaryOf({
  cost,
  unpriced,
  seq: _seq,
  older: _older,
  newer: _newer,
  ...session
}: SessionState): SessionSummary {
  return { ...session, costUsd: unpriced ? null : cost };
}

function bandOf(sample: Reservoir, mean: number): Band {
  return { ...exactBand(sortedCopy(sample.sample())), mean };
}

function exactBand(sorted: Float64Array): Band {
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    p50: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    p99: percentileOfSorted(sorted, 0.99),
    mean: sorted.length === 0 ? 0 : sum / sorted.length,
  };
}
