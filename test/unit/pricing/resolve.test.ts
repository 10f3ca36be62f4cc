import * as assert from 'assert';
import { bundledAliases } from '../../../src/core/pricing/aliases';
import { findExactModel, listProviderModels } from '../../../src/core/pricing/catalog';
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

  it('prices every Claude Code alias as Claude Code runs it, or says the data has no price for that model', () => {
    const claudeCode = bundledAliases().filter((a) => /code\.claude\.com/.test(a.source));
    const names = claudeCode.map((a) => a.alias).sort();
    assert.deepStrictEqual(names, [
      'best',
      'default',
      'fable',
      'fable[1m]',
      'haiku',
      'opus',
      'opus[1m]',
      'opusplan',
      'sonnet',
      'sonnet[1m]',
    ]);
    for (const alias of claudeCode) {
      const r = resolveModel(alias.alias);
      if (alias.kind === 'unknowable') {
        assert.strictEqual(r.ok, false, alias.alias);
        assert.match(r.ok ? '' : r.message, /cannot be priced/);
        continue;
      }
      assert.strictEqual(alias.kind, 'model');
      if (alias.kind !== 'model') continue;
      if (findExactModel(alias.model)) {
        assert.ok(r.ok, alias.alias);
        assert.strictEqual(r.rates.modelId, alias.model, `${alias.alias} is priced as the model Claude Code runs`);
        assert.strictEqual(r.how, 'alias');
        assert.match(r.explanation, /code\.claude\.com/);
      } else {
        // Not in the bundled data (Haiku 5.5, Sonnet 5.5): said so, never priced as an older sibling.
        assert.strictEqual(r.ok, false, `${alias.alias} must not fall back to another model`);
        assert.match(r.ok ? '' : r.message, new RegExp(`has no price for ${alias.model.replace(/[.[\]]/g, '\\$&')}`));
        assert.match(r.ok ? '' : r.message, /burnrate prices update/);
      }
    }
    const opus = resolveModel('opus');
    assert.ok(opus.ok && opus.rates.modelId === 'claude-opus-5-5');
    const haiku = resolveModel('haiku');
    assert.ok(!haiku.ok, 'haiku runs Haiku 5.5, which the bundled data does not price');
  });

  it('prices an alias on the model a user price or the usage file maps it to', () => {
    const priced = resolveModel('haiku', {
      overrides: [{ model: 'claude-haiku-5-5', inputPerMTok: 0.1, outputPerMTok: 0.5, origin: 'test' }],
    });
    assert.ok(priced.ok && priced.rates.inputPerMTok === 0.1 && priced.how === 'override');
    const mapped = resolveModel('haiku', {
      aliases: [{ alias: 'haiku', model: 'claude-haiku-4-5', origin: '.burnrate.yaml line 3' }],
    });
    assert.ok(mapped.ok && mapped.rates.modelId === 'claude-haiku-4-5');
    assert.match(mapped.ok ? mapped.explanation : '', /\.burnrate\.yaml line 3/);
  });

  it('resolves -latest aliases to what the vendor serves, or says it cannot know', () => {
    const large = resolveModel('mistral-large-latest');
    assert.ok(large.ok && large.rates.modelId === 'mistral-large-2512');
    assert.strictEqual(large.ok && large.rates.inputPerMTok, 0.5);
    assert.strictEqual(large.ok && large.rates.outputPerMTok, 1.5);
    const pixtral = resolveModel('pixtral-large-latest');
    assert.ok(
      pixtral.ok && /names pixtral-large-latest/.test(pixtral.explanation),
      'the data records this alias itself',
    );
    for (const moving of ['gpt-4o-latest', 'claude-3-5-sonnet-latest', 'openai/gpt-5-latest']) {
      const r = resolveModel(moving);
      assert.strictEqual(r.ok, false, moving);
      assert.match(r.ok ? '' : r.message, /cannot know which model/);
    }
  });

  it('refuses a retired alias with its successor, and resolves the current DeepSeek names', () => {
    for (const retired of ['deepseek-chat', 'deepseek-reasoner', 'deepseek/deepseek-chat']) {
      const r = resolveModel(retired);
      assert.strictEqual(r.ok, false, retired);
      assert.match(r.ok ? '' : r.message, /retired by its vendor on 2026-07-24.*deepseek-flash/);
    }
    const flash = resolveModel('deepseek-flash');
    assert.ok(flash.ok && flash.rates.modelId === 'deepseek-v4-flash' && flash.how === 'alias');
  });

  it('never prices a newer version as the older entry a prefix rule matches', () => {
    for (const newer of ['claude-sonnet-5-5', 'anthropic/claude-sonnet-5.5', 'Claude Sonnet 5.5']) {
      const r = resolveModel(newer);
      assert.strictEqual(r.ok, false, newer);
      assert.match(r.ok ? '' : r.message, /earlier version/);
    }
    const dated = resolveModel('claude-sonnet-4-5-20250929');
    assert.ok(dated.ok && dated.rates.modelId === 'claude-sonnet-4-5');
  });

  it('prices Bedrock geographic ids at the regional rates the data lists', () => {
    const us = resolveModel('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    const global = resolveModel('global.anthropic.claude-sonnet-4-5-20250929-v1:0');
    assert.ok(us.ok && global.ok);
    assert.ok(Math.abs(us.rates.inputPerMTok / global.rates.inputPerMTok - 1.1) < 1e-9, 'regional +10%');
    assert.match(us.explanation, /regional/);
  });

  it('treats __proto__, constructor and other Object.prototype names as plain unknown names', () => {
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'constructor:gpt-4o',
      '__proto__/gpt-4o',
      'valueOf',
    ]) {
      const r = resolveModel(name);
      assert.strictEqual(r.ok, false, name);
      assert.match(r.ok ? '' : r.message, /no price for/);
    }
    const own = resolveModel('__proto__', {
      overrides: [{ model: '__proto__', inputPerMTok: 1, outputPerMTok: 2, origin: 'test' }],
    });
    assert.ok(own.ok && own.rates.inputPerMTok === 1, 'a user may still price a model of that name');
    const mapped = resolveModel('constructor', {
      aliases: [{ alias: 'constructor', model: 'gpt-4.1', origin: 'test' }],
    });
    assert.ok(mapped.ok && mapped.rates.modelId === 'gpt-4.1');
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
