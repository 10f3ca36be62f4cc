import * as assert from 'assert';
import { fixtureLine, onlyUnit, problemMatching, readFixture, readText } from './fixtures';

describe('formats: VS Code files', () => {
  it('prompt file: display-name model, tool names, body part; agent/mode are not models', () => {
    const file = readFixture('.github/prompts/review.prompt.md');
    assert.strictEqual(file.format, 'vscode-prompt');
    assert.strictEqual(file.formatLabel, 'VS Code prompt file');
    const unit = onlyUnit(file);
    assert.strictEqual(unit.name, 'review');
    assert.strictEqual(unit.kind, 'call');
    assert.deepStrictEqual(unit.model, { value: 'Claude Sonnet 4', field: 'model', line: 4 });
    assert.deepStrictEqual(unit.tools, ['githubRepo', 'search/codebase']);
    assert.deepStrictEqual(unit.range, { startLine: 0, endLine: 22 });
    assert.strictEqual(unit.messageCount, 1);
    assert.strictEqual(unit.parts.length, 1);
    assert.strictEqual(unit.parts[0]!.role, 'body');
    assert.ok(unit.parts[0]!.text.startsWith('Review the changes in ${input:pr:PR number}.'));
    assert.ok(unit.parts[0]!.text.endsWith('Use #tool:githubRepo to read the diff.'));
    assert.deepStrictEqual(file.problems, []);
  });

  it('a prompt with only agent: and no model has no model', () => {
    const unit = onlyUnit(readText('x.prompt.md', "---\nagent: 'agent'\nmode: edit\n---\nFix it.\n"));
    assert.strictEqual(unit.model, undefined);
  });

  it('custom agent: a model list is kept in order (first is primary)', () => {
    const unit = onlyUnit(readFixture('.github/agents/planner.agent.md'));
    assert.deepStrictEqual(unit.model, {
      value: ['GPT-5 mini (copilot)', 'Claude Sonnet 4.5 (copilot)'],
      field: 'model',
      line: 2,
    });
    assert.deepStrictEqual(unit.tools, ['search', 'fetch']);
    assert.strictEqual(unit.parts[0]!.label, 'agent instructions');
  });

  it('legacy chat mode files read as custom agents', () => {
    const file = readFixture('.github/chatmodes/legacy.chatmode.md');
    assert.strictEqual(file.format, 'vscode-agent');
    assert.strictEqual(onlyUnit(file).model?.value, 'GPT-4.1');
  });

  it('instructions with applyTo are always-on context scoped to the glob', () => {
    const unit = onlyUnit(readFixture('.github/instructions/typescript.instructions.md'));
    assert.strictEqual(unit.kind, 'always-on');
    assert.strictEqual(unit.appliesTo, '**/*.ts, **/*.tsx');
    assert.strictEqual(unit.parts[0]!.role, 'context');
  });

  it('instructions without applyTo are priced per use, with a note saying why', () => {
    const file = readFixture('.github/instructions/on-demand.instructions.md');
    assert.strictEqual(onlyUnit(file).kind, 'call');
    assert.strictEqual(problemMatching(file, /no applyTo/).severity, 'info');
  });

  it('copilot-instructions.md is always-on for every request', () => {
    const unit = onlyUnit(readFixture('.github/copilot-instructions.md'));
    assert.strictEqual(unit.kind, 'always-on');
    assert.strictEqual(unit.appliesTo, undefined);
    assert.strictEqual(unit.name, 'copilot-instructions.md');
  });
});

