// Every file in the shared real-world folder (verbatim copies of public prompt files, see its SOURCES.md) must read
// cleanly. Files stored there under a descriptive name are read at the path they have in a real project.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readPromptFile } from '../../../src/core/formats';
import type { FormatId, ParsedFile } from '../../../src/core/types';
import { describeRealworld } from '../repoRoot';

interface Case {
  stored: string;
  /** Where the file would sit in a workspace (the stored name, when that is already a real one). */
  placed?: string;
  format: FormatId;
}

const CASES: Case[] = [
  { stored: 'agents-md/openai-codex-AGENTS.md', placed: 'AGENTS.md', format: 'always-on' },
  { stored: 'agents-md/pydantic-ai-CLAUDE.md', placed: 'CLAUDE.md', format: 'always-on' },
  { stored: 'chat-request-json/kong-openai-good_with_function.json', format: 'messages-json' },
  { stored: 'chat-request-json/kong-openai-tool_choice_object_function.json', format: 'messages-json' },
  {
    stored: 'claude-agents/backend-architect.md',
    placed: '.claude/agents/backend-architect.md',
    format: 'claude-agent',
  },
  { stored: 'claude-agents/code-reviewer.md', placed: '.claude/agents/code-reviewer.md', format: 'claude-agent' },
  { stored: 'copilot-instructions/a11y.instructions.md', format: 'vscode-instructions' },
  {
    stored: 'copilot-instructions/vscode-copilot-instructions.md',
    placed: '.github/copilot-instructions.md',
    format: 'vscode-instructions',
  },
  { stored: 'crewai/research_crew/agents.yaml', format: 'crewai-agents' },
  { stored: 'crewai/research_crew/tasks.yaml', format: 'crewai-tasks' },
  { stored: 'cursor-rules/angular-typescript.cursorrules', placed: '.cursorrules', format: 'cursor-rule' },
  { stored: 'cursor-rules/python.mdc', placed: '.cursor/rules/python.mdc', format: 'cursor-rule' },
  { stored: 'dotprompt/genkit-travel-planner.prompt', format: 'dotprompt' },
  { stored: 'dotprompt/go-example.prompt', format: 'dotprompt' },
  { stored: 'promptfoo/bedrock-claude.promptfooconfig.yaml', format: 'promptfoo' },
  { stored: 'prompty/anthropic-tools.prompty', format: 'prompty' },
  { stored: 'prompty/chat.prompty', format: 'prompty' },
  { stored: 'vscode-chatmode/4.1-Beast.chatmode.md', format: 'vscode-agent' },
  { stored: 'vscode-chatmode/microsoft-agent-framework-python.agent.md', format: 'vscode-agent' },
  { stored: 'vscode-prompt/cosmosdb-datamodeling.prompt.md', format: 'vscode-prompt' },
  { stored: 'vscode-prompt/finetuning-cost-advisor.prompt.md', format: 'vscode-prompt' },
];

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, relative) : [relative];
  });
}

let REALWORLD = '';
const parsed = new Map<string, ParsedFile>();
function read(stored: string): ParsedFile {
  const cached = parsed.get(stored);
  if (cached) return cached;
  const kase = CASES.find((c) => c.stored === stored)!;
  const result = readPromptFile(kase.placed ?? stored, fs.readFileSync(path.join(REALWORLD, stored)));
  if (!result.ok) assert.fail(`${stored}: skipped (${result.error.reason})`);
  parsed.set(stored, result.value);
  return result.value;
}

function unit(stored: string, index = 0) {
  return read(stored).units[index]!;
}

