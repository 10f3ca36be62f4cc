// The batch plan: a run's sessions are cut into batches of BATCH_SESSIONS, and batch k draws from its own random
// stream, seeded batchSeed(seed, k). A batch's result depends on the scenario, the seed, k and its size only, so
// batches can run anywhere (this thread, worker threads, in any order) and, folded in batch order by mergeRuns(), give
// the same bits whatever ran them. Batch 0 uses the run's own seed: a run of up to BATCH_SESSIONS sessions draws the
// stream it drew before batches existed.
import { SessionEngine, type RawRun, type SharesMode } from './engine';
import { mergeRuns } from './merge';
import type { Scenario } from './scenario';

/** Sessions per batch: enough that a batch is worth a worker's message, few enough to spread 100,000 over cores. */
export const BATCH_SESSIONS = 50_000;

/** The seed of batch k's stream: the run's seed for batch 0, a splitmix32 mix of seed and k for the others. */
export function batchSeed(seed: number, batch: number): number {
  if (batch === 0) return seed >>> 0;
  let z = (seed ^ Math.imul(batch, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Sessions in each batch of a run of `sessions`: full batches, then the rest. */
export function batchSizes(sessions: number): number[] {
  const total = Math.max(0, Math.floor(sessions));
  const sizes: number[] = [];
  for (let start = 0; start < total; start += BATCH_SESSIONS) sizes.push(Math.min(BATCH_SESSIONS, total - start));
  return sizes;
}

/** One batch of one run: what a worker is sent. Plain data (structured-cloneable). */
export interface BatchJob {
  scenario: Scenario;
  seed: number;
  shares: SharesMode;
  batch: number;
  sessions: number;
}

/** Runs one batch from scratch; pure. The result carries the run's seed, so it merges with the run's other batches. */
export function simulateBatch(job: BatchJob): RawRun {
  const engine = new SessionEngine(job.scenario, {
    sessions: job.sessions,
    seed: batchSeed(job.seed, job.batch),
    shares: job.shares,
  });
  engine.runBatch(job.sessions);
  return { ...engine.raw(), seed: job.seed };
}

/**
 * Runs whole batches elsewhere (the CLI's worker threads): resolves to their results in the order of `jobs`, calling
 * `onDone` with a job's index as it finishes; stops early (resolving undefined) when `signal` aborts.
 */
export type BatchRunner = (
  jobs: readonly BatchJob[],
  options: { signal?: AbortSignal; onDone?: (index: number) => void },
) => Promise<RawRun[] | undefined>;

/** What the slice loops drive: a run that simulates its sessions a few at a time. */
export interface SessionRunner {
  readonly sessionsDone: number;
  readonly sessionsTotal: number;
  readonly finished: boolean;
  /** Calls billed so far per session simulated (retries included). */
  readonly callsPerSession: number;
  /** Simulates up to `count` more sessions; returns how many it ran. */
  runBatch(count: number): number;
  /** Raises the session count; the sessions already simulated are kept. */
  extendTo(total: number): void;
  /** The run so far. */
  raw(): RawRun;
}

/**
 * The batch plan run in this thread, a slice at a time: one engine per batch, each finished batch folded into the
 * sessions before it. Gives the same result as simulateBatch() over every batch folded with mergeRuns().
 */
export class BatchedRun implements SessionRunner {
  private readonly scenario: Scenario;
  private readonly seed: number;
  private readonly shares: SharesMode | undefined;
  private total: number;
  /** Every session's cost so far: the finished batches', then the current one's (copied in by raw()). */
  private costs: Float64Array;
  /** The finished batches, folded; undefined before the first finishes. */
  private committed: RawRun | undefined;
  private committedSessions = 0;
  private batch = 0;
  private engine: SessionEngine;

  constructor(scenario: Scenario, options: { sessions: number; seed: number; shares?: SharesMode }) {
    this.scenario = scenario;
    this.seed = options.seed;
    this.shares = options.shares;
    this.total = Math.max(0, Math.floor(options.sessions));
    this.costs = new Float64Array(this.total);
    this.engine = this.engineFor(0);
  }

  get sessionsDone(): number {
    return this.committedSessions + this.engine.sessionsDone;
  }

  get sessionsTotal(): number {
    return this.total;
  }

  get finished(): boolean {
    return this.sessionsDone >= this.total;
  }

  get callsPerSession(): number {
    const done = this.sessionsDone;
    return done > 0 ? ((this.committed?.calls ?? 0) + this.engine.callsBilled) / done : 0;
  }

  runBatch(count: number): number {
    let left = Math.max(0, Math.floor(count));
    let ran = 0;
    while (left > 0 && !this.finished) {
      if (this.engine.finished) this.nextBatch();
      const n = this.engine.runBatch(left);
      ran += n;
      left -= n;
    }
    return ran;
  }

  extendTo(total: number): void {
    const wanted = Math.floor(total);
    if (!(wanted > this.total)) return;
    const costs = new Float64Array(wanted);
    costs.set(this.costs.subarray(0, this.committedSessions));
    this.costs = costs;
    this.total = wanted;
    this.engine.extendTo(Math.min(BATCH_SESSIONS, wanted - this.committedSessions));
  }

  raw(): RawRun {
    const current = this.engine.raw();
    const own = { ...current, seed: this.seed };
    if (!this.committed) return own;
    this.costs.set(current.costs, this.committedSessions);
    return mergeRuns(this.committed, own, this.costs.subarray(0, this.committedSessions + current.sessions));
  }

  /** Folds the finished batch into the committed run (its costs into `costs`) and starts the next one. */
  private nextBatch(): void {
    const finished = this.raw();
    this.costs.set(finished.costs.subarray(this.committedSessions), this.committedSessions);
    // The committed run's costs live in `costs` (mergeRuns is handed them), so it keeps none of its own.
    this.committed = { ...finished, costs: new Float64Array(0) };
    this.committedSessions = finished.sessions;
    this.batch++;
    this.engine = this.engineFor(this.batch);
  }

  private engineFor(batch: number): SessionEngine {
    const sessions = Math.min(BATCH_SESSIONS, this.total - batch * BATCH_SESSIONS);
    return new SessionEngine(this.scenario, {
      sessions: Math.max(0, sessions),
      seed: batchSeed(this.seed, batch),
      ...(this.shares ? { shares: this.shares } : {}),
    });
  }
}
