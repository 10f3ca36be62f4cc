import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { calcPrice, findProvider } from '@pydantic/genai-prices';
import { listProviderModels, matchCatalog, PRICE_DATA, PROVIDER_IDS } from '../../../src/core/pricing/catalog';
import { callCost } from '../../../src/core/pricing/rateCard';
import { repoRoot } from '../repoRoot';

describe('price catalog', () => {
  it('states the version of the bundled price data that is installed', () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(repoRoot(), 'node_modules/@pydantic/genai-prices/package.json'), 'utf8'),
    );
    assert.strictEqual(PRICE_DATA.version, pkg.version, 'bump PRICE_DATA (and its date) with the dependency');
    assert.match(PRICE_DATA.asOf, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('knows every provider id it lists', () => {
    for (const id of PROVIDER_IDS) assert.ok(findProvider({ providerId: id }), id);
  });

  it('agrees with genai-prices on totals, including long-context tiers and cache rates', () => {
    const cases: [string, number, number][] = [
      ['claude-sonnet-4-5', 12_000, 800],
      ['claude-sonnet-4-5', 250_000, 2_000], // above the 200k tier: whole request at the higher rate
      ['gpt-4o', 1_234, 567],
      ['gemini-2.5-pro', 300_000, 1_000],
      ['claude-haiku-4-5', 5_000, 5_000],
    ];
    for (const [model, input, output] of cases) {
      const card = matchCatalog(model)!;
      const theirs = calcPrice({ input_tokens: input, output_tokens: output }, model)!.total_price;
      assert.ok(Math.abs(callCost(card, { input, output }) - theirs) < 1e-12, `${model} ${input}/${output}`);
    }
    const card = matchCatalog('claude-sonnet-4-5')!;
    const theirs = calcPrice(
      { input_tokens: 10_000, cache_read_tokens: 6_000, cache_write_tokens: 2_000, output_tokens: 100 },
      'claude-sonnet-4-5',
    )!;
    assert.ok(
      Math.abs(
        callCost(card, { input: 10_000, cacheRead: 6_000, cacheWrite: 2_000, output: 100 }) - theirs.total_price,
      ) < 1e-12,
    );
  });

  it('lists text models with both rates for the main providers', () => {
    const anthropic = listProviderModels('anthropic');
    assert.ok(anthropic.some((c) => c.modelId === 'claude-sonnet-4-5'));
    assert.ok(anthropic.every((c) => c.inputPerMTok > 0 && c.outputPerMTok > 0));
  });
});