describeRealworld('formats: real-world files', (dir) => {
  REALWORLD = dir;
  it('the case table covers every file in the shared folder', () => {
    const files = listFiles(REALWORLD)
      .filter((f) => f !== 'SOURCES.md')
      .sort();
    assert.deepStrictEqual(files, CASES.map((c) => c.stored).sort());
  });

  for (const kase of CASES) {
    it(`${kase.stored}: reads as ${kase.format}, ≥1 unit with text, no errors or warnings`, () => {
      const file = read(kase.stored);
      assert.strictEqual(file.format, kase.format);
      assert.ok(file.units.length >= 1);
      const problems = file.problems.filter((p) => p.severity !== 'info');
      assert.deepStrictEqual(problems, []);
      for (const u of file.units) {
        assert.ok(u.parts.length > 0 && u.parts.every((p) => p.text.length > 0), `${u.name} has empty parts`);
        assert.ok(u.range.startLine <= u.range.endLine);
      }
    });
  }

  it('Claude subagents: sonnet is read; inherit gives no model and a note', () => {
    assert.deepStrictEqual(unit('claude-agents/backend-architect.md').model, {
      value: 'sonnet',
      field: 'model',
      line: 3,
    });
    assert.strictEqual(unit('claude-agents/backend-architect.md').name, 'backend-architect');
    const reviewer = read('claude-agents/code-reviewer.md');
    assert.strictEqual(reviewer.units[0]!.model, undefined);
    assert.ok(reviewer.problems.some((p) => /inherits the main conversation's model/.test(p.message)));
    assert.deepStrictEqual(reviewer.units[0]!.tools, ['Read', 'Write', 'Edit', 'Bash', 'Glob', 'Grep']);
  });

  it('CrewAI: one unit per top-level key, with the task → agent links', () => {
    const agents = read('crewai/research_crew/agents.yaml');
    const keys = fs
      .readFileSync(path.join(REALWORLD, 'crewai/research_crew/agents.yaml'), 'utf8')
      .split('\n')
      .filter((l) => /^\w+:/.test(l))
      .map((l) => l.slice(0, l.indexOf(':')));
    assert.deepStrictEqual(
      agents.units.map((u) => u.name),
      keys,
    );
    assert.deepStrictEqual(
      agents.units[0]!.parts.map((p) => p.label),
      ['role', 'goal', 'backstory'],
    );
    assert.ok(agents.units[0]!.parts[2]!.text.startsWith("You're a seasoned researcher"));
    const tasks = read('crewai/research_crew/tasks.yaml');
    assert.deepStrictEqual(
      tasks.units.map((u) => [u.name, u.agent]),
      [
        ['research_task', 'researcher'],
        ['reporting_task', 'reporting_analyst'],
      ],
    );
  });

  it('Prompty: v2 model id, max output tokens and the tool; v1-style connection deployment', () => {
    const tools = unit('prompty/anthropic-tools.prompty');
    assert.strictEqual(tools.model?.value, 'claude-sonnet-4-5-20250929');
    assert.strictEqual(tools.maxOutputTokens?.value, 1024);
    assert.deepStrictEqual(tools.tools, ['get_weather']);
    assert.deepStrictEqual(
      tools.parts.map((p) => p.role),
      ['tool-schema', 'system', 'user'],
    );
    assert.strictEqual(tools.messageCount, 2);
    const chat = unit('prompty/chat.prompty');
    assert.strictEqual(chat.model?.value, 'gpt-35-turbo');
    assert.strictEqual(chat.name, 'Basic Prompt');
    assert.ok(chat.parts[0]!.text.includes('{{firstName}} {{lastName}}'), 'template variables stay as written');
  });

  it('Dotprompt: models, role markers and the output schema', () => {
    const go = unit('dotprompt/go-example.prompt');
    assert.strictEqual(go.model?.value, 'gemini-2.5-flash');
    assert.deepStrictEqual(
      go.parts.map((p) => p.role),
      ['user', 'assistant'],
    );
    const travel = unit('dotprompt/genkit-travel-planner.prompt');
    assert.strictEqual(travel.model?.value, 'openai/gpt-4o-mini');
    const schema = travel.parts.find((p) => p.label === 'output schema');
    assert.ok(schema && 'dailyItinerary(array)' in (JSON.parse(schema.text) as object));
  });

  it('promptfoo: nine Bedrock providers × one prompt, 2048 max tokens, 15 tests per run', () => {
    const file = read('promptfoo/bedrock-claude.promptfooconfig.yaml');
    assert.strictEqual(file.units.length, 9);
    assert.ok(file.units.every((u) => u.maxOutputTokens?.value === 2048 && u.callsPerRun === 15));
    assert.ok(file.units.every((u) => typeof u.model?.value === 'string' && u.model.value.startsWith('bedrock:')));
    assert.strictEqual(file.units[6]!.name, 'Claude Haiku 4.5');
    assert.ok(file.units.every((u) => u.parts[0]!.text === 'Write a tweet about {{topic}}'));
  });

  it('chat request JSON: model, tools and messages (tool calls included)', () => {
    const withFunction = unit('chat-request-json/kong-openai-good_with_function.json');
    assert.strictEqual(withFunction.model?.value, 'gpt-4.1');
    assert.strictEqual(withFunction.messageCount, 3);
    assert.deepStrictEqual(withFunction.tools, ['get_weather']);
    assert.ok(withFunction.parts.some((p) => p.role === 'assistant' && p.text.includes('48.8566')));
    const toolChoice = unit('chat-request-json/kong-openai-tool_choice_object_function.json');
    assert.strictEqual(toolChoice.model?.value, 'gpt-4-0613');
    assert.strictEqual(toolChoice.messageCount, 2);
  });

  it('instructions, agents, prompts and always-on files get their kinds and fields', () => {
    assert.strictEqual(unit('copilot-instructions/a11y.instructions.md').appliesTo, '**');
    assert.strictEqual(unit('copilot-instructions/a11y.instructions.md').kind, 'always-on');
    assert.strictEqual(unit('copilot-instructions/vscode-copilot-instructions.md').kind, 'always-on');
    assert.strictEqual(unit('vscode-prompt/cosmosdb-datamodeling.prompt.md').model?.value, 'Claude Sonnet 4');
    assert.strictEqual(
      unit('vscode-prompt/finetuning-cost-advisor.prompt.md').model,
      undefined,
      'agent: is not a model',
    );
    assert.strictEqual(unit('vscode-chatmode/4.1-Beast.chatmode.md').tools?.length, 20);
    assert.strictEqual(unit('cursor-rules/python.mdc').appliesTo, '**/*.py, src/**/*.py, tests/**/*.py');
    assert.strictEqual(unit('cursor-rules/angular-typescript.cursorrules').kind, 'always-on');
    assert.strictEqual(unit('agents-md/openai-codex-AGENTS.md').kind, 'always-on');
    assert.ok(unit('agents-md/pydantic-ai-CLAUDE.md').sections.length > 5);
  });

  it('body parts are exactly the file lines they claim (markdown formats)', () => {
    for (const kase of CASES.filter((c) => /\.(md|mdc|cursorrules)$/.test(c.stored))) {
      const lines = fs.readFileSync(path.join(REALWORLD, kase.stored), 'utf8').split('\n');
      const body = unit(kase.stored).parts[0]!;
      assert.strictEqual(
        body.text,
        lines.slice(body.range!.startLine, body.range!.endLine + 1).join('\n'),
        kase.stored,
      );
      for (const section of unit(kase.stored).sections) {
        assert.strictEqual(section.text, lines.slice(section.range.startLine, section.range.endLine + 1).join('\n'));
      }
    }
  });
});
