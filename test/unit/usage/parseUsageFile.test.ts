import * as assert from 'assert';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';

describe('usage file', () => {
  it('reads defaults, overrides, prices, tokenizer factors and the month convention', () => {
    const { config, problems } = parseUsageFile(
      [
        'defaults: {model: gpt-4o, callsPerDay: 1000, outputTokens: 300}',
        'overrides:',
        '  - files: "agents/**"',
        '    turns: 5',
        'prices:',
        '  - {model: my-ft, inputPerMTok: 0.3, outputPerMTok: 1.2, cacheReadPerMTok: 0.03}',
        'tokenizer:',
        '  claude: {factor: 1.3, band: 0.1}',
        'month: {hours: 720}',
        'scenarios:',
        '  a: {turns: 3}',
      ].join('\n'),
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(config.defaults, { model: 'gpt-4o', callsPerDay: 1000, outputTokens: 300 });
    assert.strictEqual(config.overrides[0]!.files, 'agents/**');
    assert.strictEqual(config.overrides[0]!.turns, 5);
    assert.strictEqual(config.prices[0]!.cacheReadPerMTok, 0.03);
    assert.match(config.prices[0]!.origin, /line 6/);
    assert.deepStrictEqual(config.tokenizer.claude, { factor: 1.3, band: 0.1 });
    assert.strictEqual(config.monthHours, 720);
    assert.deepStrictEqual(config.scenarios, { a: { turns: 3 } });
  });

  it('reports malformed YAML with its line and ignores the file, without throwing', () => {
    const { config, problems } = parseUsageFile('defaults:\n  model: gpt-4o\n  callsPerDay: [1, 2\n');
    assert.strictEqual(problems[0]!.severity, 'error');
    assert.match(problems[0]!.message, /line \d/);
    assert.deepStrictEqual(config.defaults, {});
  });

  it('ignores bad entries with a message naming the line and keeps the good ones', () => {
    const { config, problems } = parseUsageFile(
      [
        'defaults:',
        '  callsPerDay: lots',
        '  outputTokens: 200',
        '  colour: blue',
        'prices:',
        '  - model: x',
        'overrides:',
        '  - model: y',
      ].join('\n'),
    );
    assert.strictEqual(config.defaults.outputTokens, 200);
    assert.strictEqual(config.defaults.callsPerDay, undefined);
    assert.strictEqual(config.prices.length, 0);
    assert.strictEqual(config.overrides.length, 0);
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /line 2: defaults\.callsPerDay: expected a non-negative number/);
    assert.match(messages, /unknown key "colour"/);
    assert.match(messages, /line 6: prices entry needs/);
    assert.match(messages, /line 8: overrides entry needs files/);
  });

  it('treats an empty file as no settings', () => {
    assert.deepStrictEqual(parseUsageFile('').problems, []);
    assert.strictEqual(parseUsageFile('- a\n- b').problems[0]!.severity, 'error');
  });
});
