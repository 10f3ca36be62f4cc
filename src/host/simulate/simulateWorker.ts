// A worker thread of the simulation's pool: runs the batches it is sent, one at a time, and sends each result back
// with its arrays transferred (not copied) and without the scenario the pool already holds.
import { parentPort } from 'worker_threads';
import { simulateBatch } from '../../core/simulate/batches';
import type { BatchData, BatchReply, BatchRequest } from './protocol';

parentPort?.on('message', (request: BatchRequest) => {
  let reply: BatchReply;
  try {
    const raw: BatchData & { scenario?: unknown } = simulateBatch(request.job);
    delete raw.scenario;
    reply = { id: request.id, ok: true, raw };
  } catch (error) {
    // The engine reports bad input as values; an exception is a bug, which the pool answers by running the batch itself.
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply, reply.ok ? buffersOf(reply.raw) : []);
});

function buffersOf(raw: BatchData): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(raw))
    if (value instanceof Float64Array && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  return [...buffers];
}
