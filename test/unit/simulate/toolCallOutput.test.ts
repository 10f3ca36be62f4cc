import * as assert from 'assert';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { fixed } from '../../../src/core/simulate/distribution';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { close, SIMPLE } from './cards';

describe('simulate: tool-call requests and final answers have their own output distributions', () => {
  it('a tool-call request is billed and carried at toolCallOutputTokens, the final answer at outputTokens', () => {
    // $1 / $2 per M, no caching; 2 turns of one tool call: 100 user, 50-token tool request, 200-token result, 500 answer.
    // Turn 1: 100 in → 50 out; 100 + 50 + 200 = 350 in → 500 out. Turn 2 carries 100 + 50 + 500 + 200 = 850:
    // 950 in → 50 out; 950 + 50 + 200 = 1,200 in → 500 out. Input 2,600 × $1 + output 1,100 × $2 = $0.0048.
    const scenario = scenarioWithDefaults('tools', SIMPLE, {
      caching: 'off',
      turns: fixed(2),
      userTokens: fixed(100),
      outputTokens: fixed(500),
      toolCallOutputTokens: fixed(50),
      toolCallsPerTurn: fixed(1),
      toolResultTokens: fixed(200),
    });
    const run = simulateScenario(scenario, { sessions: 3, seed: 1 });
    assert.ok(close(run.perSession.mean, 0.0048), String(run.perSession.mean));
    assert.strictEqual(run.meanPerSession.outputTokens, 1100);
    assert.strictEqual(run.meanPerSession.inputTokens, 2600);
    const form = closedFormSession(scenario);
    assert.ok(form.ok && close(form.value.costUsd, 0.0048));
    assert.strictEqual(run.assumptions.toolCallOutputTokens, '50');
  });

  it('is read from a scenario as a distribution', () => {
    const parsed = parseScenarios({
      s: { toolCallOutputTokens: { p50: 40, p90: 120 } },
      bad: { toolCallOutputTokens: -1 },
    });
    assert.deepStrictEqual(parsed.scenarios.find((s) => s.name === 's')!.toolCallOutputTokens, {
      kind: 'lognormal',
      p50: 40,
      p90: 120,
    });
    assert.ok(parsed.problems.some((p) => p.message.startsWith('scenarios.bad.toolCallOutputTokens')));
  });
});
