// Timing helpers for the benchmark: medians of repeated runs in this process, and child processes for what must
// start cold.
import { spawnSync } from 'child_process';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds `run` takes, once. */
export function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Median milliseconds of `runs` calls, after `warmups` untimed ones. */
export function medianTime(run: () => void, runs: number, warmups = 1): number {
  for (let k = 0; k < warmups; k++) run();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) times.push(time(run));
  return median(times);
}

export interface ProcessTiming {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Wall-clock milliseconds of a child process from spawn to exit. */
export function timeProcess(args: string[], cwd: string): ProcessTiming {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { ms: performance.now() - start, status: result.status, stdout: result.stdout, stderr: result.stderr };
}
