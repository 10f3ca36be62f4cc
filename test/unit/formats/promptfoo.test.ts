import * as assert from 'assert';
import { problemMatching, readFixture, readText } from './fixtures';

describe('formats: promptfoo', () => {
  const file = readFixture('eval/promptfooconfig.yaml');

  it('one unit per prompt × provider; a file:// prompt waits, without text, for the file beside the config', () => {
    assert.deepStrictEqual(
      file.units.map((u) => u.name),
      [
        'prompt 1 × openai:gpt-4.1-mini',
        'prompt 1 × Sonnet',
        'prompt 1 × vertex:gemini-2.5-pro',
        'prompts/long_prompt.txt × openai:gpt-4.1-mini',
        'prompts/long_prompt.txt × Sonnet',
        'prompts/long_prompt.txt × vertex:gemini-2.5-pro',
        'chat-translate × openai:gpt-4.1-mini',
        'chat-translate × Sonnet',
        'chat-translate × vertex:gemini-2.5-pro',
      ],
    );
    const waiting = file.units.filter((u) => u.promptRef !== undefined);
    assert.deepStrictEqual([...new Set(waiting.map((u) => u.promptRef))], ['prompts/long_prompt.txt']);
    assert.ok(waiting.every((u) => u.parts.length === 0));
  });

  it('provider ids are models; each provider form gives its output cap', () => {
    const [plain, sonnet, vertex] = file.units;
    assert.deepStrictEqual(plain!.model, { value: 'openai:gpt-4.1-mini', field: 'providers[0]', line: 8 });
    assert.strictEqual(plain!.maxOutputTokens, undefined);
    assert.deepStrictEqual(sonnet!.model, {
      value: 'anthropic:messages:claude-sonnet-4-5-20250929',
      field: 'providers[1].id',
      line: 9,
    });
    assert.deepStrictEqual(sonnet!.maxOutputTokens, { value: 300, field: 'providers[1].config.max_tokens', line: 12 });
    assert.strictEqual(vertex!.model?.value, 'vertex:gemini-2.5-pro');
    assert.strictEqual(vertex!.maxOutputTokens?.value, 256);
    assert.deepStrictEqual(
      sonnet!.range,
      { startLine: 9, endLine: 12 },
      'with several providers, each unit sits on its provider',
    );
  });

  it('calls per run = inline tests × repeat, with notes for file tests and model-graded assertions', () => {
    assert.ok(file.units.every((u) => u.callsPerRun === 6));
    problemMatching(file, /tests from file:\/\/tests\/more\.csv/);
    problemMatching(file, /model-graded assertions \(llm-rubric\)/);
  });

  it('a JSON chat prompt is split into messages', () => {
    const chat = file.units[6]!;
    assert.strictEqual(chat.messageCount, 2);
    assert.deepStrictEqual(
      chat.parts.map((p) => [p.role, p.text]),
      [
        ['system', 'You translate.'],
        ['user', '{{text}}'],
      ],
    );
  });

  it('single provider: the unit is named after the prompt and sits on it; no tests means one call', () => {
    const single = readText('promptfooconfig.yaml', "prompts: 'Hello {{name}}'\nproviders: openai:gpt-4o\n");
    assert.strictEqual(single.units.length, 1);
    const unit = single.units[0]!;
    assert.strictEqual(unit.name, 'prompt 1');
    assert.deepStrictEqual(unit.range, { startLine: 0, endLine: 0 });
    assert.strictEqual(unit.callsPerRun, 1);
    assert.strictEqual(unit.parts[0]!.text, 'Hello {{name}}');
  });

  it('no providers: units without a model and a note', () => {
    const none = readText('promptfooconfig.yaml', "prompts:\n  - 'A'\n  - 'B'\n");
    assert.deepStrictEqual(
      none.units.map((u) => [u.name, u.model]),
      [
        ['prompt 1', undefined],
        ['prompt 2', undefined],
      ],
    );
    problemMatching(none, /no providers/);
  });
});
