import * as assert from 'assert';
import { relabelFlagSources } from '../../../src/core/estimate/choiceLabels';
import { readSettingsPrices } from '../../../src/core/estimate/settingsPrices';
import { parseCount } from '../../../src/core/present/countInput';
import { modelChoices } from '../../../src/core/present/modelChoices';
import { fileEstimate, PROMPT } from './estimates';

describe('editor inputs', () => {
  it('parseCount reads what people type', () => {
    assert.deepStrictEqual(parseCount('50000'), { ok: true, value: 50000 });
    assert.deepStrictEqual(parseCount(' 50,000 '), { ok: true, value: 50000 });
    assert.deepStrictEqual(parseCount('50k'), { ok: true, value: 50000 });
    assert.deepStrictEqual(parseCount('1.5M'), { ok: true, value: 1500000 });
    assert.ok(!parseCount('lots').ok);
    assert.ok(!parseCount('-5').ok);
    assert.ok(!parseCount('').ok);
  });

  it('settings price overrides: good entries kept with their origin, bad ones reported', () => {
    const { prices, problems } = readSettingsPrices([
      {
        model: 'acme',
        inputPerMTok: 1,
        outputPerMTok: 2,
        cacheReadPerMTok: 0.1,
        provider: 'openai',
        aliases: ['acme-1', 3],
      },
      { model: 'bad', inputPerMTok: -1, outputPerMTok: 2 },
      'nope',
    ]);
    assert.deepStrictEqual(prices, [
      {
        model: 'acme',
        inputPerMTok: 1,
        outputPerMTok: 2,
        cacheReadPerMTok: 0.1,
        provider: 'openai',
        aliases: ['acme-1'],
        origin: 'burnrate.prices.overrides setting entry 1',
      },
    ]);
    assert.strictEqual(problems.length, 2);
    assert.deepStrictEqual(readSettingsPrices({}).prices, []);
    assert.strictEqual(readSettingsPrices({}).problems.length, 1);
  });

  it('a settings price is used for an unknown model', () => {
    const { prices } = readSettingsPrices([{ model: 'acme-llm-9000', inputPerMTok: 1, outputPerMTok: 2 }]);
    const u = fileEstimate('p.prompt.md', PROMPT.replace('gpt-4o', 'acme-llm-9000'), { settingsPrices: prices })
      .units[0]!;
    assert.ok(u.pricing.ok && u.pricing.rates.inputPerMTok === 1);
  });

  it('choices made by editor commands are named as such, not as CLI flags', () => {
    const e = fileEstimate('p.prompt.md', PROMPT, { flags: { model: 'gpt-4.1', callsPerDay: 5 } });
    assert.strictEqual(e.units[0]!.model.detail, '--model option');
    const relabelled = relabelFlagSources(e, (key) => `${key} chosen in the editor`);
    assert.strictEqual(relabelled.units[0]!.model.detail, 'model chosen in the editor');
    assert.strictEqual(relabelled.units[0]!.callsPerDay.detail, 'callsPerDay chosen in the editor');
    assert.strictEqual(
      relabelled.units[0]!.output.expected.detail,
      e.units[0]!.output.expected.detail,
      'sources that are not flags stay',
    );
  });

  it('an editor choice that was capped keeps the note after its own wording', () => {
    const e = fileEstimate('p.prompt.md', PROMPT, { flags: { callsPerDay: 1e12 } });
    const calls = e.units[0]!.callsPerDay;
    assert.strictEqual(calls.detail, "--calls-per-day option, capped at Burnrate's bound of 100,000,000");
    assert.deepStrictEqual(calls.flag, { key: 'callsPerDay', notes: ["capped at Burnrate's bound of 100,000,000"] });
    assert.strictEqual(
      relabelFlagSources(e, (key) => `${key} chosen in the editor`).units[0]!.callsPerDay.detail,
      "callsPerDay chosen in the editor, capped at Burnrate's bound of 100,000,000",
    );
  });

  it('model choices: the user prices first, then priced chat models, no duplicates', () => {
    const choices = modelChoices([
      { model: 'my-ft', inputPerMTok: 1, outputPerMTok: 2, origin: '.burnrate.yaml line 3' },
    ]);
    assert.strictEqual(choices[0]!.id, 'my-ft');
    assert.strictEqual(choices[0]!.origin, '.burnrate.yaml line 3');
    const ids = choices.map((c) => c.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const id of ['claude-sonnet-4-5', 'gpt-4o', 'gemini-2.5-flash']) assert.ok(ids.includes(id), id);
    assert.ok(!ids.some((id) => /embed|tts|image/.test(id)));
  });
});
