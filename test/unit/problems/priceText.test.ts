import * as assert from 'assert';
import { resolveFirst, resolveModel } from '../../../src/core/pricing/resolve';
import type { PriceProblem } from '../../../src/core/problems/prices';
import { priceProblemSummary, priceProblemText } from '../../../src/core/problems/priceText';

const everyCode: PriceProblem[] = [
  { code: 'no-model' },
  { code: 'empty-model-list' },
  { code: 'no-price', model: 'acme-1', priceData: 'bundled (as of 2026-01-01)' },
  {
    code: 'no-price',
    model: 'gpt-9.1',
    priceData: 'bundled',
    earlier: { modelId: 'gpt-9', written: 'gpt-9.1' },
  },
  { code: 'retired', model: 'old-1', retired: '2025-01-01', successor: 'new-1', origin: 'vendor page, as of 2025' },
  { code: 'retired', model: 'old-2', retired: '2025-01-01', origin: 'your mapping' },
  { code: 'unknowable', model: 'auto', reason: 'the router picks per request', origin: 'docs, as of 2026' },
  {
    code: 'alias-unpriced',
    model: 'sonnet',
    target: 'claude-x',
    why: 'alias "sonnet" → claude-x; docs',
    priceData: 'b',
  },
  { code: 'moving-alias', model: 'foo-latest' },
];

describe('problems: price problems', () => {
  it('the one-line summary is the first line of the full text, without the colon that leads into an example', () => {
    // What lenses showed when they cut the engine's message down with a regex; now each code is worded directly.
    for (const problem of everyCode) {
      const full = priceProblemText(problem);
      assert.strictEqual(priceProblemSummary(problem), full.split('\n')[0]!.trim().replace(/:$/, ''), problem.code);
      assert.ok(!priceProblemSummary(problem).includes('\n'), problem.code);
    }
  });

  it('names the model and the remedy in full: the example block for a missing price', () => {
    const text = priceProblemText({ code: 'no-price', model: 'acme-1', priceData: 'bundled' });
    assert.match(text, /^no price for "acme-1" — add one in \.burnrate\.yaml:\n {2}prices:\n {4}- model: acme-1\n/);
    assert.match(text, /prices in use: bundled\)$/);
  });

  it('a failed resolution carries its code, and its message is the code worded', () => {
    const unknown = resolveModel('acme-unpriceable-model-7');
    assert.ok(!unknown.ok);
    assert.strictEqual(unknown.problem.code, 'no-price');
    assert.strictEqual(unknown.message, priceProblemText(unknown.problem));
    const none = resolveModel('  ');
    assert.ok(!none.ok);
    assert.deepStrictEqual(none.problem, { code: 'no-model' });
    const empty = resolveFirst([]);
    assert.ok(!empty.ok);
    assert.deepStrictEqual(empty.problem, { code: 'empty-model-list' });
  });
});
