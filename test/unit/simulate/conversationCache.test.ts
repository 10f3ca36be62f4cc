import * as assert from 'assert';
import { fixed } from '../../../src/core/simulate/distribution';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults, type Scenario } from '../../../src/core/simulate/scenario';
import { close, GPT4O, SONNET } from './cards';

// Two turns of two calls each (one tool call a turn): user 100, every output 50, tool result 300. Per call, by hand:
// turn 1: call 1 input P + 100; call 2 adds the tool request and result (+350). Turn 2: call 3 = call 2's input + 100
// (the new message) + 50 (the reply that ended turn 1); call 4 adds +350 again.
function twoTurns(rates: Scenario['rates'], fields: Partial<Scenario>): Scenario {
  return scenarioWithDefaults('conversation', rates, {
    caching: 'conversation',
    cacheHitRate: 1,
    turns: fixed(2),
    userTokens: fixed(100),
    outputTokens: fixed(50),
    toolCallsPerTurn: fixed(1),
    toolResultTokens: fixed(300),
    minutesBetweenTurns: fixed(2),
    ...fields,
  });
}

function perCall(scenario: Scenario): number[] {
  const result = simulateScenario(scenario, { sessions: 3, seed: 1, shares: 'expected' });
  return result.perCall.map((c) => c.meanCostUsd * 1e6);
}

const assertCalls = (actual: number[], expected: number[]) => {
  assert.strictEqual(actual.length, expected.length);
  actual.forEach((x, i) => assert.ok(close(x, expected[i]!, 1e-9), `call ${i + 1}: ${x} vs ${expected[i]}`));
};

describe('simulate: conversation caching, per call, computed by hand', () => {
  // Sonnet 4.5: $3 input, $0.30 read, $3.75 5-minute write, $15 output; minimum 1,024 tokens.
  const out = 50 * 15;
  it("Anthropic: each call reads the previous call's input and writes its increment (breakpoint on the last block)", () => {
    const calls = perCall(twoTurns(SONNET, { systemPromptTokens: 2000 }));
    assertCalls(calls, [
      2100 * 3.75 + out, // nothing cached yet: the whole input is written
      2100 * 0.3 + 350 * 3.75 + out,
      2450 * 0.3 + 150 * 3.75 + out, // input 2,600: reads 2,450, writes the new message and the reply
      2600 * 0.3 + 350 * 3.75 + out,
    ]);
  });

  it('Anthropic: a think time past the 5-minute lifetime expires every breakpoint; a 1-hour one survives at 2× writes', () => {
    assertCalls(perCall(twoTurns(SONNET, { systemPromptTokens: 2000, minutesBetweenTurns: fixed(10) })), [
      2100 * 3.75 + out,
      2100 * 0.3 + 350 * 3.75 + out,
      2600 * 3.75 + out, // expired: written again in full
      2600 * 0.3 + 350 * 3.75 + out,
    ]);
    assertCalls(
      perCall(twoTurns(SONNET, { systemPromptTokens: 2000, minutesBetweenTurns: fixed(10), cacheTtl: '1h' })),
      [2100 * 6 + out, 2100 * 0.3 + 350 * 6 + out, 2450 * 0.3 + 150 * 6 + out, 2600 * 0.3 + 350 * 6 + out],
    );
  });

  it("Anthropic: after a summary only the system prompt's own breakpoint is read", () => {
    // Summary after turn 1: a third call (input 2,450 + 50 = 2,500, output 400) reads 2,450, writes 50; then the
    // history is the 400-token summary, so turn 2's first call (2,000 + 400 + 100) reads the 2,000-token prefix.
    const calls = perCall(twoTurns(SONNET, { systemPromptTokens: 2000, summarizeAfterTurns: 1, summaryTokens: 400 }));
    assertCalls(calls, [
      2100 * 3.75 + out,
      2100 * 0.3 + 350 * 3.75 + out,
      2450 * 0.3 + 50 * 3.75 + 400 * 15,
      2000 * 0.3 + 500 * 3.75 + out,
      2500 * 0.3 + 350 * 3.75 + out,
    ]);
  });

  // GPT-4o: $2.50 input, $1.25 cached, $10 output; automatic above 1,024 tokens, in 128-token steps, no write fee.
  const gptOut = 50 * 10;
  it('OpenAI: automatic, reads the previous input rounded down to 128 tokens, never writes at a premium', () => {
    assertCalls(perCall(twoTurns(GPT4O, { systemPromptTokens: 1000 })), [
      1100 * 2.5 + gptOut,
      1024 * 1.25 + 426 * 2.5 + gptOut, // 1,100 cached → 8 × 128 = 1,024 read
      1408 * 1.25 + 192 * 2.5 + gptOut, // 1,450 → 11 × 128
      1536 * 1.25 + 414 * 2.5 + gptOut, // 1,600 → 12 × 128; input 1,950
    ]);
  });

  it('OpenAI: under the 1,024-token minimum nothing is cached', () => {
    // Call 1 (1,000 tokens) is too short to cache; call 2 (1,350) finds nothing but is cached; call 3 reads 10 × 128.
    assertCalls(perCall(twoTurns(GPT4O, { systemPromptTokens: 900 })), [
      1000 * 2.5 + gptOut,
      1350 * 2.5 + gptOut,
      1280 * 1.25 + 220 * 2.5 + gptOut,
      1408 * 1.25 + 442 * 2.5 + gptOut,
    ]);
  });

  it('reports the cached share of input tokens', () => {
    const result = simulateScenario(twoTurns(SONNET, { systemPromptTokens: 2000 }), {
      sessions: 3,
      seed: 1,
      shares: 'expected',
    });
    const input = 2100 + 2450 + 2600 + 2950;
    assert.ok(close(result.inputCache.readShare, (2100 + 2450 + 2600) / input, 1e-9));
    assert.ok(close(result.inputCache.writeShare, (2100 + 350 + 150 + 350) / input, 1e-9));
    assert.ok(close(result.inputCache.uncachedShare, 0, 1e-9) || result.inputCache.uncachedShare < 1e-12);
  });
});

