// Claude Code (Anthropic). Figures: ../shared/notes/runtimes.md §1 and §11, where each is cited.
import { estimated, measured, type TokenFigure } from '../figures';
import type { RuntimeProfile, ToolFigure } from '../profile';

const CC_DOCS = 'code.claude.com/docs/en/memory (mirror ericbuess/claude-code-docs @ec68a5b)';
const PIEBALD = 'Piebald-AI/claude-code-system-prompts README @0280b7d (v2.1.0)';

// Tool description text as measured at v2.1.0; JSON parameter schemas come on top. ×1.25 puts the sum (≈13.4k) inside
// the 11.6k–17.6k "System tools" that published `/context` outputs show.
const SCHEMA_FACTOR = 1.25;
function tool(name: string, descriptionTokens: number): ToolFigure {
  const figure: TokenFigure = estimated(
    Math.round(descriptionTokens * SCHEMA_FACTOR),
    0.3,
    `${PIEBALD}: each tool's description tokens ×${SCHEMA_FACTOR} for its JSON parameters (calibrated to /context "System tools" 11.6k–17.6k)`,
    '2026-01-06',
  );
  return { name, figure };
}

export const CLAUDE_CODE_TOOLS: readonly ToolFigure[] = [
  tool('Bash', 1086 + 1498 + 454),
  tool('Task', 1210),
  tool('TodoWrite', 2167),
  tool('EnterPlanMode', 970),
  tool('ExitPlanMode', 447),
  tool('Skill', 444),
  tool('Read', 439),
  tool('WebSearch', 334),
  tool('Grep', 300),
  tool('Edit', 278),
  tool('WebFetch', 265),
  tool('LSP', 255),
  tool('AskUserQuestion', 194),
  tool('Write', 159),
  tool('Glob', 122),
  tool('NotebookEdit', 121),
];

export const claudeCode: RuntimeProfile = {
  id: 'claude-code',
  name: 'Claude Code',
  defaultModel: {
    value: 'claude-sonnet-4-5',
    basis: 'estimate',
    source:
      'Burnrate assumption: the model of most published /context outputs (runtimes.md §1); set runtimes.claude-code.model',
    date: '2025-10 .. 2026-01',
  },
  defaultMode: 'default',
  modes: {
    default: {
      systemPrompt: measured(
        3200,
        0.3,
        '/context "System prompt" 2.2k–3.2k: akka/akka-sdk#1044, anthropics/claude-code#13717, dannywillems.github.io 2026-01-16, wmedia.es (6.2k on Opus 4.6, jdhodges.com)',
        '2025-10-15 .. 2026-01-16',
      ),
      tools: CLAUDE_CODE_TOOLS,
    },
  },
  reads: [
    {
      paths: ['CLAUDE.md', 'CLAUDE.local.md', '.claude/CLAUDE.md'],
      rule: 'always',
      imports: true,
      label: 'project memory',
      source: `${CC_DOCS}, "How CLAUDE.md files load"`,
    },
    {
      paths: ['**/CLAUDE.md', '**/CLAUDE.local.md'],
      rule: 'scoped',
      scope: 'subtree',
      imports: true,
      label: 'nested memory (when Claude reads a file below it)',
      source: CC_DOCS,
    },
    {
      paths: ['.claude/rules/**/*.md'],
      rule: 'frontmatter',
      label: 'rule',
      source: `${CC_DOCS}, "Path-specific rules"`,
    },
    {
      paths: ['.claude/skills/*/SKILL.md', '**/.claude/skills/*/SKILL.md'],
      rule: 'skill',
      label: 'skill',
      source: 'code.claude.com/docs/en/skills, "Where skills live"',
    },
    {
      paths: ['.claude/commands/**/*.md'],
      rule: 'skill',
      session: 'main',
      label: 'slash command',
      source: 'code.claude.com/docs/en/skills (commands merged into skills, docs from 2026-03-01)',
    },
    {
      paths: ['.claude/agents/**/*.md'],
      rule: 'subagent',
      session: 'subagent',
      label: 'subagent',
      source: 'code.claude.com/docs/en/sub-agents',
    },
  ],
  importDepth: [
    {
      value: 5,
      basis: 'measured',
      source: 'cc-docs memory: "five hops" (ericbuess/claude-code-docs docs/memory.md @eaac2aa0)',
      date: 'through 2026-02-28',
    },
    {
      value: 4,
      basis: 'measured',
      source: 'cc-docs memory: "four hops" (ericbuess/claude-code-docs docs/memory.md @f161833a)',
      date: 'from 2026-05-26',
    },
  ],
  listingEntry: estimated(
    12,
    0.5,
    'Burnrate estimate: list framing per entry (name, separators, "when to use")',
    '2026-12',
  ),
  listingEntryMaxChars: {
    value: 1536,
    basis: 'measured',
    source: 'code.claude.com/docs/en/skills: each entry capped at 1,536 characters',
    date: '2026-03-28',
  },
  subagentPreamble: estimated(
    900,
    0.5,
    'code.claude.com/docs/en/context-window: illustrative subagent start "system prompt 900" (environment details, not the full prompt)',
    '2026-08',
  ),
  compaction: {
    value: 0.835,
    basis: 'measured',
    source:
      'window − min(max output, 20k) − 13k ≈ 167k of 200k, read from the CLI bundle (anthropics/claude-code#12004, #31806)',
    date: '2025-11-20 .. 2026-03-07',
  },
  agentToolsByName: true,
  implies: ['CLAUDE.md', 'CLAUDE.local.md', '.claude/**'],
  note: 'AGENTS.md is not read (vendor advice: a CLAUDE.md containing @AGENTS.md). MCP tools, auto memory and ~/.claude files are not in the repository and not counted.',
};
