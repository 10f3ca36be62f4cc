// One fixture workspace (test/fixtures/formats/families, written for these tests) with a file of every family added
// to the registry after the first thirteen. Expected token counts were computed by hand with gpt-tokenizer's
// o200k_base (an implementation independent of ours) on the texts quoted in the comments; gpt-4o uses o200k_base.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { estimateSource } from '../../../src/core/estimate/estimateSource';
import type { FileEstimate, UnitEstimate } from '../../../src/core/estimate/types';
import { readPromptFile } from '../../../src/core/formats';
import { formatSpec } from '../../../src/core/formats/registry';
import type { FormatId } from '../../../src/core/types';
import { EMPTY_USAGE } from '../../../src/core/usage/usageConfig';
import { repoRoot } from '../repoRoot';

const ROOT = path.join(repoRoot(), 'test/fixtures/formats/families');

function estimate(relativePath: string, model?: string): FileEstimate {
  const read = (companion: string) => {
    const file = path.join(ROOT, companion);
    return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  };
  const list = (dir: string) =>
    fs
      .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  const readCompanion = Object.assign(read, { list });
  const result = estimateSource(relativePath, fs.readFileSync(path.join(ROOT, relativePath)), {
    relativePath,
    usage: EMPTY_USAGE,
    ...(model ? { flags: { model } } : {}),
    readCompanion,
  });
  if (!result.ok) assert.fail(`${relativePath} skipped: ${result.skipped.reason}`);
  return result.estimate;
}

interface Expected {
  name: string;
  kind: 'call' | 'always-on';
  loading: UnitEstimate['loading'];
  /** The model the file declares (no --model given), or undefined for the built-in default. */
  model?: string;
  limit?: number;
  turns?: number;
  tools?: string[];
  /** Token count of each text part with gpt-4o, in order (framing excluded). */
  parts: number[];
  startLine: number;
}

interface Case {
  file: string;
  format: FormatId;
  units: Expected[];
  problem?: RegExp;
}

