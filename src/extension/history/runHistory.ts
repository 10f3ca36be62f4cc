// The host's side of the cost history worker: a fresh thread per request, ended when it answers, when its time
// budget is spent, or when it fails. The extension host's thread only waits.
import * as path from 'path';
import { Worker } from 'worker_threads';
import { err } from '../../core/result';
import type { HistoryRequest, HistoryResponse } from './historyProtocol';

const BUDGET_MS = 120_000;

export function runHistory(
  request: HistoryRequest,
  script = path.join(__dirname, 'historyWorker.js'),
): Promise<HistoryResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: request });
    let settled = false;
    const settle = (response: HistoryResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(response);
    };
    const timer = setTimeout(
      () => settle(err(`the history took longer than ${BUDGET_MS / 1000} s to read; it was stopped`)),
      BUDGET_MS,
    );
    worker.on('message', (response: HistoryResponse) => settle(response));
    worker.on('error', (error) => settle(err(error.message)));
    worker.on('exit', (code) => settle(err(`the history worker stopped (exit code ${code})`)));
  });
}
