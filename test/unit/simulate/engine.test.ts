import * as assert from 'assert';
import { fixed, lognormal } from '../../../src/core/simulate/distribution';
import { SessionEngine } from '../../../src/core/simulate/engine';
import { simulateInBatches, simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults, type Scenario } from '../../../src/core/simulate/scenario';
import { summarizeRun } from '../../../src/core/simulate/summarize';
import { card, close, HAIKU, SIMPLE, SONNET, SUPPORT_CALLS } from './cards';

const support: Scenario = scenarioWithDefaults('support-agent', SONNET, {
  ...SUPPORT_CALLS,
  sessionsPerDay: fixed(50_000),
  turns: lognormal(4, 9),
  summarizeAfterTurns: 8,
  routing: { rates: HAIKU, share: 0.6, per: 'call' },
  budget: { perSessionUsd: 0.5, perDayUsd: 8000 },
});

describe('simulate: engine', () => {
  it('the same seed gives identical output; another seed does not', () => {
    const a = simulateScenario(support, { sessions: 5000, seed: 17 });
    const b = simulateScenario(support, { sessions: 5000, seed: 17 });
    const c = simulateScenario(support, { sessions: 5000, seed: 18 });
    assert.deepStrictEqual(JSON.stringify(a), JSON.stringify(b));
    assert.notStrictEqual(a.perSession.p50, c.perSession.p50);
  });

  it('batch size never changes a result', async () => {
    const whole = simulateScenario(support, { sessions: 3000, seed: 4 });
    for (const batchSize of [1, 7, 1000]) {
      const batches = simulateInBatches(support, { sessions: 3000, seed: 4, batchSize });
      let step = await batches.next();
      let progressCalls = 0;
      while (!step.done) {
        progressCalls++;
        assert.ok(step.value.done <= step.value.total);
        step = await batches.next();
      }
      assert.strictEqual(progressCalls, Math.ceil(3000 / batchSize));
      assert.deepStrictEqual(JSON.stringify(step.value), JSON.stringify(whole));
    }
  });

  it('components add up to the total, per session', () => {
    const result = simulateScenario(support, { sessions: 4000, seed: 2 });
    const sum = result.components.reduce((s, c) => s + c.meanUsd, 0);
    assert.ok(close(sum, result.perSession.mean, 1e-9));
    assert.ok(
      close(
        result.components.reduce((s, c) => s + c.share, 0),
        1,
        1e-9,
      ),
    );
    for (const id of ['system', 'history', 'toolResults', 'output', 'retries', 'cacheWrites', 'userInput']) {
      assert.ok(result.components.find((c) => c.id === id)!.meanUsd > 0, id);
    }
    // Attempts fail 15% of the time, geometrically (0.15 + 0.15² + 0.15³ = 0.176 failed attempts a call); a failed
    // attempt costs less than its call, because the next one reads from the cache what it wrote.
    const retries = result.components.find((c) => c.id === 'retries')!.meanUsd;
    const ratio = retries / (result.perSession.mean - retries);
    assert.ok(ratio > 0.05 && ratio < 0.176, String(ratio));
  });

  it('percentiles are ordered and the tail is right-skewed', () => {
    const r = simulateScenario(support, { sessions: 20_000, seed: 8 });
    const s = r.perSession;
    assert.ok(s.min <= s.p50 && s.p50 < s.p90 && s.p90 < s.p99 && s.p99 <= s.max);
    assert.ok(s.mean > s.p50, 'log-normal turns and tokens: mean above median');
    assert.strictEqual(r.histogram.counts.reduce((a, b) => a + b, 0) + r.histogram.overflow, 20_000);
  });

  it('per-session percentiles of a known distribution: P50/P90 within 2%, P99 within 4%, mean within 2% (100,000 sessions)', () => {
    // One call of log-normal input (p50 1,000, p90 3,000) at $1/M and no output: cost = tokens / 1e6.
    const scenario = scenarioWithDefaults('known', SIMPLE, {
      turns: fixed(1),
      userTokens: lognormal(1000, 3000),
      outputTokens: fixed(0),
    });
    const r = simulateScenario(scenario, { sessions: 100_000, seed: 12 });
    const sigma = Math.log(3) / 1.2815516;
    const within = (actual: number, expected: number, tolerance: number) =>
      assert.ok(Math.abs(actual / expected - 1) < tolerance, `${actual} vs ${expected} (±${tolerance * 100}%)`);
    within(r.perSession.p50, 1000e-6, 0.02);
    within(r.perSession.p90, 3000e-6, 0.02);
    within(r.perSession.p99, 1000e-6 * Math.exp(2.3263479 * sigma), 0.04);
    within(r.perSession.mean, 1000e-6 * Math.exp((sigma * sigma) / 2), 0.02);
  });

  it('cost per turn grows with the carried history', () => {
    const r = simulateScenario({ ...support, turns: fixed(8), routing: undefined }, { sessions: 2000, seed: 3 });
    assert.strictEqual(r.perTurn.length, 8);
    for (let i = 1; i < r.perTurn.length; i++) {
      assert.ok(r.perTurn[i]!.meanFirstCallInputTokens > r.perTurn[i - 1]!.meanFirstCallInputTokens);
      assert.ok(r.perTurn[i]!.meanCostUsd > r.perTurn[i - 1]!.meanCostUsd);
    }
    assert.ok(r.perTurn.every((t) => t.reachedShare === 1));
  });

  it('routing a whole session makes per-session costs bimodal', () => {
    const scenario = scenarioWithDefaults('routed', SONNET, {
      turns: fixed(1),
      userTokens: fixed(1000),
      outputTokens: fixed(100),
      routing: { rates: HAIKU, share: 0.6, per: 'session' },
    });
    const r = simulateScenario(scenario, { sessions: 10_000, seed: 1 });
    assert.ok(close(r.perSession.p50, 0.0015)); // a Haiku session
    assert.ok(close(r.perSession.p90, 0.0045)); // a Sonnet session
    assert.ok(Math.abs(r.perSession.mean / 0.0027 - 1) < 0.02);
  });

  it('bills a call above the long-context threshold at the tier rates, per call', () => {
    const tiered = card('tiered', 3, 15, {
      longContext: { aboveInputTokens: 200_000, inputPerMTok: 6, outputPerMTok: 22.5 },
    });
    // Call 1: 150,000 in (base rates); call 2: 150,000 + 0 output + 100,000 user = 250,000 in (tier).
    const scenario = scenarioWithDefaults('long', tiered, {
      systemPromptTokens: 50_000,
      turns: fixed(2),
      userTokens: fixed(100_000),
      outputTokens: fixed(0),
    });
    const r = simulateScenario(scenario, { sessions: 1, seed: 1 });
    assert.ok(close(r.perSession.mean, (150_000 * 3 + 250_000 * 6) / 1e6));
  });

  it('counts sessions that would overflow the context window', () => {
    const small = card('small', 1, 1, { contextWindow: 5000 });
    const r = simulateScenario(
      scenarioWithDefaults('ctx', small, { turns: fixed(30), userTokens: fixed(100), outputTokens: fixed(100) }),
      {
        sessions: 10,
        seed: 1,
      },
    );
    assert.strictEqual(r.overContextWindow.sessions, 10);
    assert.ok(r.notes.some((n) => /context window/.test(n)));
  });

  it('caps turns at maxTurns and tool calls at maxToolCallsPerTurn', () => {
    const r = simulateScenario(
      scenarioWithDefaults('cap', SIMPLE, {
        turns: lognormal(40, 400),
        maxTurns: 12,
        toolCallsPerTurn: lognormal(10, 100),
        maxToolCallsPerTurn: 3,
      }),
      { sessions: 500, seed: 1 },
    );
    assert.ok(r.perTurn.length <= 12);
    assert.ok(r.meanPerSession.calls <= 12 * 4);
  });

  it('reports partial progress from the engine without finishing', () => {
    const engine = new SessionEngine(support, { sessions: 100, seed: 1 });
    assert.strictEqual(engine.runBatch(30), 30);
    assert.strictEqual(engine.finished, false);
    const partial = summarizeRun(engine.raw());
    assert.strictEqual(partial.sessionsSimulated, 30);
    assert.strictEqual(engine.runBatch(1000), 70);
    assert.strictEqual(engine.finished, true);
  });
});
