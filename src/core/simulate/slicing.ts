// How a simulation run is cut into slices between yields to the event loop: fixed batches (the CLI), or slices sized
// to a time budget (the extension host, which shares its thread with other work and must stay responsive whether a
// session is one call or two hundred). Each batch of the plan consumes its random stream in session order, so slicing
// never changes a result.
import type { SessionRunner } from './batches';

/** Runs the next slice of one preset's sessions and returns how many ran. */
export type SliceRunner = (engine: SessionRunner) => number;
/** Makes the slice runner for one preset run. */
export type Slicing = () => SliceRunner;

export const DEFAULT_BATCH = 5000;
export const DEFAULT_SLICE_MS = 15;
const FIRST_SLICE = 100;
const MIN_SLICE = 10;
const MAX_SLICE = 50_000;

export function fixedSlices(batchSize: number = DEFAULT_BATCH): Slicing {
  const batch = Math.max(1, batchSize);
  return () => (engine) => engine.runBatch(batch);
}

/** Each slice runs as many sessions as fit in about `targetMs`, learned from the slices before it. */
export function timedSlices(targetMs: number = DEFAULT_SLICE_MS, now: () => number = () => performance.now()): Slicing {
  const target = Math.max(1, targetMs);
  return () => {
    // Each preset starts small again: a stress session can cost ten base sessions' time.
    let slice = FIRST_SLICE;
    return (engine) => {
      const started = now();
      const ran = engine.runBatch(slice);
      // Aim the next slice at the target, changing by at most ×2 either way so one slow slice (a GC) does not swing it.
      const elapsed = Math.max(0.05, now() - started);
      if (ran === slice)
        slice = Math.round(
          Math.min(MAX_SLICE, Math.max(MIN_SLICE, slice * Math.min(2, Math.max(0.5, target / elapsed)))),
        );
      return ran;
    };
  };
}
