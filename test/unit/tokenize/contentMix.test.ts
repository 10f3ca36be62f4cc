import * as assert from 'assert';
import { contentMix } from '../../../src/core/tokenize/contentMix';
import { countEncodingTokens } from '../../../src/core/tokenize/chunked';
import { countTokens, factorFor } from '../../../src/core/tokenize/count';
import { BUILTIN_PROFILES, profileForModel } from '../../../src/core/tokenize/families';

describe('content mix and per-kind Claude factors', () => {
  it('splits a text into prose, fenced code and markdown markup by characters', () => {
    assert.deepStrictEqual(contentMix('Plain sentences about the task. Nothing else.'), {
      prose: 1,
      code: 0,
      markup: 0,
    });
    assert.deepStrictEqual(contentMix('{"type": "object"}'), { prose: 0, code: 1, markup: 0 });
    const mixed = contentMix('# Title\nSome prose here.\n```ts\nconst x = 1;\n```\n- a list item\n');
    assert.ok(mixed.code > 0.3 && mixed.markup > 0.2 && mixed.prose > 0.1, JSON.stringify(mixed));
    assert.ok(Math.abs(mixed.prose + mixed.code + mixed.markup - 1) < 1e-9);
    const unclosed = contentMix('```\ncode until the end\nstill code');
    assert.strictEqual(unclosed.code, 1);
  });

  it('Claude 4.7+ prose, code and markup get their own published factors; an override is one factor for all', () => {
    const profile = profileForModel('claude-opus-4-7');
    assert.strictEqual(profile.family, 'claude-2026');
    const prose = 'Review the pull request carefully and explain each risk in one short sentence. '.repeat(20);
    const code = '```python\n' + 'def add(a, b):\n    return a + b\n'.repeat(20) + '```\n';
    assert.strictEqual(factorFor(prose, profile), profile.factors!.prose);
    assert.ok(Math.abs(factorFor(code, profile) - profile.factors!.code) < 0.01, String(factorFor(code, profile)));
    assert.strictEqual(
      countTokens(prose, profile).tokens,
      Math.round(countEncodingTokens('o200k_base', prose) * profile.factors!.prose),
    );
    const overridden = profileForModel('claude-opus-4-7', { 'claude-2026': { factor: 1.5 } });
    assert.strictEqual(overridden.factors, undefined);
    assert.strictEqual(factorFor(code, overridden), 1.5);
  });

  it('every estimating profile names its source and date', () => {
    for (const profile of Object.values(BUILTIN_PROFILES)) {
      if (profile.exact || profile.family === 'other' || profile.family === 'gemini-estimate') continue;
      assert.match(profile.basis, /20\d\d-\d\d/, profile.family);
    }
  });
});
