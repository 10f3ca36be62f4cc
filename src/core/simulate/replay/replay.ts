// Replays a usage log: the exact cost of the logged calls at current prices, per model, per session, day, project and
// branch where the log says, plus the observed distributions a scenario can use instead of p50/p90 guesses. Logs are
// provider usage records or coding agents' own logs (./formats), detected per file.
import type { Problem } from '../../types';
import type { ModelLookup } from '../modelLookup';
import type { Band } from '../result';
import type { Histogram } from '../stats';
import { ReplayAccumulator } from './accumulator';
import type { RuntimeComparison } from './against';
import { detectLogFormat, type LogFormat, type LogFormatId } from './formats';
import { parseObject, type LogLineReader } from './formats/logFormat';
import type { RecentKeys } from './formats/recentKeys';
import type { GroupReplay, SessionSummary } from './groups';
import type { LineReading, UsageRecord } from './usageRecord';

export { recordCost } from './recordCost';

export interface LoggedCall extends UsageRecord {
  /** 1-based line in the log. */
  line: number;
}

export interface SkippedLines {
  lines: number;
  byReason: Record<string, number>;
  examples: { line: number; reason: string; source?: string }[];
}

export interface UsageLog {
  source: string;
  /** The format the log was read as. */
  format?: LogFormatId;
  /** Non-blank lines read. */
  lines: number;
  /** The calls, when the reader keeps them (readUsageLog); a streaming reader hands each to its sink instead. */
  calls: LoggedCall[];
  skipped: SkippedLines;
}

const MAX_EXAMPLES = 10;
const MAX_UNDECIDED_LINES = 50;

/** Reads a JSONL log whole (small logs: a scenario's fromLog). Lines that are not usage records are counted, never fatal. */
export function readUsageLog(text: string, source: string, sessionKey?: string): UsageLog {
  const reader = new UsageLogReader(source, { sessionKey });
  for (const line of text.split(/\r?\n/)) reader.add(line);
  reader.end();
  return reader.log;
}

export interface UsageLogReaderOptions {
  sessionKey?: string;
  /** The format to read; detected from the first non-blank line when absent. */
  format?: LogFormat;
  /** Receives each call instead of the log keeping it: memory stays constant however long the log. */
  onCall?: (call: LoggedCall) => void;
  /** Responses already counted in earlier files of the same replay. */
  recentKeys?: RecentKeys;
  /** Skipped-line examples are shared when several files are read into one report. */
  skipped?: SkippedLines;
}

/** Reads a usage log one line at a time, so a shell can stream a large log instead of holding its text. */
export class UsageLogReader {
  readonly log: UsageLog;
  private lineNumber = 0;
  private reader: LogLineReader | undefined;
  private format: LogFormat | undefined;
  private undecided: { text: string; line: number }[] = [];

  constructor(
    source: string,
    private readonly options: UsageLogReaderOptions = {},
  ) {
    this.format = options.format;
    this.log = { source, lines: 0, calls: [], skipped: options.skipped ?? { lines: 0, byReason: {}, examples: [] } };
    if (this.format) this.open(this.format);
  }

  add(raw: string): void {
    const line = ++this.lineNumber;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!this.reader) {
      if (text.trim() === '') return;
      // A malformed first line must not decide the format: wait for one that parses (a few lines at most).
      const format = detectLogFormat(text);
      if (format.id === 'usage' && !parsesAsObject(text) && this.undecided.length < MAX_UNDECIDED_LINES) {
        this.undecided.push({ text, line });
        return;
      }
      this.open(format);
    }
    this.read(text, line);
  }

  /** A line the shell did not hand over (longer than its line limit): counted as read and skipped as malformed. */
  skip(reason: string): void {
    const line = ++this.lineNumber;
    this.log.lines++;
    this.take([{ kind: 'skip', reason }], line);
  }

  /** Ends the file: readings a format held back (a pending streamed response, a multi-line document) are counted. */
  end(): void {
    if (!this.reader && this.undecided.length > 0) this.open(detectLogFormat(this.undecided[0]!.text));
    if (this.reader) this.take(this.reader.end(), this.lineNumber);
  }

  private read(text: string, line: number): void {
    const readings = this.reader!.line(text);
    if (!(readings.length === 1 && readings[0]!.kind === 'blank')) this.log.lines++;
    this.take(readings, line);
  }

  private open(format: LogFormat): void {
    this.format = format;
    this.log.format = format.id;
    this.reader = format.open({
      sessionKey: this.options.sessionKey,
      file: this.log.source,
      recentKeys: this.options.recentKeys,
    });
    const held = this.undecided;
    this.undecided = [];
    for (const { text, line } of held) this.read(text, line);
  }

  private take(readings: LineReading[], line: number): void {
    const log = this.log;
    for (const reading of readings) {
      if (reading.kind === 'blank') continue;
      if (reading.kind === 'record') {
        const call = { ...reading.record, line };
        if (this.options.onCall) this.options.onCall(call);
        else log.calls.push(call);
        continue;
      }
      log.skipped.lines++;
      log.skipped.byReason[reading.reason] = (log.skipped.byReason[reading.reason] ?? 0) + 1;
      if (log.skipped.examples.length < MAX_EXAMPLES)
        log.skipped.examples.push({ line, reason: reading.reason, source: log.source });
    }
  }
}

function parsesAsObject(text: string): boolean {
  const parsed = parseObject(text);
  return parsed !== undefined && 'value' in parsed;
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
  /** The costliest sessions, highest first. */
  top: SessionSummary[];
  /** Some of the sessions left out for a missing price. */
  unpricedSessions: SessionSummary[];
  /** Present when the percentiles, histogram and calls per session come from a uniform sample of this many sessions. */
  sample?: number;
  /** Present when sessions were closed before the log ended (at most OPEN_SESSIONS are held open at once) … */
  closedEarly?: number;
  /** … and about how many sessions were seen again after that, each counted again (its cost split). */
  reopened?: number;
}

export interface ReplayResult {
  source: string;
  lines: number;
  calls: number;
  skipped: SkippedLines;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** Cache writes of both lifetimes. */
  cacheWriteTokens: number;
  /** The part of cacheWriteTokens written for 1 hour (billed at its own rate). */
  cacheWrite1hTokens: number;
  /** Share of all input tokens that were cache reads. */
  cacheReadShare: number;
  /** Cost of every logged call; null when any call's model has no price (see `models` and `problems`). */
  totalCostUsd: number | null;
  /** Cost of the calls that have a price. */
  pricedCostUsd: number;
  unpricedCalls: number;
  batchCalls: number;
  models: ModelReplay[];
  perCall: Band;
  sessions?: SessionReplay;
  /** Subagents' (Claude Code sidechain) calls and their share of the cost (null when a price is missing). */
  sidechain?: { calls: number; costUsd: number | null; share: number | null };
  byDay?: GroupReplay[];
  byProject?: GroupReplay[];
  byBranch?: GroupReplay[];
  /** Each file read, with its format (when several were read). */
  files?: { source: string; format?: LogFormatId; lines: number; calls: number }[];
  /** `--against`: the workspace's predicted per-request overhead next to each session's first call. */
  against?: { workspace: string; runtimes: RuntimeComparison[]; note?: string };
  calibration: Calibration;
  problems: Problem[];
}

/** Prices a log that was read whole. */
export function replayUsageLog(log: UsageLog, lookup: ModelLookup): ReplayResult {
  const accumulator = new ReplayAccumulator(lookup);
  for (const call of log.calls) accumulator.add(call);
  return accumulator.finish(log.source, log.lines, log.skipped);
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
