import * as assert from 'assert';
import { countSelection, unitAtLine } from '../../../src/core/estimate/selection';
import { integer, usd } from '../../../src/core/present/money';
import { fileStatusText, selectionStatusText } from '../../../src/core/present/statusText';
import { callCost } from '../../../src/core/pricing/rateCard';
import { encodeOrdinary } from '../../../src/core/tokenize/encodings';
import { estimate, firstUnit, PROMPT } from './estimates';

describe('status bar text', () => {
  it('one unit: tokens and $/call', () => {
    const result = estimate('.github/prompts/review.prompt.md', PROMPT);
    assert.ok(result.ok);
    const u = result.estimate.units[0]!;
    assert.strictEqual(fileStatusText(result).text, `${integer(u.input.tokens)} tok · ${usd(u.cost!.perCall)}/call`);
  });

  it('several units: count, tokens and the month together', () => {
    const yaml = 'a:\n  role: A\n  goal: G\n  backstory: B\nb:\n  role: B\n  goal: G\n  backstory: B\n';
    const result = estimate('crew/config/agents.yaml', yaml);
    assert.match(fileStatusText(result).text, /^2 units · ≈[\d,]+ tok · ≈\$[\d,.]+\/mo$/);
  });

  it('a skipped file says so', () => {
    assert.strictEqual(fileStatusText(estimate('a.prompt.md', 'x'.repeat(100), { maxBytes: 10 })).text, 'skipped');
  });

  it('the selection is counted with the file model and priced as input', () => {
    const u = firstUnit('.github/prompts/review.prompt.md', PROMPT);
    const text = 'Point out bugs first.';
    const count = countSelection(text, u);
    assert.strictEqual(count.tokens, encodeOrdinary('o200k_base', text).length);
    assert.ok(count.exact);
    assert.strictEqual(
      count.inputCost,
      callCost(u.pricing.ok ? u.pricing.rates : assert.fail(), { input: count.tokens, output: 0 }),
    );
    assert.strictEqual(selectionStatusText(count).text, `selection ${count.tokens} tok · ${usd(count.inputCost!)} in`);
  });

  it('the selection on a Claude model is an estimate (≈)', () => {
    const u = firstUnit('p.prompt.md', PROMPT.replace('gpt-4o', 'claude-sonnet-4-5'));
    const count = countSelection('Point out bugs first.', u);
    assert.ok(!count.exact && count.band > 0);
    assert.match(selectionStatusText(count).text, /^selection ≈\d+ tok · ≈\$/);
  });

  it('unitAtLine picks the unit holding the line', () => {
    const units = [{ range: { startLine: 0, endLine: 3 } }, { range: { startLine: 4, endLine: 9 } }];
    assert.strictEqual(unitAtLine(units, 5), units[1]);
    assert.strictEqual(unitAtLine(units, 0), units[0]);
    assert.strictEqual(unitAtLine(units, 50), units[0]);
  });
});
