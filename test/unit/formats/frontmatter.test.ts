import * as assert from 'assert';
import { onlyUnit, problemMatching, readFixture, readText } from './fixtures';

describe('formats: frontmatter', () => {
  it('is never part of the prompt parts and its lines are reported', () => {
    const file = readFixture('.github/prompts/review.prompt.md');
    assert.deepStrictEqual(file.frontmatter, { startLine: 0, endLine: 9 });
    const body = onlyUnit(file).parts[0]!;
    assert.ok(!body.text.includes('burnrate'), body.text);
    assert.strictEqual(body.range?.startLine, 10);
  });

  it('unreadable YAML: the whole file is one plain-text unit and the warning names the line', () => {
    const file = readFixture('.github/prompts/broken-frontmatter.prompt.md');
    const warning = problemMatching(file, /^frontmatter unreadable at line \d+ — counted as plain text/);
    assert.strictEqual(warning.severity, 'warning');
    assert.strictEqual(warning.line, 3, 'the list opened on line 3 is still open when line 4 starts a new key');
    assert.ok(warning.message.startsWith('frontmatter unreadable at line 4 '), warning.message);
    const unit = onlyUnit(file);
    assert.strictEqual(unit.parts.length, 1);
    assert.ok(unit.parts[0]!.text.startsWith('---\nmodel: gpt-4o'), 'the frontmatter text is counted too');
    assert.strictEqual(unit.model, undefined, 'nothing is read from unreadable frontmatter');
    assert.strictEqual(file.frontmatter, undefined);
  });

  it('an opening --- without a closing one is reported, not silently swallowed', () => {
    const file = readText('x.prompt.md', '---\nmodel: gpt-4o\nHello there.\n');
    problemMatching(file, /frontmatter unreadable at line 1 .*no closing ---/);
    assert.strictEqual(onlyUnit(file).parts[0]!.text, '---\nmodel: gpt-4o\nHello there.');
  });

  it('frontmatter that is not a key: value map counts as plain text', () => {
    const file = readText('x.prompt.md', '---\n- a\n- b\n---\nHello\n');
    problemMatching(file, /frontmatter unreadable .*not a set of "key: value" fields/);
    assert.strictEqual(onlyUnit(file).parts[0]!.range?.startLine, 0);
  });

  it('empty frontmatter is fine', () => {
    const file = readText('x.prompt.md', '---\n---\nHello\n');
    assert.deepStrictEqual(file.problems, []);
    assert.strictEqual(onlyUnit(file).parts[0]!.text, 'Hello');
  });

  it('Cursor frontmatter with unquoted globs is read line by line, with an info note', () => {
    const file = readFixture('.cursor/rules/react.mdc');
    assert.strictEqual(onlyUnit(file).appliesTo, '*.jsx, src/components/**/*.tsx');
    assert.ok(file.problems.every((p) => p.severity === 'info'));
    problemMatching(file, /not strict YAML/);
  });

  it('VS Code instructions with an unquoted applyTo glob are read the same way', () => {
    const file = readText('.github/instructions/py.instructions.md', '---\napplyTo: **/*.py\n---\nHi\n');
    assert.strictEqual(onlyUnit(file).appliesTo, '**/*.py');
    assert.strictEqual(onlyUnit(file).kind, 'always-on');
  });

  it('strict YAML elsewhere: the same unquoted glob in a Claude subagent is read line by line, with a warning', () => {
    const file = readText('.claude/agents/x.md', '---\nname: x\ntools: *\n---\nHi\n');
    assert.strictEqual(
      problemMatching(file, /frontmatter is not valid YAML at line 3 .*read one "key: value" per line/).severity,
      'warning',
    );
    assert.deepStrictEqual(onlyUnit(file).tools, ['*']);
    assert.strictEqual(onlyUnit(file).parts[0]!.text, 'Hi');
  });

  it('a Claude subagent whose description holds an unquoted ": " keeps its model, tools and maxTurns', () => {
    const text = [
      '---',
      'name: reviewer',
      'description: Use this agent when: the user asks for a review. Example: "review my PR"',
      'tools: Read, Grep',
      'model: haiku',
      'maxTurns: 7',
      '---',
      'You review code.',
      '',
    ].join('\n');
    const file = readText('.claude/agents/reviewer.md', text);
    const unit = onlyUnit(file);
    assert.strictEqual(problemMatching(file, /not valid YAML at line 3/).line, 2);
    assert.strictEqual(unit.model?.value, 'haiku');
    assert.strictEqual(unit.model?.line, 4);
    assert.deepStrictEqual(unit.tools, ['Read', 'Grep']);
    assert.strictEqual(unit.turns?.value, 7);
    assert.strictEqual(unit.name, 'reviewer');
    assert.deepStrictEqual(
      unit.parts.map((p) => p.text),
      ['You review code.'],
      'only the body is counted, not the frontmatter',
    );
    assert.deepStrictEqual(file.frontmatter, { startLine: 0, endLine: 6 });
  });

  it('lenient reading does not rescue structurally broken frontmatter', () => {
    const file = readText('.cursor/rules/x.mdc', '---\nglobs: [a, b\nalwaysApply: true\n---\nHi\n');
    problemMatching(file, /frontmatter unreadable/);
    assert.strictEqual(onlyUnit(file).parts[0]!.range?.startLine, 0);
  });
});

describe('formats: burnrate usage hints', () => {
  it('reads model, callsPerDay and outputTokens with the block line', () => {
    const file = readFixture('.github/prompts/review.prompt.md');
    assert.deepStrictEqual(file.usageHints, { line: 6, callsPerDay: 40, outputTokens: 900 });
  });

  it('warns on junk values and unknown keys, keeping the good ones', () => {
    const file = readFixture('.github/prompts/junk-burnrate.prompt.md');
    assert.deepStrictEqual(file.usageHints, { line: 2, model: 'gpt-4.1-mini' });
    assert.strictEqual(problemMatching(file, /callsPerDay should be a number/).line, 4);
    assert.strictEqual(problemMatching(file, /outputTokens should be a whole number.*-5/).line, 5);
    assert.strictEqual(problemMatching(file, /burnrate\.budget is not a known setting/).line, 6);
    assert.strictEqual(problemMatching(file, /^model should be text, found 4/).line, 1);
    assert.strictEqual(onlyUnit(file).model, undefined);
  });

  it('a burnrate value that is not a map is reported', () => {
    const file = readText('x.prompt.md', '---\nburnrate: 500\n---\nHi\n');
    assert.strictEqual(file.usageHints, undefined);
    assert.strictEqual(problemMatching(file, /burnrate: should hold/).line, 1);
  });

  it('top-level burnrate in YAML configs is read, and is not taken for a CrewAI agent', () => {
    const file = readFixture('crew/config/agents.yaml');
    assert.deepStrictEqual(file.usageHints, { line: 18, callsPerDay: 3 });
    assert.ok(!file.units.some((u) => u.name === 'burnrate'));
  });
});
