// The simulation's worker threads: a pool that runs the batch plan's batches (core/simulate/batches.ts) in parallel
// and hands them back in the order asked, so the result is the same for any number of workers — and the same as a run
// in this thread. A worker that cannot start or fails is dropped and its batch runs here instead.
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { simulateBatch, type BatchJob, type BatchRunner } from '../../core/simulate/batches';
import type { RawRun } from '../../core/simulate/engine';
import type { BatchReply, BatchRequest } from './protocol';

export interface WorkerPool {
  /** Workers it may start (0: every batch runs in this thread). */
  readonly size: number;
  run: BatchRunner;
  /** Batches run so far in worker threads and in this thread (a fallback shows here). */
  readonly ran: { inWorkers: number; here: number };
  /** Ends the workers; the pool starts new ones if run again. */
  close(): Promise<void>;
}

/** One worker per core the process may use. */
export function defaultWorkerCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

interface Slot {
  worker: Worker;
  /** The job index it runs, or -1 when idle. */
  busy: number;
  /** The current run's listeners, removed when it ends. */
  off: () => void;
  /** Set when the thread ended between runs. */
  dead: boolean;
}

export interface WorkerPoolOptions {
  workers: number;
  script?: string;
  /**
   * Every batch in a worker, even a run of one batch (the CLI runs that one here: a thread would only add its start).
   * The editor's panel sets it: a batch run on the extension host would hold every other extension while it runs.
   */
  offThread?: boolean;
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const size = Math.max(0, Math.floor(options.workers));
  const minWorkers = options.offThread ? 1 : 2;
  const script = options.script ?? path.join(__dirname, 'simulateWorker.js');
  let slots: Slot[] = [];
  let nextId = 0;
  const ran = { inWorkers: 0, here: 0 };
  const here = (job: BatchJob): RawRun => {
    ran.here++;
    return simulateBatch(job);
  };

  const runHere: BatchRunner = async (jobs, { signal, onDone }) => {
    const results: RawRun[] = [];
    for (let i = 0; i < jobs.length; i++) {
      if (signal?.aborted) return undefined;
      results.push(here(jobs[i]!));
      onDone?.(i);
      if (i + 1 < jobs.length) await new Promise((resolve) => setImmediate(resolve));
    }
    return results;
  };

  const run: BatchRunner = (jobs, runOptions) => {
    if (size < minWorkers || jobs.length < minWorkers) return runHere(jobs, runOptions);
    if (runOptions.signal?.aborted) return Promise.resolve(undefined);
    return new Promise<RawRun[] | undefined>((resolve) => {
      const results: (RawRun | undefined)[] = new Array(jobs.length);
      let next = 0;
      let finished = 0;
      let settled = false;
      const requestJob = new Map<number, number>();
      const settle = (value: RawRun[] | undefined) => {
        if (settled) return;
        settled = true;
        for (const slot of slots) slot.off();
        runOptions.signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      // Cancelled: answer at once and end the threads that are mid-batch (listeners off first, so no batch moves
      // here); idle ones stay for the next run, which a lever moved in the panel starts at once.
      const onAbort = () => {
        settle(undefined);
        const busy = slots.filter((slot) => slot.busy >= 0);
        slots = slots.filter((slot) => slot.busy < 0);
        for (const slot of busy) void slot.worker.terminate();
      };
      runOptions.signal?.addEventListener('abort', onAbort);
      const complete = (index: number, raw: RawRun) => {
        results[index] = raw;
        finished++;
        runOptions.onDone?.(index);
        if (finished === jobs.length) settle(results as RawRun[]);
      };
      const feed = (slot: Slot) => {
        if (settled || next >= jobs.length) {
          slot.busy = -1;
          // An idle worker does not keep the process alive.
          slot.worker.unref();
          return;
        }
        const index = next++;
        const id = nextId++;
        slot.busy = index;
        slot.worker.ref();
        requestJob.set(id, index);
        slot.worker.postMessage({ id, job: jobs[index]! } satisfies BatchRequest);
      };
      const drop = (slot: Slot) => {
        if (!slots.includes(slot)) return;
        slots = slots.filter((s) => s !== slot);
        void slot.worker.terminate();
        // Its batch runs here: the same function the worker would have run, so the same result.
        if (slot.busy >= 0 && !settled) complete(slot.busy, here(jobs[slot.busy]!));
        if (!settled && slots.length === 0) {
          // No worker left: the rest run here.
          while (next < jobs.length && !settled) {
            const index = next++;
            complete(index, here(jobs[index]!));
          }
        }
      };
      const listen = (slot: Slot) => {
        const onMessage = (reply: BatchReply) => {
          const index = requestJob.get(reply.id);
          if (index === undefined) return;
          requestJob.delete(reply.id);
          const job = jobs[index]!;
          if (reply.ok) ran.inWorkers++;
          complete(index, reply.ok ? { ...reply.raw, scenario: job.scenario } : here(job));
          feed(slot);
        };
        const onFailure = () => drop(slot);
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onFailure);
        slot.worker.on('exit', onFailure);
        slot.off = () => {
          slot.worker.off('message', onMessage);
          slot.worker.off('error', onFailure);
          slot.worker.off('exit', onFailure);
        };
      };
      slots = slots.filter((slot) => !slot.dead);
      while (slots.length < Math.min(size, jobs.length)) {
        const slot = spawn(script);
        if (!slot) break;
        slots.push(slot);
      }
      if (slots.length === 0) {
        void runHere(jobs, runOptions).then(settle);
        return;
      }
      for (const slot of slots) {
        listen(slot);
        feed(slot);
      }
    });
  };

  const closeAll = async () => {
    const ending = slots;
    slots = [];
    for (const slot of ending) slot.off();
    await Promise.all(ending.map((slot) => slot.worker.terminate()));
  };

  return { size, run, ran, close: closeAll };
}

function spawn(script: string): Slot | undefined {
  try {
    const worker = new Worker(script);
    const slot: Slot = { worker, busy: -1, off: () => undefined, dead: false };
    // A worker that fails between runs is never an uncaught error; the next run leaves it out.
    worker.on('error', () => undefined);
    worker.once('exit', () => (slot.dead = true));
    worker.unref();
    return slot;
  } catch {
    return undefined;
  }
}