const CASES: Case[] = [
  {
    file: '.claude/skills/release-notes/SKILL.md',
    format: 'agent-skill',
    units: [
      // "release-notes: Drafts release notes from merged pull requests." = 13
      { name: 'release-notes (listing)', kind: 'always-on', loading: 'always-on', parts: [13], startLine: 0 }, // rides on the main model
      // "# Release notes\n\nCollect the merged ... label.\nWrite one line per change." = 25
      {
        name: 'release-notes',
        kind: 'call',
        loading: 'on-invocation',
        model: 'claude-haiku-4-5',
        tools: ['Read', 'Bash(git log:*)'],
        parts: [25],
        startLine: 6,
      },
    ],
  },
  {
    file: '.claude/commands/git/commit.md',
    format: 'claude-command',
    // "Read the staged diff and write a conventional commit message for $ARGUMENTS." = 16
    units: [
      {
        name: 'commit',
        kind: 'call',
        loading: 'on-invocation',
        model: 'gpt-4o',
        tools: ['Bash(git diff:*)', 'Bash(git commit:*)'],
        parts: [16],
        startLine: 0,
      },
    ],
    problem: /arguments \(scope\)/,
  },
  {
    file: '.clinerules/01-style.md',
    format: 'cline-rule',
    units: [{ name: '01-style.md', kind: 'always-on', loading: 'always-on', parts: [11], startLine: 0 }],
  },
  {
    file: '.clinerules/workflows/release.md',
    format: 'cline-rule',
    units: [{ name: 'release.md', kind: 'call', loading: 'on-invocation', parts: [14], startLine: 0 }],
  },
  {
    file: '.windsurf/rules/tests.md',
    format: 'windsurf-rule',
    units: [{ name: 'tests.md', kind: 'always-on', loading: 'scoped', parts: [8], startLine: 0 }],
  },
  {
    file: '.windsurf/rules/design.md',
    format: 'windsurf-rule',
    units: [{ name: 'design.md', kind: 'call', loading: 'on-invocation', parts: [8], startLine: 0 }],
    problem: /trigger: model_decision/,
  },
  {
    file: '.roo/rules/base.md',
    format: 'roo-rule',
    units: [{ name: 'base.md', kind: 'always-on', loading: 'always-on', parts: [4], startLine: 0 }],
  },
  {
    file: '.roo/rules-code/tests.md',
    format: 'roo-rule',
    units: [{ name: 'tests.md', kind: 'always-on', loading: 'scoped', parts: [7], startLine: 0 }],
  },
  {
    file: '.roomodes',
    format: 'roo-modes',
    units: [{ name: 'reviewer', kind: 'always-on', loading: 'scoped', parts: [7, 5], startLine: 1 }],
  },
  {
    file: 'GEMINI.md',
    format: 'gemini-context',
    // "# Project context\n\nThis is a TypeScript monorepo. Run `npm test` before committing." = 21
    units: [{ name: 'GEMINI.md', kind: 'always-on', loading: 'always-on', parts: [21], startLine: 0 }],
  },
  {
    file: '.gemini/commands/git/commit.toml',
    format: 'gemini-command',
    // "Write a commit message for this diff:\n!{git diff --staged}\n" = 16
    units: [{ name: 'git:commit', kind: 'call', loading: 'on-invocation', parts: [16], startLine: 1 }],
    problem: /!\{shell\}/,
  },
  {
    file: '.continue/rules/style.md',
    format: 'continue-rule',
    units: [{ name: 'Style', kind: 'always-on', loading: 'scoped', parts: [4], startLine: 0 }],
  },
  {
    file: '.continue/prompts/test.prompt',
    format: 'continue-prompt',
    // Only "Write unit tests for the selected code. Cover the edge cases." = 13: the name/description header is not sent.
    units: [{ name: 'Write tests', kind: 'call', loading: 'on-invocation', parts: [13], startLine: 0 }],
  },
  {
    file: '.continue/agents/reviewer.md',
    format: 'continue-agent',
    units: [
      {
        name: 'Reviewer',
        kind: 'call',
        loading: 'session',
        model: 'gpt-4o-mini',
        tools: ['read_file', 'grep'],
        parts: [8],
        startLine: 0,
      },
    ],
  },
  {
    file: 'plugins/Writer/Summarize/skprompt.txt',
    format: 'semantic-kernel',
    // "Summarize this text in three sentences:\n{{$input}}" = 12; model and max_tokens from config.json
    units: [
      {
        name: 'Summarize',
        kind: 'call',
        loading: 'one-call',
        model: 'gpt-4o-mini',
        limit: 256,
        parts: [12],
        startLine: 0,
      },
    ],
  },
  {
    file: '.github/prompts/summarize.prompt.yml',
    format: 'github-models',
    // "You summarize GitHub issues in two sentences." = 9, "Summarize: {{input}}" = 7
    units: [
      {
        name: 'Summarizer',
        kind: 'call',
        loading: 'one-call',
        model: 'openai/gpt-4o-mini',
        limit: 300,
        parts: [9, 7],
        startLine: 0,
      },
    ],
  },
  {
    file: '.github/workflows/triage.md',
    format: 'github-agentic-workflow',
    // "# Triage\n\nRead the new issue, label it and ask for missing details." = 17
    units: [
      {
        name: 'triage',
        kind: 'call',
        loading: 'session',
        model: 'claude-sonnet-4-5',
        turns: 8,
        tools: ['github'],
        parts: [17],
        startLine: 0,
      },
    ],
  },
  {
    file: '.github/agents/reviewer.md',
    format: 'vscode-agent',
    units: [
      {
        name: 'reviewer',
        kind: 'call',
        loading: 'session',
        model: 'GPT-4.1',
        tools: ['search', 'fetch'],
        parts: [7],
        startLine: 0,
      },
    ],
  },
];

