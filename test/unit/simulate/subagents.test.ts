import * as assert from 'assert';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { prepareScenario } from '../../../src/core/simulate/prepare';
import { simulateScenario } from '../../../src/core/simulate/run';
import { close, SIMPLE } from './cards';

const deps = { lookup: lookupFromCards([SIMPLE]), countFile: () => ({ error: 'no files' }) };

function prepared(raw: Record<string, unknown>, name = 'orchestrator') {
  const parsed = parseScenarios(raw);
  assert.deepStrictEqual(parsed.problems, []);
  return prepareScenario(
    parsed.scenarios.find((s) => s.name === name)!,
    deps,
  );
}

const CHILD = { model: 'simple', caching: 'off', systemPrompt: 1000, turns: 1, userTokens: 50, outputTokens: 50 };

describe('simulate: multi-agent fan-out (subagents)', () => {
  it("each call runs a sub-session whose cost adds to the session; only its answer enters the parent's history", () => {
    // $1 / $2 per M, no caching. The child: 1,000 system + 50 user in, 50 out = $0.00115 a sub-session.
    // The orchestrator, 2 turns of 100 user / 100 output, calls the child twice: one call in each turn.
    //   T1: 100 in, 100 out = $0.0003; then the first answer (300 tokens) joins the history.
    //   T2: 100 + 100 + 300 + 100 = 600 in, 100 out = $0.0008.   Sessions: 2 × $0.00115.   Total $0.0034.
    const p = prepared({
      orchestrator: {
        model: 'simple',
        caching: 'off',
        turns: 2,
        userTokens: 100,
        outputTokens: 100,
        subagents: [{ scenario: 'child', callsPerSession: 2, answerTokens: 300 }],
      },
      child: CHILD,
    });
    const scenario = p.scenario!;
    assert.strictEqual(scenario.subagents![0]!.scenario.systemPromptTokens, 1000);
    const run = simulateScenario(scenario, { sessions: 5, seed: 1 });
    assert.ok(close(run.perSession.mean, 0.0034), String(run.perSession.mean));
    assert.ok(close(run.components.find((c) => c.id === 'subagents')!.meanUsd, 0.0023));
    assert.ok(scenario.notes.some((n) => n.startsWith('subagent child (simple): 2 calls per session')));
    const form = closedFormSession(scenario);
    assert.ok(!form.ok && /subagents/.test(form.error));
  });

  it('a subagent can call its own (a tree), and the sub-sessions are reproducible by seed', () => {
    const raw = {
      orchestrator: {
        model: 'simple',
        caching: 'off',
        turns: 1,
        userTokens: 0,
        outputTokens: 0,
        subagents: [{ scenario: 'lead', callsPerSession: { p50: 2, p90: 6 }, answerTokens: 100 }],
      },
      lead: { ...CHILD, subagents: [{ scenario: 'child', callsPerSession: 3, answerTokens: 10 }] },
      child: CHILD,
    };
    const scenario = prepared(raw).scenario!;
    const a = simulateScenario(scenario, { sessions: 2000, seed: 4 });
    const b = simulateScenario(scenario, { sessions: 2000, seed: 4 });
    assert.deepStrictEqual(a.perSession, b.perSession);
    // A lead sub-session: its own call (1,000 + 50 in, 50 out) + 3 child sessions ($0.00115 each), the answers
    // (3 × 10 tokens) arriving after its only turn: $0.00115 × 4 = $0.0046. Calls per session ~ log-normal(2, 6).
    const leads = a.perSession.mean / 0.0046;
    assert.ok(leads > 2 && leads < 4, String(leads));
    assert.ok(a.perSession.p90 > a.perSession.p50);
  });

  it('a missing or cyclic subagent is an error naming the chain, and the scenario is left out', () => {
    const missing = parseScenarios({ a: { subagents: [{ scenario: 'nobody', callsPerSession: 1 }] } });
    assert.deepStrictEqual(missing.scenarios, []);
    assert.match(missing.problems[0]!.message, /scenarios\.a\.subagents\[0\]\.scenario: no valid scenario "nobody"/);
    const cycle = parseScenarios({
      a: { subagents: [{ scenario: 'b' }] },
      b: { subagents: [{ scenario: 'a' }] },
      c: {},
    });
    assert.deepStrictEqual(
      cycle.scenarios.map((s) => s.name),
      ['c'],
    );
    assert.ok(cycle.problems.some((p) => p.message.includes('a → b → a is a cycle')));
  });
});
