// Messages between the simulation's worker pool (workerPool.ts) and its worker threads (simulateWorker.ts).
import type { BatchJob } from '../../core/simulate/batches';
import type { RawRun } from '../../core/simulate/engine';

/** A batch's result without its scenario (the pool holds it already; no need to clone it back). */
export type BatchData = Omit<RawRun, 'scenario'>;

export interface BatchRequest {
  id: number;
  job: BatchJob;
}

export type BatchReply = { id: number; ok: true; raw: BatchData } | { id: number; ok: false; message: string };