describe('simulate: geometric retries', () => {
  it('fail r + r² + … + r^cap times a call on average; a failed attempt reads the cache its call wrote', () => {
    // One call: 2,000-token prefix + 100 user, 50 output on Sonnet. Retry rate 0.5, at most 2 retries → 0.75 failed
    // attempts, each reading the 2,100 tokens the first attempt wrote and billed half its output.
    const scenario = twoTurns(SONNET, {
      systemPromptTokens: 2000,
      turns: fixed(1),
      toolCallsPerTurn: fixed(0),
      retryRate: 0.5,
      maxRetries: 2,
      failedOutputShare: 0.5,
    });
    const result = simulateScenario(scenario, { sessions: 3, seed: 1, shares: 'expected' });
    const call = 2100 * 3.75 + 50 * 15;
    const failed = 2100 * 0.3 + 25 * 15;
    assert.ok(close(result.perSession.mean * 1e6, call + 0.75 * failed, 1e-9), String(result.perSession.mean * 1e6));
    assert.ok(close(result.meanPerSession.calls, 1.75, 1e-12));
    // Sampled: the mean failed attempts per call approach 0.75.
    const sampled = simulateScenario(scenario, { sessions: 40_000, seed: 4 });
    assert.ok(Math.abs(sampled.meanPerSession.calls - 1.75) < 0.02, String(sampled.meanPerSession.calls));
  });
});

describe('simulate: runaway loops and the budget stop', () => {
  const base = scenarioWithDefaults('loop', SONNET, {
    caching: 'off',
    turns: fixed(3),
    maxTurns: 20,
    userTokens: fixed(100),
    outputTokens: fixed(100),
  });
  // Turn k (1-based) of a session without tools: input 100 + 200·(k−1), output 100 → $3·input + $15·100 per M.
  const turnCost = (k: number) => ((100 + 200 * (k - 1)) * 3 + 100 * 15) / 1e6;
  const sessionCost = (turns: number) =>
    Array.from({ length: turns }, (_, i) => turnCost(i + 1)).reduce((a, b) => a + b, 0);

  it('a runaway session runs to the turn cap; the mean mixes the two by the runaway rate', () => {
    const all = simulateScenario({ ...base, runawayRate: 1 }, { sessions: 10, seed: 1 });
    assert.ok(close(all.perSession.mean, sessionCost(20), 1e-9));
    const some = simulateScenario({ ...base, runawayRate: 0.1 }, { sessions: 40_000, seed: 2 });
    const expected = 0.9 * sessionCost(3) + 0.1 * sessionCost(20);
    assert.ok(Math.abs(some.perSession.mean / expected - 1) < 0.02, `${some.perSession.mean} vs ${expected}`);
    // The P99 is the runaway session; a lower turn cap is what cuts it.
    assert.ok(close(some.perSession.p99, sessionCost(20), 1e-9));
    const capped = simulateScenario({ ...base, runawayRate: 0.1, maxTurns: 8 }, { sessions: 40_000, seed: 2 });
    assert.ok(close(capped.perSession.p99, sessionCost(8), 1e-9));
  });

  it('a budget stop ends a session after the turn that reaches the budget', () => {
    // Turns cost 0.0018, 0.0024, 0.003, …: a $0.005 stop ends runaway sessions after turn 3 ($0.0072 reached).
    const stopped = simulateScenario(
      { ...base, runawayRate: 1, budget: { perSessionUsd: 0.005, stopSessions: true } },
      { sessions: 10, seed: 1 },
    );
    assert.ok(close(stopped.perSession.max, sessionCost(3), 1e-9), String(stopped.perSession.max));
  });
});
