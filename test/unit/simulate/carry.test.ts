import * as assert from 'assert';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { fixed } from '../../../src/core/simulate/distribution';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { SIMPLE } from './cards';

// Two turns, one tool call each, written out call by call (in $1/M, so dollars × 1e6 = input tokens):
//   turn 1, call 0: 800 prefix + 50 user                                     =  850 in, 100 out
//   turn 1, call 1: 850 + 100 tool request + 500 tool result                 = 1450 in, 100 out
//   turn 2, call 0: 800 + (50 + 100 + 100) messages + 500 results + 50 user  = 1600 in, 100 out
//   turn 2, call 1: 1600 + 100 + 500                                         = 2200 in, 100 out
const handWritten = scenarioWithDefaults('hand', SIMPLE, {
  systemPromptTokens: 600,
  toolDefinitionTokens: 200,
  turns: fixed(2),
  userTokens: fixed(50),
  outputTokens: fixed(100),
  toolCallsPerTurn: fixed(1),
  toolResultTokens: fixed(500),
});

describe('simulate: carry semantics', () => {
  it('bills each call the system prompt, tool definitions, everything said before, and the new message', () => {
    const result = simulateScenario(handWritten, { sessions: 3, seed: 1 });
    assert.strictEqual(result.meanPerSession.calls, 4);
    assert.strictEqual(result.meanPerSession.inputTokens, 850 + 1450 + 1600 + 2200);
    assert.strictEqual(result.meanPerSession.outputTokens, 400);
    assert.ok(Math.abs(result.perSession.mean - (6100 * 1 + 400 * 2) / 1e6) < 1e-15);
    assert.deepStrictEqual(
      result.perTurn.map((t) => t.meanFirstCallInputTokens),
      [850, 1600],
    );
    const byId = Object.fromEntries(result.components.map((c) => [c.id, c.meanUsd * 1e6]));
    // prefix 4 × 800, user 4 × 50, history 0 + 100 + 250 + 350, tool results 0 + 500 + 500 + 1000, output 400 × $2.
    assert.ok(Math.abs(byId.system! - 3200) < 1e-9);
    assert.ok(Math.abs(byId.userInput! - 200) < 1e-9);
    assert.ok(Math.abs(byId.history! - 700) < 1e-9);
    assert.ok(Math.abs(byId.toolResults! - 2000) < 1e-9);
    assert.ok(Math.abs(byId.output! - 800) < 1e-9);
  });

  it('the closed form gives the same hand-written figures', () => {
    const closed = closedFormSession(handWritten);
    assert.ok(closed.ok);
    assert.strictEqual(closed.value.inputTokens, 6100);
    assert.strictEqual(closed.value.calls, 4);
    assert.strictEqual(closed.value.maxInputTokens, 2200);
    assert.ok(Math.abs(closed.value.costUsd - 0.0069) < 1e-15);
  });

  it('replaces the history by a summary, and bills the call that writes it', () => {
    // prefix 100, user 10, output 20, no tools, summary of 40 tokens after every turn:
    //   t1 110 in → summary call 100 + 30 = 130 in, 40 out → t2 100 + 40 + 10 = 150 in →
    //   summary call 100 + 40 + 30 = 170 in → t3 150 in (no summary after the last turn).
    const scenario = scenarioWithDefaults('summary', SIMPLE, {
      systemPromptTokens: 100,
      turns: fixed(3),
      userTokens: fixed(10),
      outputTokens: fixed(20),
      summarizeAfterTurns: 1,
      summaryTokens: 40,
    });
    const result = simulateScenario(scenario, { sessions: 2, seed: 9 });
    assert.strictEqual(result.meanPerSession.calls, 5);
    assert.strictEqual(result.meanPerSession.inputTokens, 110 + 130 + 150 + 170 + 150);
    assert.strictEqual(result.meanPerSession.outputTokens, 20 + 40 + 20 + 40 + 20);
    assert.deepStrictEqual(
      result.perTurn.map((t) => t.meanFirstCallInputTokens),
      [110, 150, 150],
    );
    const closed = closedFormSession(scenario);
    assert.ok(closed.ok);
    assert.strictEqual(closed.value.inputTokens, 710);
    assert.strictEqual(closed.value.outputTokens, 140);
  });

  it('grows roughly quadratically with turns when nothing is summarised', () => {
    const cost = (turns: number) =>
      simulateScenario(
        scenarioWithDefaults('q', SIMPLE, { turns: fixed(turns), userTokens: fixed(100), outputTokens: fixed(100) }),
        {
          sessions: 1,
          seed: 1,
        },
      ).perSession.mean;
    // Input of turn k is 200k − 100 tokens: sum = 100 n² ; output 100 n at $2 → quadratic plus linear.
    assert.ok(Math.abs(cost(10) - (100 * 100 + 200 * 10) / 1e6) < 1e-15);
    assert.ok(cost(20) / cost(10) > 3.5);
  });
});
