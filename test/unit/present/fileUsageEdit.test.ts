import * as assert from 'assert';
import { readPromptFile } from '../../../src/core/formats';
import {
  frontmatterPolicy,
  setUsageHint,
  yamlScalar,
  type TextEdit,
  type UsageHintKey,
} from '../../../src/core/present/fileUsageEdit';
import type { FormatId } from '../../../src/core/types';

/** Applies an edit the way an editor does (positions are line/character). */
function apply(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const offset = (line: number, character: number) =>
    lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
  return (
    text.slice(0, offset(edit.startLine, edit.startCharacter)) +
    edit.text +
    text.slice(offset(edit.endLine, edit.endCharacter))
  );
}

// A Claude subagent: a format whose tool strips the frontmatter and no validator flags a `burnrate:` key.
const AGENT = '.claude/agents/p.md';

function set(
  text: string,
  key: UsageHintKey,
  value: string | number,
  path = AGENT,
  format: FormatId = 'claude-agent',
): string {
  const result = setUsageHint(text, key, value, format, path);
  if (!result.ok) throw new Error(result.error);
  return apply(text, result.value);
}

/** What the engine reads back from the edited file. */
function hints(text: string, path = AGENT) {
  const read = readPromptFile(path, new TextEncoder().encode(text));
  assert.ok(read.ok);
  assert.deepStrictEqual(
    read.value.problems.filter((p) => p.severity !== 'info'),
    [],
  );
  return read.value.usageHints;
}

describe('writing burnrate: frontmatter', () => {
  it('creates a frontmatter block in a file without one', () => {
    const out = set('Summarise the text.\n', 'model', 'gpt-4.1-mini');
    assert.strictEqual(out, '---\nburnrate:\n  model: gpt-4.1-mini\n---\nSummarise the text.\n');
    assert.strictEqual(hints(out)?.model, 'gpt-4.1-mini');
  });

  it('adds a burnrate block before the closing line, leaving the other fields as written', () => {
    const text = "---\ndescription: 'Review'   # keep me\ntools: ['a', 'b']\n---\nBody\n";
    const out = set(text, 'callsPerDay', 5000);
    assert.strictEqual(
      out,
      "---\ndescription: 'Review'   # keep me\ntools: ['a', 'b']\nburnrate:\n  callsPerDay: 5000\n---\nBody\n",
    );
    assert.strictEqual(hints(out)?.callsPerDay, 5000);
  });

  it('replaces the key inside an existing block, or adds it at the block indent', () => {
    const text = '---\nburnrate:\n    model: old\n    outputTokens: 50\nname: x\n---\nBody\n';
    const replaced = set(text, 'model', 'claude-haiku-4-5');
    assert.strictEqual(
      replaced,
      '---\nburnrate:\n    model: claude-haiku-4-5\n    outputTokens: 50\nname: x\n---\nBody\n',
    );
    const added = set(text, 'callsPerDay', 20);
    assert.strictEqual(
      added,
      '---\nburnrate:\n    model: old\n    outputTokens: 50\n    callsPerDay: 20\nname: x\n---\nBody\n',
    );
    assert.deepStrictEqual(hints(added), { model: 'old', outputTokens: 50, callsPerDay: 20, line: 1 });
  });

  it('rewrites a one-line flow block in place', () => {
    const out = set('---\nburnrate: { model: a, callsPerDay: 3 }\n---\nBody\n', 'model', 'gpt-4o');
    assert.strictEqual(out, '---\nburnrate: { model: gpt-4o, callsPerDay: 3 }\n---\nBody\n');
  });

  it('keeps CRLF line endings', () => {
    const out = set('---\r\nname: x\r\n---\r\nBody\r\n', 'model', 'gpt-4o');
    assert.strictEqual(out, '---\r\nname: x\r\nburnrate:\r\n  model: gpt-4o\r\n---\r\nBody\r\n');
  });

  it('quotes values that YAML would read as something else', () => {
    assert.strictEqual(yamlScalar('gpt-4o'), 'gpt-4o');
    assert.strictEqual(yamlScalar('ft:gpt-4.1-mini:acme:v3'), 'ft:gpt-4.1-mini:acme:v3');
    assert.strictEqual(yamlScalar('4.1'), '"4.1"');
    assert.strictEqual(yamlScalar('yes'), '"yes"');
    assert.strictEqual(yamlScalar('Claude Sonnet 4'), '"Claude Sonnet 4"');
    const out = set('Body\n', 'model', 'Claude Sonnet 4: fast');
    assert.strictEqual(hints(out)?.model, 'Claude Sonnet 4: fast');
  });

  it('refuses where a frontmatter block cannot or should not be written', () => {
    assert.strictEqual(frontmatterPolicy('messages-json', 'a.json'), 'never');
    assert.strictEqual(frontmatterPolicy('crewai-agents', 'agents.yaml'), 'never');
    assert.strictEqual(frontmatterPolicy('plain-prompt', 'prompts/a.txt'), 'never');
    assert.strictEqual(frontmatterPolicy('cursor-rule', '.cursorrules'), 'never');
    const claude = setUsageHint('# Notes\n', 'model', 'x', 'always-on', 'CLAUDE.md');
    assert.ok(
      !claude.ok && /would send a new one/.test(claude.error),
      'CLAUDE.md is sent as written: no new frontmatter',
    );
    const unclosed = setUsageHint('---\nname: x\nBody\n', 'model', 'x', 'claude-agent', AGENT);
    assert.ok(!unclosed.ok && /no closing/.test(unclosed.error));
  });

  it('never writes into VS Code prompt, instructions or agent files, whose header validation would flag the key', () => {
    for (const [format, path] of [
      ['vscode-prompt', 'a.prompt.md'],
      ['vscode-instructions', 'a.instructions.md'],
      ['vscode-agent', 'a.agent.md'],
    ] as const) {
      assert.strictEqual(frontmatterPolicy(format, path), 'flagged');
      const edit = setUsageHint('---\ndescription: x\n---\nBody\n', 'model', 'gpt-4.1', format, path);
      assert.ok(!edit.ok && /VS Code's prompt-file validation warns/.test(edit.error), format);
    }
  });

  it('edits an always-on file that already has frontmatter', () => {
    const out = set('---\npaths: src/**\n---\nRules\n', 'callsPerDay', 100, '.claude/rules/a.md', 'always-on');
    assert.strictEqual(hints(out, '.claude/rules/a.md')?.callsPerDay, 100);
  });
});
