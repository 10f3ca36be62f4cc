import * as assert from 'assert';
import { onlyUnit, problemMatching, readFixture, readFixtureResult, readText } from './fixtures';

describe('formats: chat API payloads (JSON)', () => {
  it('Anthropic: tools, top-level system blocks, content blocks, images and cache marks noted', () => {
    const file = readFixture('requests/anthropic.json');
    const unit = onlyUnit(file);
    assert.deepStrictEqual(unit.model, { value: 'claude-sonnet-4-5', field: 'model', line: 1 });
    assert.deepStrictEqual(unit.maxOutputTokens, { value: 2048, field: 'max_tokens', line: 2 });
    assert.strictEqual(unit.messageCount, 4, 'three messages plus the top-level system prompt');
    assert.deepStrictEqual(
      unit.parts.map((p) => [p.role, p.label]),
      [
        ['tool-schema', 'tool schema: get_stock_price'],
        ['system', 'system prompt'],
        ['user', 'user message'],
        ['assistant', 'assistant message'],
        ['user', 'user message'],
      ],
    );
    const tool = JSON.parse(unit.parts[0]!.text) as { name: string; input_schema: unknown };
    assert.strictEqual(tool.name, 'get_stock_price');
    assert.ok(tool.input_schema);
    assert.strictEqual(unit.parts[1]!.text, 'You are a careful analyst.');
    assert.strictEqual(unit.parts[2]!.text, 'What is in this chart, and what is ACME trading at?');
    assert.ok(!unit.parts[2]!.text.includes('iVBORw0KGgo'), 'image data is not counted as text');
    assert.deepStrictEqual(JSON.parse(unit.parts[3]!.text), { name: 'get_stock_price', input: { ticker: 'ACME' } });
    assert.strictEqual(unit.parts[4]!.text, '123.45');
    assert.deepStrictEqual(unit.parts[2]!.range, { startLine: 15, endLine: 21 });
    assert.deepStrictEqual(unit.tools, ['get_stock_price']);
    problemMatching(file, /1 image not counted/);
    problemMatching(file, /thinking budget 1024 tokens/);
    problemMatching(file, /cache_control/);
    assert.ok(file.problems.every((p) => p.severity === 'info'));
  });

  it('OpenAI: developer role as system, legacy functions, max_completion_tokens, content parts', () => {
    const file = readFixture('requests/openai-legacy.json');
    const unit = onlyUnit(file);
    assert.strictEqual(unit.maxOutputTokens?.value, 500);
    assert.deepStrictEqual(
      unit.parts.map((p) => [p.role, p.text.slice(0, 20)]),
      [
        ['tool-schema', '{"name":"lookup","pa'],
        ['system', 'Be terse.'],
        ['user', 'Hi'],
      ],
    );
    assert.strictEqual(unit.messageCount, 2);
    problemMatching(file, /reasoning effort "low"/);
  });

  it('malformed JSON: plain text, the warning names the line of the error', () => {
    const file = readFixture('requests/broken.json');
    const warning = problemMatching(file, /^JSON unreadable at line 5 — counted as plain text/);
    assert.strictEqual(warning.line, 4);
    assert.ok(!warning.message.includes('\n'), 'V8 quotes the whole input in its message; it is trimmed');
    assert.ok(onlyUnit(file).parts[0]!.text.startsWith('{\n  "model"'));
  });

  it('the error line is found where V8 gives no position', () => {
    const file = readText('x.json', '{\n  "a": 1,\n  "b": tru\n}\n');
    assert.strictEqual(problemMatching(file, /JSON unreadable/).line, 2);
  });

  it('JSON without a messages array is skipped with a reason', () => {
    const result = readFixtureResult('requests/not-a-chat.json');
    assert.ok(!result.ok);
    assert.match(result.error.reason, /without a messages array/);
  });

  it('a bare array of messages is a conversation', () => {
    const unit = onlyUnit(
      readText('history.json', '[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]'),
    );
    assert.deepStrictEqual(
      unit.parts.map((p) => [p.role, p.text]),
      [
        ['user', 'hi'],
        ['assistant', 'hello'],
      ],
    );
  });

  it('a message without a role is warned about and left out', () => {
    const file = readText('x.json', '{"messages":[{"content":"orphan"},{"role":"user","content":"ok"}]}');
    assert.deepStrictEqual(
      onlyUnit(file).parts.map((p) => p.text),
      ['ok'],
    );
    problemMatching(file, /message 1 has no role/);
  });
});
