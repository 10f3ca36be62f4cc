// The format registry is the one home of every family's facts: each id has detection, a parser, a label, globs and
// loading kinds; package.json's activation events and the README's table are derived from it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectFormat, detectLooseFormat, isListedPath, isPromptPath, readPromptFile } from '../../../src/core/formats';
import {
  FORMAT_IDS,
  FORMAT_LABELS,
  FORMATS,
  formatSpec,
  LOADING_KINDS,
  type FormatId,
} from '../../../src/core/formats/registry';
import {
  activationEvents,
  formatsTableMarkdown,
  TABLE_END,
  TABLE_START,
} from '../../../src/core/formats/registry/table';
import { matchGlob } from '../../../src/core/glob';
import { repoRoot } from '../repoRoot';

/** Paths each family must own (a Record, so a new id without samples does not compile). */
const SAMPLES: Record<FormatId, string[]> = {
  'vscode-prompt': ['.github/prompts/review.prompt.md'],
  'vscode-instructions': ['.github/instructions/ts.instructions.md', '.github/copilot-instructions.md'],
  'vscode-agent': ['.github/agents/planner.agent.md', 'old.chatmode.md', '.github/agents/reviewer.md'],
  'claude-agent': ['.claude/agents/runner.md', '.claude/agents/team/runner.md'],
  'always-on': ['CLAUDE.md', 'docs/AGENTS.md', 'CLAUDE.local.md', '.claude/rules/style.md'],
  'cursor-rule': ['.cursor/rules/ts.mdc', '.cursorrules'],
  prompty: ['flows/classify.prompty'],
  dotprompt: ['genkit/prompts/summarize.prompt'],
  'crewai-agents': ['crew/config/agents.yaml'],
  'crewai-tasks': ['crew/config/tasks.yml'],
  promptfoo: [
    'promptfooconfig.yaml',
    'promptfooconfig.claude.yaml',
    'promptfooconfig-minimal.yaml',
    'evals/x.promptfooconfig.json',
  ],
  'messages-json': ['api/chat.json'],
  'plain-prompt': ['prompts/system.md', 'src/prompts/deep/a.txt'],
  'agent-skill': [
    '.claude/skills/pdf/SKILL.md',
    '.github/skills/x/SKILL.md',
    '.agents/skills/x/skill.md',
    '.gemini/skills/x/SKILL.md',
    'plugins/p/skills/x/SKILL.md',
  ],
  'claude-command': ['.claude/commands/review.md', '.claude/commands/git/commit.md', 'plugins/p/commands/deploy.md'],
  'cline-rule': ['.clinerules', '.clinerules/01-style.md', '.clinerules/workflows/release.md'],
  'windsurf-rule': ['.windsurfrules', '.windsurf/rules/style.md', '.devin/rules/style.md'],
  'roo-rule': ['.roo/rules/style.md', '.roo/rules-code/tests.md', '.roorules', '.roorules-architect'],
  'roo-modes': ['.roomodes'],
  'gemini-context': ['GEMINI.md', 'pkg/GEMINI.md'],
  'gemini-command': ['.gemini/commands/review.toml', '.gemini/commands/git/commit.toml'],
  'continue-rule': ['.continue/rules/style.md'],
  'continue-prompt': ['.continue/prompts/test.prompt', '.continue/prompts/explain.md'],
  'continue-agent': ['.continue/agents/reviewer.md'],
  'semantic-kernel': ['plugins/Writer/Summarize/skprompt.txt', 'prompts/Joke/skprompt.txt'],
  'github-models': ['.github/prompts/summarize.prompt.yml', 'x.prompt.yaml'],
  'github-agentic-workflow': ['.github/workflows/triage.md'],
  // Source files are read only when a run asks for them (test/unit/sourceCalls covers detection under a scope).
  'source-call': [],
};

describe('format registry', () => {
  it('gives every format id a label, globs, detection, a parser, loading kinds and a README row', () => {
    assert.deepStrictEqual([...FORMAT_IDS].sort(), Object.keys(SAMPLES).sort());
    const labels = new Set<string>();
    for (const id of FORMAT_IDS) {
      const spec = formatSpec(id);
      assert.strictEqual(spec.id, id);
      assert.ok(spec.label.trim() !== '' && FORMAT_LABELS[id] === spec.label, `${id}: label`);
      assert.ok(!labels.has(spec.label), `${id}: label "${spec.label}" is used twice`);
      labels.add(spec.label);
      assert.ok(spec.globs.length > 0 && spec.globs.every((g) => g === g.toLowerCase()), `${id}: lower-case globs`);
      assert.strictEqual(typeof spec.parse, 'function');
      assert.ok(
        spec.loading.length > 0 && spec.loading.every((k) => LOADING_KINDS.includes(k)),
        `${id}: loading kinds`,
      );
      assert.ok(spec.doc.files && spec.doc.units && spec.doc.reads, `${id}: README row`);
      for (const sample of SAMPLES[id]) {
        assert.strictEqual(detectFormat(sample), id, `${sample} should be ${id}`);
        assert.ok(
          spec.globs.some((g) => matchGlob(g, sample.toLowerCase())),
          `${sample}: no glob of ${id} matches it`,
        );
      }
    }
  });

  it('detects in registry order: the specific place wins over the generic name', () => {
    assert.strictEqual(
      detectFormat('.github/agents/reviewer.md'),
      'vscode-agent',
      'Copilot custom agents are not Claude subagents',
    );
    assert.strictEqual(
      detectLooseFormat('.github/agents/reviewer.md')?.format,
      'claude-agent',
      'only the strict rule decides',
    );
    assert.ok(!isPromptPath('README.md') && !isPromptPath('src/index.ts'));
  });

  it('matches package.json activation events (npm run formats-table rewrites them)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      activationEvents: string[];
    };
    const declared = manifest.activationEvents.filter((e) => e.startsWith('workspaceContains:**/'));
    assert.deepStrictEqual(declared, activationEvents());
    assert.ok(!declared.includes('workspaceContains:**/*.json'), 'every project has JSON files');
  });

  it('is what the README formats table lists (npm run formats-table rewrites it)', () => {
    const readme = fs.readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    assert.ok(start >= 0 && end > start, 'README.md has no formats-table markers');
    const table = readme.slice(start + TABLE_START.length, end).trim();
    assert.strictEqual(table, formatsTableMarkdown());
    for (const spec of FORMATS)
      assert.ok(table.includes(`| ${spec.label} |`), `${spec.id} is missing from the README table`);
  });

  it('lists files in known folders that no family reads as skipped, with the reason', () => {
    for (const [p, reason] of [
      ['.cursor/rules/old.md', /not a \.mdc file/],
      ['.claude/notes/plan.md', /not where Claude Code loads prompts from/],
      ['.claude/skills/pdf/reference.md', /skill's resource file/],
      ['.continue/config.yaml', /not a rule, prompt or agent/],
    ] as const) {
      assert.ok(!isPromptPath(p) && isListedPath(p), p);
      const read = readPromptFile(p, 'text');
      assert.ok(!read.ok && reason.test(read.error.reason), `${p}: ${JSON.stringify(read)}`);
    }
    assert.ok(!isListedPath('.claude/settings.json'), 'only text layouts, not settings');
    assert.ok(!isListedPath('docs/guide.md'));
  });
});
