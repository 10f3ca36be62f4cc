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
    caching: 'prefix',
    cacheHitRate: 0,
    minutesBetweenTurns: fixed(1),
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
  ['tool-call requests shorter than final answers', { toolCallOutputTokens: fixed(40) }],
  [
    'tool-call outputs with summaries and retries',
    { toolCallOutputTokens: fixed(90), summarizeAfterTurns: 4, retryRate: 0.1, cacheHitRate: 0.5 },
  ],
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
      assert.ok(closed.ok, closed.ok ? '' : closed.error);
      const result = simulateScenario(scenario, { sessions: 50, seed: 3, shares: 'expected' });
      for (const value of [
        result.perSession.min,
        result.perSession.max,
        result.perSession.p50,
        result.perSession.p99,
        result.perSession.mean,
      ]) {
        assert.ok(close(value, closed.value.costUsd), `${value} vs ${closed.value.costUsd}`);
      }
      assert.ok(close(result.meanPerSession.inputTokens, closed.value.inputTokens));
      assert.ok(close(result.meanPerSession.calls, closed.value.calls));
      for (const component of result.components) {
        assert.ok(
          close(component.meanUsd, closed.value.components[component.id], 1e-9),
          `${component.id}: ${component.meanUsd} vs ${closed.value.components[component.id]}`,
        );
      }
    });
  }

  it('sampled shares equal the closed form exactly when every share is 0 or 1', () => {
    for (const fields of [
      { retryRate: 0.3, maxRetries: 0 },
      { cacheHitRate: 1 },
      { routing: { rates: HAIKU, share: 1, per: 'call' as const } },
      {},
    ]) {
      const scenario = base(fields);
      const closed = closedFormSession(scenario);
      assert.ok(closed.ok);
      const result = simulateScenario(scenario, { sessions: 20, seed: 5 });
      assert.ok(
        close(result.perSession.min, closed.value.costUsd) && close(result.perSession.max, closed.value.costUsd),
      );
    }
  });

  it('sampled shares average to the closed form (within 1% over 20,000 sessions)', () => {
    const scenario = base(CASES[CASES.length - 1]![1]);
    const closed = closedFormSession(scenario);
    assert.ok(closed.ok);
    const result = simulateScenario(scenario, { sessions: 20_000, seed: 11 });
    assert.ok(
      Math.abs(result.perSession.mean / closed.value.costUsd - 1) < 0.01,
      `${result.perSession.mean} vs ${closed.value.costUsd}`,
    );
    // …while sessions now differ from one another.
    assert.ok(result.perSession.max > result.perSession.min * 1.2);
  });

  it('prefix caching: the first call writes the prefix, later calls read it when the entry is live, or write it again', () => {
    // Two turns of one call each; 1,000-token prefix; 100 user tokens per turn; no output.
    const scenario = scenarioWithDefaults('cache', SONNET, {
      caching: 'prefix',
      systemPromptTokens: 1100,
      turns: fixed(2),
      userTokens: fixed(100),
      outputTokens: fixed(0),
      minutesBetweenTurns: fixed(2),
    });
    const at = (fields: Partial<Scenario>) => {
      const closed = closedFormSession({ ...scenario, ...fields });
      assert.ok(closed.ok, closed.ok ? '' : closed.error);
      const engine = simulateScenario({ ...scenario, ...fields }, { sessions: 5, seed: 1, shares: 'expected' });
      assert.ok(
        close(engine.perSession.mean, closed.value.costUsd),
        `${engine.perSession.mean} vs ${closed.value.costUsd}`,
      );
      return closed.value;
    };
    // Call 1 writes 1,100 at $3.75; call 2 reads them at $0.30; user tokens 100 + 200 (history) at $3.
    const live = at({ cacheHitRate: 1 });
    assert.ok(close(live.components.cacheWrites, (1100 * 3.75) / 1e6));
    assert.ok(close(live.components.system, (1100 * 0.3) / 1e6));
    assert.ok(close(live.costUsd, (1100 * 3.75 + 1100 * 0.3 + 300 * 3) / 1e6));
    // Ten minutes between turns: the 5-minute entry has expired, so call 2 writes again.
    const expired = at({ cacheHitRate: 1, minutesBetweenTurns: fixed(10) });
    assert.ok(close(expired.components.cacheWrites, (2 * 1100 * 3.75) / 1e6));
    // …unless the 1-hour lifetime was asked for, whose writes cost 2× input.
    const hour = at({ cacheHitRate: 1, minutesBetweenTurns: fixed(10), cacheTtl: '1h' });
    assert.ok(close(hour.costUsd, (1100 * 6 + 1100 * 0.3 + 300 * 3) / 1e6));
    // Half the lookups hit: call 2 is half a read and half a write.
    const half = at({ cacheHitRate: 0.5 });
    assert.ok(close(half.components.cacheWrites, (1.5 * 1100 * 3.75) / 1e6));
    // Under Sonnet 4.5's 1,024-token minimum nothing is cached: all plain input.
    const short = at({ cacheHitRate: 1, systemPromptTokens: 1000 });
    assert.ok(close(short.costUsd, (2000 * 3 + 300 * 3) / 1e6));
  });

  it('prefix caching on OpenAI: no write fee, reads in 128-token steps', () => {
    const scenario = scenarioWithDefaults('openai', GPT4O, {
      caching: 'prefix',
      systemPromptTokens: 2000,
      turns: fixed(2),
      userTokens: fixed(0),
      outputTokens: fixed(0),
      cacheHitRate: 1,
      minutesBetweenTurns: fixed(1),
    });
    const closed = closedFormSession(scenario);
    assert.ok(closed.ok);
    assert.strictEqual(closed.value.components.cacheWrites, 0);
    // Call 1: 2,000 at $2.50. Call 2: 1,920 (15 × 128) read at $1.25 and 80 at $2.50.
    assert.ok(close(closed.value.components.system, (2000 * 2.5 + 1920 * 1.25 + 80 * 2.5) / 1e6));
    const result = simulateScenario(scenario, { sessions: 10, seed: 1, shares: 'expected' });
    assert.strictEqual(result.components.find((c) => c.id === 'cacheWrites')!.meanUsd, 0);
    assert.ok(close(result.perSession.mean, closed.value.costUsd));
  });

  it('routing arithmetic: the cheap model takes its share of each call', () => {
    const scenario = scenarioWithDefaults('route', SONNET, {
      caching: 'off',
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
