import * as assert from 'assert';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { fixed } from '../../../src/core/simulate/distribution';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults, type Scenario } from '../../../src/core/simulate/scenario';
import { close, GPT4O, HAIKU, SONNET } from './cards';

const base = (fields: Partial<Scenario>): Scenario =>
  scenarioWithDefaults('fixed', SONNET, {
    systemPromptTokens: 1800,
    toolDefinitionTokens: 700,
    turns: fixed(12),
    userTokens: fixed(60),
    outputTokens: fixed(220),
    toolCallsPerTurn: fixed(2),
    toolResultTokens: fixed(900),
    ...fields,
  });

const CASES: [string, Partial<Scenario>][] = [
  ['no caching, retries or routing', {}],
  ['retries', { retryRate: 0.15 }],
  ['caching (hits read, misses write)', { cacheHitRate: 0.6 }],
  ['routing by call', { routing: { rates: HAIKU, share: 0.7, per: 'call' } }],
  ['routing by session', { routing: { rates: HAIKU, share: 0.25, per: 'session' } }],
  ['summarising every 5 turns', { summarizeAfterTurns: 5, summaryTokens: 400 }],
  ['summarising on the last turn boundary', { turns: fixed(10), summarizeAfterTurns: 5 }],
  ['no tool calls', { toolCallsPerTurn: fixed(0) }],
  ['a single turn', { turns: fixed(1) }],
  [
    'everything at once, on a model without a cache-write premium',
    {
      rates: GPT4O,
      retryRate: 0.2,
      cacheHitRate: 0.35,
      routing: { rates: HAIKU, share: 0.6, per: 'call' },
      summarizeAfterTurns: 4,
      summaryTokens: 300,
    },
  ],
];

describe('simulate: engine against the closed form (every distribution fixed)', () => {
  for (const [name, fields] of CASES) {
    it(`${name}: each session costs exactly the closed form`, () => {
      const scenario = base(fields);
      const closed = closedFormSession(scenario);
      assert.ok(closed.ok, closed.ok ? '' : closed.message);
      const result = simulateScenario(scenario, { sessions: 50, seed: 3, shares: 'expected' });
      for (const value of [result.perSession.min, result.perSession.max, result.perSession.p50, result.perSession.p99, result.perSession.mean]) {
        assert.ok(close(value, closed.value.costUsd), `${value} vs ${closed.value.costUsd}`);
      }
      assert.ok(close(result.meanPerSession.inputTokens, closed.value.inputTokens));
      assert.ok(close(result.meanPerSession.calls, closed.value.calls));
      for (const component of result.components) {
        assert.ok(close(component.meanUsd, closed.value.components[component.id], 1e-9), `${component.id}: ${component.meanUsd} vs ${closed.value.components[component.id]}`);
      }
    });
  }

  it('sampled shares equal the closed form exactly when every share is 0 or 1', () => {
    for (const fields of [{ retryRate: 1 }, { cacheHitRate: 1 }, { routing: { rates: HAIKU, share: 1, per: 'call' as const } }, {}]) {
      const scenario = base(fields);
      const closed = closedFormSession(scenario);
      assert.ok(closed.ok);
      const result = simulateScenario(scenario, { sessions: 20, seed: 5 });
      assert.ok(close(result.perSession.min, closed.value.costUsd) && close(result.perSession.max, closed.value.costUsd));
    }
  });

  it('sampled shares average to the closed form (within 1% over 20,000 sessions)', () => {
    const scenario = base(CASES[CASES.length - 1]![1]);
    const closed = closedFormSession(scenario);
    assert.ok(closed.ok);
    const result = simulateScenario(scenario, { sessions: 20_000, seed: 11 });
    assert.ok(Math.abs(result.perSession.mean / closed.value.costUsd - 1) < 0.01, `${result.perSession.mean} vs ${closed.value.costUsd}`);
    // …while sessions now differ from one another.
    assert.ok(result.perSession.max > result.perSession.min * 1.2);
  });

  it('caching arithmetic: a hit reads the prefix at the cache-read rate, a miss writes it', () => {
    const scenario = scenarioWithDefaults('cache', SONNET, { systemPromptTokens: 1000, turns: fixed(1), userTokens: fixed(100), outputTokens: fixed(0) });
    const at = (cacheHitRate: number) => {
      const closed = closedFormSession({ ...scenario, cacheHitRate });
      assert.ok(closed.ok);
      return closed.value;
    };
    assert.ok(close(at(0).costUsd, (1000 * 3 + 100 * 3) / 1e6)); // no caching: plain input
    assert.ok(close(at(1).costUsd, (1000 * 0.3 + 100 * 3) / 1e6)); // every call reads
    const mixed = at(0.6); // 60% read at $0.30, 40% written at $3.75
    assert.ok(close(mixed.components.system, (600 * 0.3) / 1e6));
    assert.ok(close(mixed.components.cacheWrites, (400 * 3.75) / 1e6));
    assert.ok(close(mixed.costUsd, (600 * 0.3 + 400 * 3.75 + 100 * 3) / 1e6));
  });

  it('caching on a provider without a write price (OpenAI): a miss is plain input, not a cache write', () => {
    const scenario = scenarioWithDefaults('openai', GPT4O, { systemPromptTokens: 2000, turns: fixed(1), userTokens: fixed(0), outputTokens: fixed(0), cacheHitRate: 0.5 });
    const closed = closedFormSession(scenario);
    assert.ok(closed.ok);
    assert.strictEqual(closed.value.components.cacheWrites, 0);
    assert.ok(close(closed.value.components.system, (1000 * 1.25 + 1000 * 2.5) / 1e6));
    const result = simulateScenario(scenario, { sessions: 10, seed: 1, shares: 'expected' });
    assert.strictEqual(result.components.find((c) => c.id === 'cacheWrites')!.meanUsd, 0);
  });

  it('routing arithmetic: the cheap model takes its share of each call', () => {
    const scenario = scenarioWithDefaults('route', SONNET, {
      turns: fixed(1),
      userTokens: fixed(1000),
      outputTokens: fixed(100),
      routing: { rates: HAIKU, share: 0.6, per: 'call' },
    });
    const closed = closedFormSession(scenario);
    assert.ok(closed.ok);
    // Sonnet 1000 × $3 + 100 × $15 = $0.0045; Haiku 1000 × $1 + 100 × $5 = $0.0015; 40/60 → $0.0027.
    assert.ok(close(closed.value.costUsd, 0.0027));
    const result = simulateScenario(scenario, { sessions: 10, seed: 1, shares: 'expected' });
    assert.ok(close(result.perSession.mean, 0.0027));
  });

  it('refuses scenarios it cannot state in closed form', () => {
    assert.strictEqual(closedFormSession(base({ turns: { kind: 'lognormal', p50: 4, p90: 9 } })).ok, false);
    assert.strictEqual(closedFormSession(base({ toolCallsPerTurn: fixed(1.5) })).ok, false);
  });
});
