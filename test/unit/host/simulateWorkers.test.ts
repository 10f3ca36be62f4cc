import * as assert from 'assert';
import { BATCH_SESSIONS } from '../../../src/core/simulate/batches';
import { fixed, lognormal } from '../../../src/core/simulate/distribution';
import { simulatePlan, type PlanOptions, type SimulationJob } from '../../../src/core/simulate/run';
import { scenarioWithDefaults, type Scenario } from '../../../src/core/simulate/scenario';
import { createWorkerPool } from '../../../src/host/simulate/workerPool';
import { HAIKU, SONNET, SUPPORT_CALLS } from '../simulate/cards';

const spec: Partial<Scenario> = {
  ...SUPPORT_CALLS,
  turns: fixed(2),
  routing: { rates: HAIKU, share: 0.4, per: 'call' },
  budget: { perSessionUsd: 0.05, perDayUsd: 50 },
};
const short = scenarioWithDefaults('short', SONNET, spec);
/** Heavy-tailed enough that an 'auto' run grows past one batch (its P99 is not known to ±1% at 20,000 sessions). */
const tailed = scenarioWithDefaults('tailed', SONNET, {
  ...spec,
  turns: lognormal(2, 12),
  maxTurns: 40,
  outputTokens: lognormal(200, 2000),
});
const jobs: SimulationJob[] = [
  { scenario: 'short', runs: [{ preset: 'base', description: '', scenario: short }] },
  { scenario: 'tailed', runs: [{ preset: 'base', description: '', scenario: tailed }] },
];

/** The report as JSON, and where its batches ran (without a pool: slice by slice in this thread). */
async function report(
  options: PlanOptions,
  workers?: number,
  script?: string,
): Promise<{ json: string; inWorkers: number; here: number }> {
  const pool = workers === undefined ? undefined : createWorkerPool({ workers, ...(script ? { script } : {}) });
  try {
    const outcome = await simulatePlan(jobs, { ...options, ...(pool ? { batches: pool.run } : {}) });
    assert.ok(outcome.ok);
    return { json: JSON.stringify(outcome.value), inWorkers: pool?.ran.inWorkers ?? 0, here: pool?.ran.here ?? 0 };
  } finally {
    await pool?.close();
  }
}

describe('simulate: worker pool', function () {
  this.timeout(120_000);

  it('gives the in-thread result, bit for bit, whatever the number of workers', async () => {
    const options: PlanOptions = { sessions: 2 * BATCH_SESSIONS + 5000, seed: 11 };
    const here = (await report(options)).json;
    for (const workers of [0, 2, 3]) {
      const pooled = await report(options, workers);
      assert.strictEqual(pooled.json, here, `${workers} workers`);
      // Each scenario is 3 batches: with workers they ran there, with none here.
      assert.deepStrictEqual([pooled.inWorkers, pooled.here], workers > 1 ? [6, 0] : [0, 6]);
    }
  });

  it("an 'auto' run grows past one batch the same way in workers as in this thread", async () => {
    const here = (await report({ sessions: 'auto', seed: 2 })).json;
    const simulated = (JSON.parse(here) as { scenarios: { runs: { sessionsSimulated: number }[] }[] }).scenarios.map(
      (s) => s.runs[0]!.sessionsSimulated,
    );
    assert.ok(simulated[1]! > BATCH_SESSIONS, `tailed ran ${simulated[1]} sessions`);
    const pooled = await report({ sessions: 'auto', seed: 2 }, 2);
    assert.strictEqual(pooled.json, here);
    assert.ok(pooled.inWorkers >= 2);
  });

  it('a worker that cannot start leaves its batches to this thread, with the same result', async () => {
    const options: PlanOptions = { sessions: BATCH_SESSIONS + 1000, seed: 4 };
    const fallback = await report(options, 2, '/nonexistent/simulateWorker.js');
    assert.strictEqual(fallback.json, (await report(options)).json);
    assert.deepStrictEqual([fallback.inWorkers, fallback.here], [0, 4]);
  });

  it('reports progress up to the sessions simulated, and stops when cancelled', async () => {
    const pool = createWorkerPool({ workers: 2 });
    try {
      const seen: number[] = [];
      const done = await simulatePlan(jobs.slice(0, 1), {
        sessions: 2 * BATCH_SESSIONS,
        seed: 1,
        batches: pool.run,
        onProgress: (p) => seen.push(p.done),
      });
      assert.ok(done.ok);
      assert.deepStrictEqual(seen, [BATCH_SESSIONS, 2 * BATCH_SESSIONS]);
      const controller = new AbortController();
      controller.abort();
      const cancelled = await simulatePlan(jobs, {
        sessions: 2 * BATCH_SESSIONS,
        seed: 1,
        batches: pool.run,
        signal: controller.signal,
      });
      assert.strictEqual(cancelled.ok, false);
    } finally {
      await pool.close();
    }
  });

  it('off the thread (the panel): a run of one batch goes to a worker too, with the same result', async () => {
    const options: PlanOptions = { sessions: 3000, seed: 9 };
    const pool = createWorkerPool({ workers: 1, offThread: true });
    try {
      const outcome = await simulatePlan(jobs, { ...options, batches: pool.run });
      assert.ok(outcome.ok);
      assert.strictEqual(JSON.stringify(outcome.value), (await report(options)).json);
      assert.deepStrictEqual(pool.ran, { inWorkers: 2, here: 0 });
    } finally {
      await pool.close();
    }
  });

  it('a cancelled run answers without waiting for the batch in flight, moves nothing here, and the pool runs on', async () => {
    // One batch of long sessions: far longer than the moment it is cancelled at.
    const long = scenarioWithDefaults('long', SONNET, { ...spec, turns: fixed(60), maxTurns: 60 });
    const plan: SimulationJob[] = [{ scenario: 'long', runs: [{ preset: 'base', description: '', scenario: long }] }];
    const pool = createWorkerPool({ workers: 1, offThread: true });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const cancelled = await simulatePlan(plan, {
        sessions: BATCH_SESSIONS,
        seed: 1,
        batches: pool.run,
        signal: controller.signal,
      });
      assert.strictEqual(cancelled.ok, false);
      assert.deepStrictEqual(pool.ran, { inWorkers: 0, here: 0 }, 'the batch in flight was dropped, not finished');
      const again = await simulatePlan(jobs.slice(0, 1), { sessions: 2000, seed: 3, batches: pool.run });
      assert.ok(again.ok);
      assert.strictEqual(pool.ran.inWorkers, 1);
    } finally {
      await pool.close();
    }
  });
});
