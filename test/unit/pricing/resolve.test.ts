import * as assert from 'assert';
import { listProviderModels } from '../../../src/core/pricing/catalog';
import { resolveFirst, resolveModel } from '../../../src/core/pricing/resolve';

describe('model name resolution', () => {
  const table: [written: string, modelId: string, how: string][] = [
    ['claude-sonnet-4-5', 'claude-sonnet-4-5', 'exact'],
    ['Claude Sonnet 4', 'claude-sonnet-4-0', 'normalized'],
    ['Claude Sonnet 4.5', 'claude-sonnet-4-5', 'normalized'],
    ['anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5', 'normalized'],
    ['anthropic/claude-sonnet-4.5', 'claude-sonnet-4-5', 'normalized'],
    ['anthropic:messages:claude-3-5-sonnet-20241022', 'claude-3-5-sonnet', 'normalized'],
    ['googleai/gemini-2.5-pro', 'gemini-2.5-pro', 'normalized'],
    ['Gemini 2.5 Pro', 'gemini-2.5-pro', 'normalized'],
    ['gpt-4o-2024-08-06', 'gpt-4o', 'normalized'],
    ['openai:gpt-4.1', 'gpt-4.1', 'normalized'],
    ['openai/gpt-4o', 'gpt-4o', 'normalized'],
    ['GPT-4.1', 'gpt-4.1', 'exact'],
    ['regional.anthropic.claude-opus-4-1-20250805-v1:0', 'regional.anthropic.claude-opus-4-1-20250805-v1:0', 'exact'],
    ['gpt-4.1 (copilot)', 'gpt-4.1', 'normalized'],
    ['Claude Haiku 3.5', 'claude-3-5-haiku-latest', 'display-name'],
    ['o4-mini', 'o4-mini', 'exact'],
    ['claude-opus-4-20250514', 'claude-opus-4-0', 'normalized'],
  ];
  for (const [written, modelId, how] of table) {
    it(`"${written}" → ${modelId} (${how})`, () => {
      const r = resolveModel(written);
      assert.ok(r.ok, r.ok ? '' : r.message);
      assert.strictEqual(r.rates.modelId, modelId);
      assert.strictEqual(r.how, how);
      assert.ok(r.explanation.length > 0);
    });
  }

  it('resolves Claude Code aliases to the newest model of the family and says so', () => {
    for (const alias of ['sonnet', 'haiku', 'opus']) {
      const r = resolveModel(alias);
      assert.ok(r.ok);
      assert.strictEqual(r.how, 'alias');
      assert.match(r.rates.modelId, new RegExp(`claude-${alias}-\\d`));
      assert.match(r.explanation, /newest/);
    }
  });

  it('never prices an unknown model: it says "no price for X" and how to add one', () => {
    const r = resolveModel('ollama/llama3');
    assert.strictEqual(r.ok, false);
    assert.match(r.ok ? '' : r.message, /no price for "ollama\/llama3"/);
    assert.match(r.ok ? '' : r.message, /\.burnrate\.yaml/);
    assert.strictEqual(resolveModel('').ok, false);
  });

  it('user overrides win over the catalog and price unknown models', () => {
    const overrides = [
      { model: 'gpt-4o', inputPerMTok: 1, outputPerMTok: 2, origin: 'test' },
      { model: 'my-ft', aliases: ['acme/my-ft'], inputPerMTok: 0.5, outputPerMTok: 1.5, origin: 'test' },
    ];
    const a = resolveModel('gpt-4o', { overrides });
    assert.ok(a.ok && a.how === 'override' && a.rates.inputPerMTok === 1);
    const b = resolveModel('acme/my-ft', { overrides });
    assert.ok(b.ok && b.rates.outputPerMTok === 1.5);
    const c = resolveModel('openai:my-ft', { overrides });
    assert.ok(c.ok && c.how === 'override', 'provider-prefixed spelling reaches the override');
  });

  it('applies a user price to every spelling that resolves to its model', () => {
    const overrides = [{ model: 'claude-sonnet-4-5', inputPerMTok: 1.5, outputPerMTok: 7.5, origin: 'test' }];
    for (const spelling of ['claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5', 'anthropic/claude-sonnet-4.5']) {
      const r = resolveModel(spelling, { overrides });
      assert.ok(r.ok && r.how === 'override' && r.rates.inputPerMTok === 1.5, spelling);
      assert.match(r.ok ? r.explanation : '', /your price for claude-sonnet-4-5/);
    }
  });

  it('prices every model `burnrate models` lists when its id is typed back in', () => {
    for (const provider of ['anthropic', 'openai', 'aws', 'mistral', 'fireworks']) {
      for (const card of listProviderModels(provider)) {
        const r = resolveModel(card.modelId);
        assert.ok(r.ok, `${provider} ${card.modelId}`);
      }
    }
    assert.ok(listProviderModels('fireworks').length > 0);
  });

  it('takes the first priced entry of a fallback list', () => {
    const r = resolveFirst(['no-such-model-x', 'gpt-4.1']);
    assert.ok(r.ok);
    assert.strictEqual(r.rates.modelId, 'gpt-4.1');
    assert.match(r.explanation, /first priced entry/);
  });
});
