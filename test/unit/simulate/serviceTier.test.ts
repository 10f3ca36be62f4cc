import * as assert from 'assert';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { prepareScenario } from '../../../src/core/simulate/prepare';
import { simulateScenario } from '../../../src/core/simulate/run';
import { card, close } from './cards';

const ANTHROPIC = card('claude-sonnet-4-5', 3, 15, { providerId: 'anthropic', cacheReadPerMTok: 0.3 });
const LOCAL = card('my-local-model', 1, 2, { providerId: 'local' });
const lookup = lookupFromCards([ANTHROPIC, LOCAL]);

function prepared(raw: Record<string, unknown>) {
  const parsed = parseScenarios({ s: { turns: 1, userTokens: 1000, outputTokens: 100, caching: 'off', ...raw } });
  assert.deepStrictEqual(parsed.problems, []);
  return prepareScenario(parsed.scenarios[0]!, { lookup, countFile: () => ({ error: 'no files' }) });
}

describe('simulate: service tier (batch pricing) as a scenario setting', () => {
  it('batch halves every rate, with its source; the closed form agrees with the engine', () => {
    // One call of 1,000 input and 100 output tokens: $3 × 1,000 + $15 × 100 per M = $0.0045; batch: $0.00225.
    const standard = prepared({ model: 'claude-sonnet-4-5' }).scenario!;
    const batch = prepared({ model: 'claude-sonnet-4-5', serviceTier: 'batch' }).scenario!;
    assert.ok(close(simulateScenario(standard, { sessions: 5, seed: 1 }).perSession.mean, 0.0045));
    const run = simulateScenario(batch, { sessions: 5, seed: 1 });
    assert.ok(close(run.perSession.mean, 0.00225), String(run.perSession.mean));
    const form = closedFormSession(batch);
    assert.ok(form.ok && close(form.value.costUsd, 0.00225));
    assert.strictEqual(batch.rates.cacheReadPerMTok, 0.15, 'cache rates are discounted too');
    assert.ok(
      batch.notes.some((n) => /batch tier ×0\.5 — .*batch-processing.*2026-10-04/.test(n)),
      batch.notes.join('\n'),
    );
  });

  it('a tier the provider does not sell per token is a warning, priced at standard rates', () => {
    const result = prepared({ model: 'my-local-model', serviceTier: 'batch' });
    assert.strictEqual(result.scenario!.rates, LOCAL);
    assert.match(
      result.problems.map((p) => `${p.severity}: ${p.message}`).join('\n'),
      /warning: scenarios\.s\.serviceTier: my-local-model: serviceTier batch: no batch multiplier is known for local — priced at standard rates/,
    );
    const parsed = parseScenarios({ s: { serviceTier: 'cheap' } });
    assert.match(
      parsed.problems[0]!.message,
      /scenarios\.s\.serviceTier: expected one of standard, batch, flex, priority/,
    );
  });
});
