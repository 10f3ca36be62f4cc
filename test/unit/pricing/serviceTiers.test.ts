import * as assert from 'assert';
import { findExactModel } from '../../../src/core/pricing/catalog';
import { callCost } from '../../../src/core/pricing/rateCard';
import { applyServiceTier } from '../../../src/core/pricing/serviceTiers';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';

describe('service tiers and long-context tiers from dated data', () => {
  it('halves every rate on batch and says where the multiplier comes from', () => {
    const card = findExactModel('gpt-4.1')!;
    const batch = applyServiceTier(card, 'batch');
    assert.ok(batch.ok);
    assert.strictEqual(batch.value.rates.inputPerMTok, card.inputPerMTok / 2);
    assert.strictEqual(batch.value.rates.cacheReadPerMTok, card.cacheReadPerMTok! / 2);
    assert.strictEqual(batch.value.rates.serviceTier?.multiplier, 0.5);
    assert.match(batch.value.note ?? '', /batch tier ×0\.5 — developers\.openai\.com/);
    const priority = applyServiceTier(card, 'priority');
    assert.ok(priority.ok && priority.value.rates.outputPerMTok === card.outputPerMTok * 2);
  });

  it('refuses a tier a provider does not sell per token, with the reason', () => {
    const r = applyServiceTier(findExactModel('claude-sonnet-4-5')!, 'priority');
    assert.strictEqual(r.ok, false);
    assert.match(r.ok ? '' : r.error, /capacity commitment.*priced at standard rates/);
    assert.strictEqual(applyServiceTier(findExactModel('claude-sonnet-4-5')!, 'flex').ok, false);
  });

  it('bills Claude Sonnet 4 above 200k input tokens at $6/$22.50 (the data has no tier for it)', () => {
    const card = findExactModel('claude-sonnet-4-0')!;
    assert.strictEqual(card.longContext?.aboveInputTokens, 200_000);
    assert.strictEqual(card.longContext?.inputPerMTok, 6);
    assert.strictEqual(card.longContext?.outputPerMTok, 22.5);
    assert.match(card.longContext?.source ?? '', /platform\.claude\.com/);
    assert.ok(Math.abs(callCost(card, { input: 250_000, output: 1_000 }) - (250_000 * 6 + 1_000 * 22.5) / 1e6) < 1e-12);
    assert.ok(Math.abs(callCost(card, { input: 100_000, output: 1_000 }) - (100_000 * 3 + 1_000 * 15) / 1e6) < 1e-12);
  });

  it('serviceTier per glob in the usage file and in frontmatter prices the unit on the tier', () => {
    const { config, problems } = parseUsageFile(
      'defaults:\n  model: gpt-4.1\noverrides:\n  - files: "batch/**"\n    serviceTier: batch\n  - files: "bad/**"\n    serviceTier: cheap\n',
    );
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0]!.message, /serviceTier: expected one of standard, batch, flex, priority/);
    const text = 'Summarise the ticket in two sentences.\n';
    const cost = (relativePath: string, source = text) => {
      const r = estimateSource(relativePath, source, { relativePath, usage: config });
      assert.ok(r.ok);
      return r.estimate.units[0]!;
    };
    const standard = cost('prompts/a.prompt.md');
    const batch = cost('batch/a.prompt.md');
    assert.ok(Math.abs(batch.cost!.perCall - standard.cost!.perCall / 2) < 1e-12);
    assert.match(batch.pricing.ok ? batch.pricing.explanation : '', /batch tier ×0\.5.*files: batch\/\*\*/);
    const front = cost('prompts/b.prompt.md', '---\nburnrate:\n  serviceTier: flex\n---\n' + text);
    assert.strictEqual(front.pricing.ok && front.pricing.rates.serviceTier?.tier, 'flex');
  });
});
