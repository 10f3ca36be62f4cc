import * as assert from 'assert';
import { BATCH_SESSIONS, BatchedRun, batchSeed, batchSizes, simulateBatch } from '../../../src/core/simulate/batches';
import { fixed } from '../../../src/core/simulate/distribution';
import { SessionEngine, type RawRun } from '../../../src/core/simulate/engine';
import { mergeRuns } from '../../../src/core/simulate/merge';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { HAIKU, SONNET, SUPPORT_CALLS } from './cards';

/** Two turns of two calls: cheap to run past several batches, with caching, routing and retries all drawn. */
const short = scenarioWithDefaults('short', SONNET, {
  ...SUPPORT_CALLS,
  turns: fixed(2),
  routing: { rates: HAIKU, share: 0.4, per: 'call' },
  budget: { perCallUsd: 0.01 },
});

/** Every figure of a raw run, bit for bit (Float64Array bytes), scenario aside. */
function fingerprint(raw: RawRun): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'scenario') continue;
    parts.push(
      `${key}=${value instanceof Float64Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') : String(value)}`,
    );
  }
  return parts.join(';');
}

describe('simulate: batch plan', () => {
  it('cuts a run into full batches and the rest', () => {
    assert.deepStrictEqual(batchSizes(0), []);
    assert.deepStrictEqual(batchSizes(BATCH_SESSIONS), [BATCH_SESSIONS]);
    assert.deepStrictEqual(batchSizes(2 * BATCH_SESSIONS + 7), [BATCH_SESSIONS, BATCH_SESSIONS, 7]);
  });

  it("batch 0 draws the run's own stream; later batches draw streams of their own", () => {
    assert.strictEqual(batchSeed(12345, 0), 12345);
    const seeds = new Set([0, 1, 2, 3, 4, 5].map((k) => batchSeed(12345, k)));
    assert.strictEqual(seeds.size, 6);
    assert.notStrictEqual(batchSeed(1, 1), batchSeed(2, 1));
  });

  it('a run of up to one batch is the plain engine run, bit for bit', () => {
    const engine = new SessionEngine(short, { sessions: 3000, seed: 9 });
    engine.runBatch(3000);
    const batched = new BatchedRun(short, { sessions: 3000, seed: 9 });
    batched.runBatch(1234);
    batched.runBatch(1e9);
    assert.strictEqual(fingerprint(batched.raw()), fingerprint(engine.raw()));
  });

  it('in this thread, slice by slice, equals every batch run on its own and folded in order', () => {
    const sessions = 2 * BATCH_SESSIONS + 20_000;
    const batched = new BatchedRun(short, { sessions, seed: 5 });
    // Slices that straddle batch boundaries.
    for (const slice of [1, 49_999, 3, 70_000, 1e9]) batched.runBatch(slice);
    assert.strictEqual(batched.sessionsDone, sessions);
    const parts = batchSizes(sessions).map((size, batch) =>
      simulateBatch({ scenario: short, seed: 5, shares: 'sampled', batch, sessions: size }),
    );
    const folded = parts.slice(1).reduce((run, part) => mergeRuns(run, part), parts[0]!);
    assert.strictEqual(fingerprint(batched.raw()), fingerprint(folded));
    // Batches are not one stream: the second batch does not repeat the first.
    assert.notDeepStrictEqual(parts[1]!.costs.subarray(0, 100), parts[0]!.costs.subarray(0, 100));
  });

  it('extending a run mid-batch continues its streams: the same as running the larger count at once', () => {
    const grown = new BatchedRun(short, { sessions: 20_000, seed: 3 });
    grown.runBatch(1e9);
    grown.extendTo(BATCH_SESSIONS + 10_000);
    grown.runBatch(1e9);
    const whole = new BatchedRun(short, { sessions: BATCH_SESSIONS + 10_000, seed: 3 });
    whole.runBatch(1e9);
    assert.strictEqual(fingerprint(grown.raw()), fingerprint(whole.raw()));
    assert.strictEqual(grown.callsPerSession, whole.raw().calls / whole.raw().sessions);
  });
});