describe('formats: the families of the registry (fixture workspace)', () => {
  for (const kase of CASES) {
    it(`${kase.file}: ${kase.format}`, () => {
      const declared = estimate(kase.file);
      const counted = estimate(kase.file, 'gpt-4o');
      assert.strictEqual(declared.format, kase.format);
      assert.strictEqual(declared.formatLabel, formatSpec(kase.format).label);
      assert.deepStrictEqual(
        declared.units.map((u) => u.name),
        kase.units.map((u) => u.name),
      );
      const read = readPromptFile(kase.file, fs.readFileSync(path.join(ROOT, kase.file)));
      assert.ok(read.ok);
      kase.units.forEach((want, i) => {
        assert.deepStrictEqual(read.value.units[i]!.tools, want.tools, `${want.name}: tools`);
        const unit = declared.units[i]!;
        const exact = counted.units[i]!;
        assert.strictEqual(unit.kind, want.kind, `${want.name}: kind`);
        assert.strictEqual(unit.loading, want.loading, `${want.name}: loading`);
        assert.ok(
          formatSpec(kase.format).loading.includes(unit.loading),
          `${want.name}: ${unit.loading} is not a loading kind of ${kase.format}`,
        );
        if (want.model) assert.strictEqual(unit.model.value, want.model, `${want.name}: model`);
        else assert.strictEqual(unit.model.source, 'default', `${want.name}: no declared model`);
        assert.strictEqual(unit.output.limit?.value, want.limit, `${want.name}: output limit`);
        assert.strictEqual(unit.session?.maxTurns, want.turns, `${want.name}: turns`);
        assert.strictEqual(unit.range.startLine, want.startLine, `${want.name}: range`);
        assert.ok(exact.input.exact, 'gpt-4o counts are exact');
        assert.deepStrictEqual(
          exact.input.parts.filter((p) => p.role !== 'overhead').map((p) => p.tokens),
          want.parts,
          `${want.name}: token counts`,
        );
      });
      if (kase.problem)
        assert.ok(
          declared.problems.some((p) => kase.problem!.test(p.message)),
          `${kase.file}: no problem matching ${kase.problem}`,
        );
    });
  }

  it('CrewAI: a task without agent: runs on the agent crew.py assigns, and agents are not counted twice', () => {
    const tasks = estimate('crew/src/research/config/tasks.yaml', 'gpt-4o');
    const research = tasks.units.find((u) => u.name === 'research_task')!;
    assert.strictEqual(research.agent, 'researcher');
    assert.strictEqual(research.session?.maxTurns, 4, "the researcher's max_iter");
    assert.deepStrictEqual(
      research.input.parts.slice(0, 3).map((p) => p.label),
      ['agent researcher: role', 'agent researcher: goal', 'agent researcher: backstory'],
    );
    assert.ok(
      tasks.problems.some((p) =>
        /runs on agent "researcher" \(assigned in crew\/src\/research\/crew\.py\)/.test(p.message),
      ),
    );
    const orphan = tasks.units.find((u) => u.name === 'orphan_task')!;
    assert.strictEqual(orphan.agent, undefined);
    assert.ok(
      tasks.problems.some((p) =>
        /"orphan_task" names no agent and crew\/src\/research\/crew\.py assigns none/.test(p.message),
      ),
    );
  });

  it('promptfoo: file:// prompts are read beside the config (text split at ---, JSON chat, globs); code and escapes are not', () => {
    const config = estimate('evals/promptfooconfig.claude.yaml', 'gpt-4o');
    assert.strictEqual(config.format, 'promptfoo', 'promptfooconfig.claude.yaml is a promptfoo config');
    assert.deepStrictEqual(
      config.units.map((u) => u.name),
      ['prompts.txt#1', 'prompts.txt#2', 'chat.json', 'more/*.md'],
    );
    // "Write a haiku about {{topic}}." = 9, "Write a limerick about {{topic}}." = 10, "You are terse." = 4,
    // "Define {{topic}}." = 5, "# Essay\n\nWrite an essay about {{topic}}." = 11
    assert.deepStrictEqual(
      config.units.map((u) => u.input.parts.filter((p) => p.role !== 'overhead').map((p) => p.tokens)),
      [[9], [10], [4, 5], [11]],
    );
    assert.ok(config.units.every((u) => u.callsPerRun === 2 && u.loading === 'one-call'));
    const messages = config.problems.map((p) => `${p.severity}: ${p.message}`);
    assert.ok(
      messages.includes(
        'info: prompt file://build.py:make_prompt is code: its text is built when it runs, so it is not priced',
      ),
      messages.join('\n'),
    );
    assert.ok(
      messages.includes('warning: prompt file://../../../../etc/passwd is outside the workspace: not read'),
      messages.join('\n'),
    );
  });

  it('promptfoo: eval runs per day default to a small stated number, not production traffic', () => {
    const unit = estimate('evals/promptfooconfig.claude.yaml', 'gpt-4o').units[0]!;
    assert.strictEqual(unit.callsPerDay.value, 5);
    assert.strictEqual(unit.callsPerDay.source, 'format');
    assert.match(unit.callsPerDay.detail, /eval runs per day .*5.*files: entry in \.burnrate\.yaml/);
  });
});
