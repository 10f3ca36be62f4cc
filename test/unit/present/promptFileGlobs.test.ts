import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isPromptPath } from '../../../src/core/formats';
import { matchGlob } from '../../../src/core/glob';
import { anyCase, PROMPT_FILE_GLOBS, promptFileMatchGlobs } from '../../../src/core/present/promptFileGlobs';
import { repoRoot, sharedRealworld } from '../repoRoot';

const matchesAny = (globs: readonly string[], p: string) => globs.some((g) => matchGlob(g, p));

const PROMPT_PATHS = [
  '.github/prompts/review.prompt.md',
  'a/b/c.instructions.md',
  '.github/copilot-instructions.md',
  'x.agent.md',
  'old.chatmode.md',
  '.claude/agents/runner.md',
  '.claude/agents/team/runner.md',
  'pkg/.claude/rules/style.md',
  'CLAUDE.md',
  'docs/AGENTS.md',
  'Claude.local.md',
  '.cursor/rules/ts.mdc',
  '.cursorrules',
  'exported/python.mdc',
  'team-copilot-instructions.md',
  'backend-AGENTS.md',
  'my_agents/reviewer.md',
  'flows/classify.prompty',
  'genkit/summarize.prompt',
  'crew/config/agents.yaml',
  'crew/config/tasks.yml',
  'promptfooconfig.yaml',
  'evals/x.promptfooconfig.json',
  'api/chat.json',
  'prompts/system.md',
  'src/Prompts/deep/a.txt',
  'REVIEW.PROMPT.MD',
  '.GitHub/Copilot-Instructions.md',
];
const OTHER_PATHS = [
  'README.md',
  'docs/guide.md',
  'src/index.ts',
  'notes.txt',
  'config.yaml',
  '.github/workflows/ci.yml',
  'prompt.md',
];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('prompt file globs (editor selectors and activation)', () => {
  it('cover every path isPromptPath accepts, in any letter case', () => {
    for (const p of PROMPT_PATHS) {
      assert.ok(isPromptPath(p), `${p} should be a prompt path (fix the test list)`);
      assert.ok(matchesAny(promptFileMatchGlobs(), p), `${p} is read by Burnrate but no selector pattern matches it`);
    }
  });

  it('cover every file of the examples, the integration workspace and the real-world corpus that isPromptPath accepts', () => {
    const corpus = sharedRealworld(); // the real-world corpus too, when it is beside the checkout
    const roots = [
      path.join(repoRoot(), 'examples'),
      path.join(repoRoot(), 'test/integration/workspace'),
      ...(corpus ? [corpus] : []),
    ];
    let checked = 0;
    for (const root of roots) {
      for (const file of filesUnder(root)) {
        const relative = path.relative(root, file).split(path.sep).join('/');
        if (!isPromptPath(relative)) continue;
        checked++;
        assert.ok(matchesAny(promptFileMatchGlobs(), relative), relative);
      }
    }
    assert.ok(checked >= 10, `only ${checked} files checked`);
  });

  it('match none of the ordinary files of a project', () => {
    for (const p of OTHER_PATHS) {
      assert.ok(!isPromptPath(p), p);
      assert.ok(!matchesAny(promptFileMatchGlobs(), p), `${p} matched a selector pattern`);
    }
  });

  it('add the user extra globs relative to any folder', () => {
    const globs = promptFileMatchGlobs(['llm/**/*.txt', './notes/*.md', '  ']);
    assert.ok(matchesAny(globs, 'llm/a/b.txt') && matchesAny(globs, 'notes/x.md'));
    assert.ok(matchesAny(globs, '/home/me/project/llm/a/b.txt'), 'VS Code matches selectors against absolute paths');
    assert.strictEqual(globs.length, PROMPT_FILE_GLOBS.length + 2);
  });

  it('anyCase turns letters into classes and leaves the rest', () => {
    assert.strictEqual(anyCase('**/a.{md,Tx}'), '**/[aA].{[mM][dD],[tT][xX]}');
    assert.strictEqual(anyCase('[ab]c'), '[ab][cC]');
  });
});
