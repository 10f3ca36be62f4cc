import * as assert from 'assert';
import { fixtureLine, problemMatching, readFixture, readFixtureResult, readText, unitNamed } from './fixtures';

describe('formats: CrewAI', () => {
  it('agents.yaml: one unit per agent with role/goal/backstory parts, llm, max_iter, retries and tools', () => {
    const file = readFixture('crew/config/agents.yaml');
    assert.deepStrictEqual(
      file.units.map((u) => u.name),
      ['researcher', 'writer'],
    );
    const researcher = unitNamed(file, 'researcher');
    assert.deepStrictEqual(researcher.range, { startLine: 1, endLine: 11 });
    assert.deepStrictEqual(
      researcher.parts.map((p) => [p.label, p.role, p.text]),
      [
        ['role', 'system', 'Senior researcher'],
        ['goal', 'system', 'Find the facts about {topic}'],
        ['backstory', 'system', 'You have read everything.\n'],
      ],
    );
    assert.deepStrictEqual(researcher.parts[2]!.range, { startLine: 4, endLine: 5 });
    assert.deepStrictEqual(researcher.model, { value: 'openai/gpt-4o-mini', field: 'researcher.llm', line: 6 });
    assert.deepStrictEqual(researcher.turns, { value: 5, field: 'researcher.max_iter', line: 7 });
    assert.deepStrictEqual(researcher.retryLimit, { value: 1, field: 'researcher.max_retry_limit', line: 8 });
    assert.deepStrictEqual(researcher.tools, ['SerperDevTool', 'ScrapeWebsiteTool']);
    assert.strictEqual(fixtureLine('crew/config/agents.yaml', researcher.range.startLine), 'researcher:');
  });

  it('CrewAI defaults are declared as defaults', () => {
    const writer = unitNamed(readFixture('crew/config/agents.yaml'), 'writer');
    assert.deepStrictEqual(writer.turns, { value: 20, field: 'max_iter (CrewAI default 20)' });
    assert.deepStrictEqual(writer.retryLimit, { value: 2, field: 'max_retry_limit (CrewAI default 2)' });
    assert.strictEqual(writer.model, undefined);
  });

  it('tasks.yaml: description and expected_output parts, the agent name, and a note on context', () => {
    const file = readFixture('crew/config/tasks.yaml');
    const writing = unitNamed(file, 'writing_task');
    assert.strictEqual(writing.agent, 'writer');
    assert.deepStrictEqual(
      writing.parts.map((p) => [p.label, p.role, p.text]),
      [
        ['description', 'user', 'Turn the research into an article.'],
        ['expected_output', 'user', 'A markdown article\nwith a title.\n'],
      ],
    );
    assert.deepStrictEqual(writing.range, { startLine: 6, endLine: 12 });
    assert.strictEqual(unitNamed(file, 'research_task').agent, 'researcher');
    assert.strictEqual(problemMatching(file, /receives the output of research_task/).line, 12);
  });

  it('an agents.yaml that is not CrewAI-shaped is skipped with a reason', () => {
    const result = readFixtureResult('not-crew/config/agents.yaml');
    assert.ok(!result.ok);
    assert.match(result.error.reason, /not a CrewAI agents file/);
  });

  it('broken YAML is counted as plain text, naming the line', () => {
    const file = readFixture('crew-bad/config/agents.yaml');
    assert.strictEqual(file.units.length, 1);
    const warning = problemMatching(file, /agents\.yaml unreadable at line \d+ — counted as plain text/);
    assert.ok(warning.line !== undefined && warning.line >= 2 && warning.line <= 3, JSON.stringify(warning));
    assert.ok(file.units[0]!.parts[0]!.text.includes('goal: [unclosed'));
  });

  it('entries missing fields, or not maps, are warned about', () => {
    const file = readText('config/agents.yaml', 'a:\n  role: R\n  goal: G\nnotes: just a string\n');
    assert.deepStrictEqual(
      file.units.map((u) => u.name),
      ['a'],
    );
    assert.strictEqual(problemMatching(file, /"a" has no backstory/).line, 0);
    assert.strictEqual(problemMatching(file, /"notes" is not a map/).line, 3);
  });

  it('an llm given as a map uses its model', () => {
    const file = readText(
      'agents.yaml',
      'a:\n  role: R\n  llm:\n    model: anthropic/claude-3-5-haiku\n    temperature: 0\n',
    );
    assert.deepStrictEqual(file.units[0]!.model, {
      value: 'anthropic/claude-3-5-haiku',
      field: 'a.llm.model',
      line: 3,
    });
  });
});
