import * as assert from 'assert';
import { fixtureLine, onlyUnit, problemMatching, readFixture, readText } from './fixtures';

describe('formats: Prompty', () => {
  it('v1: configuration.azure_deployment and parameters.max_tokens; role lines split messages', () => {
    const file = readFixture('v1-azure.prompty');
    const unit = onlyUnit(file);
    assert.strictEqual(unit.name, 'Support answer');
    assert.deepStrictEqual(unit.model, {
      value: 'gpt-4o-mini',
      field: 'model.configuration.azure_deployment',
      line: 6,
    });
    assert.deepStrictEqual(unit.maxOutputTokens, { value: 512, field: 'model.parameters.max_tokens', line: 8 });
    assert.strictEqual(unit.messageCount, 4);
    assert.deepStrictEqual(
      unit.parts.map((p) => [p.role, p.text]),
      [
        ['system', 'You are a support agent for Contoso.\n\n# Tone\nFriendly and short.'],
        ['user', '{{question}}'],
        ['assistant', 'Let me check that for you.'],
        ['user', 'Thanks.'],
      ],
    );
    assert.strictEqual(fixtureLine('v1-azure.prompty', unit.parts[1]!.range!.startLine), 'user:');
    assert.strictEqual(fixtureLine('v1-azure.prompty', unit.parts[3]!.range!.endLine), 'Thanks.');
    assert.deepStrictEqual(file.problems, []);
  });

  it('v2: model.id, options.maxOutputTokens, tools as tool-schema parts', () => {
    const text = [
      '---',
      'model:',
      '  id: gpt-4.1',
      '  options:',
      '    maxOutputTokens: 256',
      'tools:',
      '  - name: lookup',
      '    kind: function',
      '---',
      'Answer briefly.',
      'user:',
      '{{q}}',
    ].join('\n');
    const unit = onlyUnit(readText('a.prompty', text));
    assert.deepStrictEqual(unit.model, { value: 'gpt-4.1', field: 'model.id', line: 2 });
    assert.strictEqual(unit.maxOutputTokens?.value, 256);
    assert.deepStrictEqual(unit.tools, ['lookup']);
    assert.deepStrictEqual(unit.parts[0], {
      role: 'tool-schema',
      label: 'tool schema: lookup',
      text: '{"name":"lookup","kind":"function"}',
      range: { startLine: 6, endLine: 7 },
    });
    assert.deepStrictEqual(
      unit.parts.slice(1).map((p) => [p.role, p.text]),
      [
        ['system', 'Answer briefly.'],
        ['user', '{{q}}'],
      ],
      'text before any role line is system',
    );
    assert.strictEqual(unit.messageCount, 2);
  });

  it('the completion API takes the body as one prompt: role lines are text', () => {
    const unit = onlyUnit(readFixture('completion.prompty'));
    assert.strictEqual(unit.messageCount, 1);
    assert.strictEqual(unit.parts.length, 1);
    assert.ok(unit.parts[0]!.text.startsWith('system:\n'));
  });

  it('model.api is an API type, never a model', () => {
    const unit = onlyUnit(readText('a.prompty', '---\nmodel:\n  api: chat\n---\nHi\n'));
    assert.strictEqual(unit.model, undefined);
  });

  it('broken frontmatter: plain text with the line', () => {
    const file = readFixture('broken.prompty');
    assert.strictEqual(problemMatching(file, /frontmatter unreadable at line 3/).line, 2);
    assert.strictEqual(onlyUnit(file).messageCount, 1);
  });
});

describe('formats: Dotprompt', () => {
  it('reads model, config.maxOutputTokens, tools; {{role}} helpers split messages; output schema is a part', () => {
    const file = readFixture('genkit/prompts/recipe.v2.prompt');
    const unit = onlyUnit(file);
    assert.strictEqual(unit.name, 'recipe', 'the variant suffix is not part of the name');
    assert.deepStrictEqual(unit.model, { value: 'googleai/gemini-2.5-flash', field: 'model', line: 1 });
    assert.deepStrictEqual(unit.maxOutputTokens, { value: 800, field: 'config.maxOutputTokens', line: 3 });
    assert.deepStrictEqual(unit.tools, ['lookupPantry', 'convertUnits']);
    assert.strictEqual(unit.messageCount, 2);
    assert.deepStrictEqual(
      unit.parts.map((p) => p.role),
      ['system', 'user', 'context'],
    );
    assert.strictEqual(unit.parts[1]!.text, 'Give me a recipe for {{dish}}.');
    const schema = unit.parts[2]!;
    assert.strictEqual(schema.label, 'output schema');
    assert.deepStrictEqual(JSON.parse(schema.text), { title: 'string', 'steps(array)': 'string' });
    assert.ok(!unit.parts.some((p) => p.text.includes('dish: string')), 'the input schema is not sent');
    assert.strictEqual(problemMatching(file, /history/).line, 17);
  });

  it('expanded <<<dotprompt:role:...>>> markers split messages too; "model" is the assistant', () => {
    const unit = onlyUnit(readText('p.prompt', '<<<dotprompt:role:user>>>\nQ\n<<<dotprompt:role:model>>>\nA\n'));
    assert.deepStrictEqual(
      unit.parts.map((p) => [p.role, p.text, p.range?.startLine]),
      [
        ['user', 'Q', 0],
        ['assistant', 'A', 2],
      ],
    );
  });

  it('without markers the body is one user message', () => {
    const file = readFixture('genkit/prompts/_style.prompt');
    const unit = onlyUnit(file);
    assert.deepStrictEqual(
      unit.parts.map((p) => [p.role, p.text]),
      [['user', 'Write plainly.']],
    );
    problemMatching(file, /partial/);
  });
});