describe('formats: Claude Code subagents', () => {
  it('reads model, maxTurns, tools (list form) and notes skills', () => {
    const file = readFixture('.claude/agents/test-runner.md');
    const unit = onlyUnit(file);
    assert.strictEqual(unit.name, 'test-runner');
    assert.deepStrictEqual(unit.model, { value: 'haiku', field: 'model', line: 6 });
    assert.deepStrictEqual(unit.turns, { value: 12, field: 'maxTurns', line: 7 });
    assert.deepStrictEqual(unit.tools, ['Bash', 'Read']);
    assert.strictEqual(unit.parts[0]!.label, 'system prompt');
    assert.strictEqual(problemMatching(file, /skills \(pytest-patterns\)/).line, 8);
  });

  it('model: inherit means no model, with an info note; comma tools; junk maxTurns is warned', () => {
    const file = readFixture('.claude/agents/inherits.md');
    const unit = onlyUnit(file);
    assert.strictEqual(unit.model, undefined);
    const note = problemMatching(file, /inherits the main conversation's model/);
    assert.deepStrictEqual([note.severity, note.line], ['info', 4]);
    assert.deepStrictEqual(unit.tools, ['Read', 'Grep']);
    assert.strictEqual(unit.turns, undefined);
    assert.strictEqual(problemMatching(file, /maxTurns should be a whole number/).severity, 'warning');
  });

  it('an agent file without name/description is still read, with a note', () => {
    const file = readText('.claude/agents/bare.md', 'Just a prompt.\n');
    assert.strictEqual(onlyUnit(file).name, 'bare');
    problemMatching(file, /only loads subagents whose frontmatter has a name and a description/);
  });
});

describe('formats: always-on context files', () => {
  for (const name of ['CLAUDE.md', 'AGENTS.md', 'CLAUDE.local.md']) {
    it(`${name} is one always-on context unit holding the whole file`, () => {
      const file = readFixture(name);
      const unit = onlyUnit(file);
      assert.strictEqual(file.format, 'always-on');
      assert.strictEqual(unit.kind, 'always-on');
      assert.strictEqual(unit.name, name);
      assert.strictEqual(unit.parts[0]!.role, 'context');
      assert.strictEqual(unit.parts[0]!.range?.startLine, 0);
    });
  }

  it('.claude/rules files scope themselves with paths:', () => {
    const unit = onlyUnit(readFixture('.claude/rules/api.md'));
    assert.strictEqual(unit.kind, 'always-on');
    assert.strictEqual(unit.appliesTo, 'src/api/**/*.ts');
    assert.strictEqual(unit.parts[0]!.text, 'All API handlers validate their input.');
  });
});

describe('formats: Cursor rules', () => {
  it('alwaysApply: true is always-on everywhere', () => {
    const unit = onlyUnit(readFixture('.cursor/rules/always.mdc'));
    assert.strictEqual(unit.kind, 'always-on');
    assert.strictEqual(unit.appliesTo, undefined);
  });

  it('globs make an always-on rule scoped to them', () => {
    const unit = onlyUnit(readFixture('.cursor/rules/react.mdc'));
    assert.strictEqual(unit.kind, 'always-on');
    assert.strictEqual(unit.appliesTo, '*.jsx, src/components/**/*.tsx');
  });

  it('neither: an agent-requested rule, priced per use with an explanation', () => {
    const file = readFixture('.cursor/rules/requested.mdc');
    assert.strictEqual(onlyUnit(file).kind, 'call');
    assert.strictEqual(problemMatching(file, /only when the agent asks for it/).severity, 'info');
  });

  it('legacy .cursorrules is always-on', () => {
    const unit = onlyUnit(readFixture('.cursorrules'));
    assert.strictEqual(unit.kind, 'always-on');
    assert.strictEqual(unit.parts[0]!.text, 'You are an expert in Go. Prefer the standard library.');
  });
});

describe('formats: plain prompts', () => {
  it('.txt under prompts/ is read whole, a leading --- included (no frontmatter in .txt)', () => {
    const unit = onlyUnit(readFixture('prompts/summarise.txt'));
    assert.strictEqual(unit.parts[0]!.text.split('\n')[0], '---');
    assert.strictEqual(unit.parts[0]!.text, [0, 1, 2].map((n) => fixtureLine('prompts/summarise.txt', n)).join('\n'));
  });

  it('.md under prompts/ gets sections', () => {
    const unit = onlyUnit(readFixture('prompts/classify.md'));
    assert.deepStrictEqual(
      unit.sections.map((s) => s.title),
      ['Classifier'],
    );
  });

  it('an empty body gives a unit with no parts and a note', () => {
    const file = readText('x.prompt.md', '---\nmodel: gpt-4o\n---\n\n');
    assert.deepStrictEqual(onlyUnit(file).parts, []);
    problemMatching(file, /body is empty/);
  });
});
