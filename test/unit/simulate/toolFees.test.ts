import * as assert from 'assert';
import { closedFormSession } from '../../../src/core/simulate/closedForm';
import { fixed } from '../../../src/core/simulate/distribution';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { prepareScenario } from '../../../src/core/simulate/prepare';
import { simulateScenario } from '../../../src/core/simulate/run';
import { scenarioWithDefaults } from '../../../src/core/simulate/scenario';
import { card, close, SIMPLE } from './cards';

const EMBED = card('text-embedding-3-small', 0.1, 0);

describe('simulate: tool fees per call and embedding calls', () => {
  it('adds each tool call’s fee and each turn’s embeddings, in their own components; the closed form agrees', () => {
    // $1 / $2 per M, no caching: 2 turns, 2 tool calls each (50-token results), 100 user, 100 output tokens.
    // Tokens: T1 100, 250, 400 in; T2 carries 100 + 300 + 100 = 500: 600, 750, 900 in → 3,000 × $1; 600 out × $2.
    // Fees: 4 tool calls × $0.01 × 50% = $0.02. Embeddings: 2 turns × 2 calls × 10,000 tokens × $0.10/M = $0.004.
    const scenario = scenarioWithDefaults('fees', SIMPLE, {
      caching: 'off',
      turns: fixed(2),
      userTokens: fixed(100),
      outputTokens: fixed(100),
      toolCallsPerTurn: fixed(2),
      toolResultTokens: fixed(50),
      toolFees: { perCallUsd: 0.01, share: 0.5 },
      embeddings: { rates: EMBED, callsPerTurn: 2, tokens: 10_000 },
    });
    const run = simulateScenario(scenario, { sessions: 3, seed: 1 });
    const expected = 0.003 + 0.0012 + 0.02 + 0.004;
    assert.ok(close(run.perSession.mean, expected), String(run.perSession.mean));
    assert.ok(close(run.components.find((c) => c.id === 'toolFees')!.meanUsd, 0.02));
    assert.ok(close(run.components.find((c) => c.id === 'embeddings')!.meanUsd, 0.004));
    const form = closedFormSession(scenario);
    assert.ok(form.ok && close(form.value.costUsd, expected));
    assert.ok(form.ok && close(form.value.components.toolFees, 0.02));
  });

  it('takes a web-search fee from the data for the model’s provider, with its source; an unpriced embedding model is an error', () => {
    const anthropic = card('claude-sonnet-4-5', 3, 15, { providerId: 'anthropic' });
    const local = card('local-model', 1, 1, { providerId: 'local' });
    const lookup = lookupFromCards([anthropic, local, EMBED]);
    const prep = (raw: Record<string, unknown>) => {
      const parsed = parseScenarios({ s: raw });
      assert.deepStrictEqual(parsed.problems, []);
      return prepareScenario(parsed.scenarios[0]!, { lookup, countFile: () => ({ error: 'none' }) });
    };
    const web = prep({ model: 'claude-sonnet-4-5', toolFees: { tool: 'webSearch' } }).scenario!;
    assert.deepStrictEqual(web.toolFees, { perCallUsd: 0.01, share: 1 });
    assert.ok(web.notes.some((n) => n.includes('$10 per 1,000 searches') && n.includes('platform.claude.com')));
    const unknown = prep({ model: 'local-model', toolFees: { tool: 'webSearch' } });
    assert.strictEqual(unknown.scenario, undefined);
    assert.match(unknown.problems[0]!.message, /scenarios\.s\.toolFees\.tool: no webSearch fee known for local/);
    const embedded = prep({ model: 'local-model', embeddings: { model: 'text-embedding-3-small', tokens: 500 } });
    assert.deepStrictEqual(embedded.scenario!.embeddings, { rates: EMBED, callsPerTurn: 1, tokens: 500 });
    const missing = prep({ model: 'local-model', embeddings: { model: 'embed-unpriced', tokens: 500 } });
    assert.match(missing.problems[0]!.message, /scenarios\.s\.embeddings\.model: no price for "embed-unpriced"/);
    assert.match(
      parseScenarios({ s: { toolFees: { share: 0.5 } } }).problems[0]!.message,
      /scenarios\.s\.toolFees: needs tool .* or perCallUsd/,
    );
  });
});
