import * as assert from 'assert';
import { detectFormat, isPromptPath, readPromptFile } from '../../../src/core/formats';
import { detectLooseFormat } from '../../../src/core/formats/detect';
import type { FormatId } from '../../../src/core/types';
import { bytes } from './fixtures';

describe('formats: detectFormat', () => {
  const table: [string, FormatId | undefined][] = [
    ['.github/prompts/review.prompt.md', 'vscode-prompt'],
    ['/home/ann/repo/.github/prompts/Review.PROMPT.md', 'vscode-prompt'],
    ['.github/instructions/ts.instructions.md', 'vscode-instructions'],
    ['.github/copilot-instructions.md', 'vscode-instructions'],
    ['docs/copilot-instructions.md', undefined],
    ['.github/agents/planner.agent.md', 'vscode-agent'],
    ['.github/chatmodes/old.chatmode.md', 'vscode-agent'],
    ['.claude/agents/reviewer.md', 'claude-agent'],
    ['.claude/agents/team/reviewer.md', 'claude-agent'],
    ['agents/reviewer.md', undefined],
    ['CLAUDE.md', 'always-on'],
    ['packages/api/AGENTS.md', 'always-on'],
    ['CLAUDE.local.md', 'always-on'],
    ['.claude/rules/api.md', 'always-on'],
    ['.cursor/rules/react.mdc', 'cursor-rule'],
    ['notes/react.mdc', undefined],
    ['.cursorrules', 'cursor-rule'],
    ['flows/chat.prompty', 'prompty'],
    ['prompts/recipe.v2.prompt', 'dotprompt'],
    ['crew/config/agents.yaml', 'crewai-agents'],
    ['agents.yml', 'crewai-agents'],
    ['src/crew/config/tasks.yaml', 'crewai-tasks'],
    ['promptfooconfig.yaml', 'promptfoo'],
    ['evals/promptfooconfig.yml', 'promptfoo'],
    ['evals/bedrock.promptfooconfig.yaml', 'promptfoo'],
    ['requests/chat.json', 'messages-json'],
    ['package.json', undefined],
    ['tsconfig.build.json', undefined],
    ['prompts/summarise.txt', 'plain-prompt'],
    ['app/prompts/nested/classify.md', 'plain-prompt'],
    ['docs/readme.md', undefined],
    ['src/index.ts', undefined],
    ['', undefined],
  ];
  for (const [path, expected] of table) {
    it(`${path || '(empty)'} → ${expected ?? 'not a prompt'}`, () => assert.strictEqual(detectFormat(path), expected));
  }

  it('reads Windows paths with backslashes', () => {
    assert.strictEqual(detectFormat('C:\\work\\repo\\.github\\copilot-instructions.md'), 'vscode-instructions');
    assert.strictEqual(detectFormat('C:\\work\\repo\\.claude\\agents\\x.md'), 'claude-agent');
    assert.strictEqual(detectFormat('.\\.cursor\\rules\\a.mdc'), 'cursor-rule');
  });
});

describe('formats: isPromptPath and extra globs', () => {
  it('accepts known formats and rejects other files', () => {
    assert.strictEqual(isPromptPath('CLAUDE.md'), true);
    assert.strictEqual(isPromptPath('src/main.ts'), false);
  });

  it('matches extra globs against any tail of an absolute or relative path', () => {
    assert.strictEqual(isPromptPath('/abs/repo/templates/system.tmpl', ['templates/*.tmpl']), true);
    assert.strictEqual(isPromptPath('templates/deep/system.tmpl', ['templates/*.tmpl']), false);
    assert.strictEqual(isPromptPath('a\\b\\system.tmpl', ['*.tmpl']), true);
    assert.strictEqual(isPromptPath('a/b/system.j2', ['**/*.tmpl']), false);
  });

  it('reads files matched only by an extra glob as plain prompts', () => {
    const result = readPromptFile('templates/system.tmpl', bytes('You are helpful.\n'), {
      extraGlobs: ['templates/**'],
    });
    assert.ok(result.ok);
    assert.strictEqual(result.value.format, 'plain-prompt');
    assert.strictEqual(result.value.units[0]?.parts[0]?.text, 'You are helpful.');
  });

  it('skips files that are no known format', () => {
    const result = readPromptFile('src/main.ts', bytes('console.log(1)'));
    assert.deepStrictEqual(result, {
      ok: false,
      error: { path: 'src/main.ts', skip: { code: 'not-prompt' }, reason: 'not a prompt or agent file' },
    });
  });
});

describe('loose detection of renamed copies', () => {
  // Saved or exported copies of known formats keep their shape but not their canonical path.
  it('recognises .mdc, .cursorrules suffixes, *-AGENTS.md, *copilot-instructions.md and agents/ folders', () => {
    assert.strictEqual(detectLooseFormat('rules/python.mdc')?.format, 'cursor-rule');
    assert.strictEqual(detectLooseFormat('x/angular-typescript.cursorrules')?.format, 'cursor-rule');
    assert.strictEqual(detectLooseFormat('docs/openai-codex-AGENTS.md')?.format, 'always-on');
    assert.strictEqual(detectLooseFormat('docs/team-copilot-instructions.md')?.format, 'vscode-instructions');
    assert.deepStrictEqual(detectLooseFormat('claude-agents/reviewer.md'), {
      format: 'claude-agent',
      needsContentCheck: true,
    });
    assert.strictEqual(detectLooseFormat('docs/readme.md'), undefined);
    assert.ok(isPromptPath('claude-agents/reviewer.md'));
    const notAnAgent = readPromptFile('docs/agents/notes.md', bytes('# Notes\nNothing here.\n'));
    assert.ok(!notAnAgent.ok && /not a Claude Code subagent/.test(notAnAgent.error.reason));
  });
});
