import * as assert from 'assert';
import { lookupFromCards } from '../../../src/core/simulate/modelLookup';
import { parseScenarios } from '../../../src/core/simulate/parseScenarios';
import { prepareScenario, type PrepareDeps } from '../../../src/core/simulate/prepare';
import { readUsageLog } from '../../../src/core/simulate/replay/replay';
import { SCENARIO_DEFAULTS } from '../../../src/core/simulate/scenario';
import { HAIKU, SONNET } from './cards';

const deps = (extra: Partial<PrepareDeps> = {}): PrepareDeps => ({
  lookup: lookupFromCards([SONNET, HAIKU]),
  countFile: (file) => (file === 'system.md' ? { tokens: 812, exact: false, band: 0.15 } : { error: 'file not found' }),
  ...extra,
});

function spec(raw: Record<string, unknown>) {
  const parsed = parseScenarios({ s: raw });
  assert.deepStrictEqual(
    parsed.problems.filter((p) => p.severity === 'error'),
    [],
  );
  return parsed.scenarios[0]!;
}

describe('simulate: prepareScenario', () => {
  it('fills the documented defaults and prices the model', () => {
    const prepared = prepareScenario(spec({ model: 'claude-sonnet-4-5' }), deps());
    const s = prepared.scenario!;
    assert.strictEqual(s.rates, SONNET);
    assert.deepStrictEqual(s.turns, { kind: 'fixed', value: SCENARIO_DEFAULTS.turns });
    assert.deepStrictEqual(s.outputTokens, { kind: 'fixed', value: SCENARIO_DEFAULTS.outputTokens });
    assert.deepStrictEqual(s.sessionsPerDay, { kind: 'fixed', value: SCENARIO_DEFAULTS.sessionsPerDay });
    assert.strictEqual(s.maxTurns, SCENARIO_DEFAULTS.maxTurns);
    assert.strictEqual(s.cacheHitRate, 1);
    assert.strictEqual(s.caching, 'conversation');
    assert.strictEqual(s.routing, undefined);
  });

  it('an unknown model is an error naming it, never a $0 price', () => {
    const prepared = prepareScenario(spec({ model: 'gpt-imaginary-9' }), deps());
    assert.strictEqual(prepared.scenario, undefined);
    assert.deepStrictEqual(
      prepared.problems.map((p) => p.message),
      ['scenarios.s.model: no price for "gpt-imaginary-9"'],
    );
    const routed = prepareScenario(
      spec({ model: 'claude-sonnet-4-5', routing: { model: 'tiny-unknown', share: 0.5 } }),
      deps(),
    );
    assert.strictEqual(routed.scenario, undefined);
    assert.ok(routed.problems[0]!.message.startsWith('scenarios.s.routing.model: no price for "tiny-unknown"'));
  });

  it('counts a system-prompt file through the injected counter and says how', () => {
    const prepared = prepareScenario(
      spec({ model: 'claude-sonnet-4-5', systemPrompt: 'system.md', toolDefinitions: 300 }),
      deps(),
    );
    assert.strictEqual(prepared.scenario!.systemPromptTokens, 812);
    assert.strictEqual(prepared.scenario!.toolDefinitionTokens, 300);
    assert.ok(prepared.scenario!.notes.includes('system prompt: system.md, 812 tokens (estimate ±15%)'));
    const missing = prepareScenario(spec({ model: 'claude-sonnet-4-5', systemPrompt: 'nope.md' }), deps());
    assert.deepStrictEqual(
      missing.problems.map((p) => p.message),
      ['scenarios.s.systemPrompt: nope.md: file not found'],
    );
  });

  it('takes output tokens and the cache-hit rate from a usage log', () => {
    const log = readUsageLog(
      [
        '{"model":"m","usage":{"prompt_tokens":100,"completion_tokens":10,"prompt_tokens_details":{"cached_tokens":50}}}',
        '{"model":"m","usage":{"prompt_tokens":100,"completion_tokens":30}}',
        '{"model":"m","usage":{"prompt_tokens":100,"completion_tokens":20}}',
        '{"model":"m","usage":{"prompt_tokens":100,"completion_tokens":40,"prompt_tokens_details":{"cached_tokens":80}}}',
      ].join('\n'),
      'usage.jsonl',
    );
    const prepared = prepareScenario(
      spec({
        model: 'claude-sonnet-4-5',
        systemPrompt: 2000,
        outputTokens: { fromLog: 'usage.jsonl' },
        cacheHitRate: { fromLog: 'usage.jsonl' },
      }),
      deps({
        loadLog: (file) => (file === 'usage.jsonl' ? { ok: true, value: log } : { ok: false, error: 'file not found' }),
      }),
    );
    const s = prepared.scenario!;
    assert.deepStrictEqual(s.outputTokens, { kind: 'empirical', samples: [10, 30, 20, 40], source: 'usage.jsonl' });
    assert.strictEqual(s.cacheHitRate, 0.5);
    const broken = prepareScenario(
      spec({ outputTokens: { fromLog: 'missing.jsonl' } }),
      deps({ loadLog: () => ({ ok: false, error: 'missing.jsonl: file not found' }) }),
    );
    assert.strictEqual(broken.scenario, undefined);
    assert.deepStrictEqual(
      broken.problems.map((p) => p.message),
      ['scenarios.s.outputTokens: missing.jsonl: file not found'],
    );
  });

  it('says which provider rule caches each model, with its minimum, lifetime and source', () => {
    const prepared = prepareScenario(
      spec({ model: 'claude-sonnet-4-5', systemPrompt: 300, cacheHitRate: 0.5, cacheTtl: '1h' }),
      deps(),
    );
    const note = prepared.scenario!.notes.find((n) => n.startsWith('caching: '));
    assert.ok(
      note &&
        /claude-sonnet-4-5 caches the growing conversation \(anthropic: .*at least 1,024 tokens; lifetime 60 min; writes \$6\/M/.test(
          note,
        ),
      note,
    );
    assert.ok(note.includes('platform.claude.com'));
  });

  it("uses the usage file's default model when the scenario names none, and says so", () => {
    const prepared = prepareScenario(spec({}), deps({ defaultModel: 'claude-haiku-4-5' }));
    assert.strictEqual(prepared.scenario!.rates, HAIKU);
    assert.ok(prepared.scenario!.notes[0]!.includes('model not set: using claude-haiku-4-5'));
  });
});
