// GitHub Copilot in VS Code, agent and ask modes. Figures: ../shared/notes/runtimes.md §2 and §11.
import { estimated, type TokenFigure } from '../figures';
import type { RuntimeProfile } from '../profile';

const SNAPSHOTS = 'microsoft/vscode-copilot-chat @31acd00 agentPrompts snapshots, counted o200k';
const SNAPSHOT_DATE = '2026-03-29';
const INSTRUCTIONS_DOC = 'microsoft/vscode-docs docs/copilot/customization/custom-instructions.md (2026-03-25)';

function prompt(tokens: number, variant: string): TokenFigure {
  // +150: the workspace info block the snapshots leave out.
  return estimated(tokens + 150, 0.15, `${SNAPSHOTS} (${variant}, +150 workspace info)`, SNAPSHOT_DATE);
}

const TOOLS_SOURCE =
  'vscode-copilot-chat package.json languageModelTools @31acd00, 38 tools as function JSON, counted o200k';

export const copilot: RuntimeProfile = {
  id: 'copilot',
  name: 'GitHub Copilot (VS Code)',
  defaultModel: {
    value: 'gpt-4.1',
    basis: 'estimate',
    source: "Burnrate assumption: Copilot Chat's base model; set runtimes.copilot.model to the model your team picks",
    date: '2025',
  },
  defaultMode: 'agent',
  modes: {
    agent: {
      systemPrompt: prompt(1866, "default family, all tools' guidance"),
      systemPromptByModel: [
        { model: '^gpt-4\\.1', figure: prompt(2363, 'gpt-4.1, with tools') },
        { model: '^gpt-5\\.1-codex', figure: prompt(1825, 'gpt-5.1-codex') },
        { model: '^gpt-5-codex', figure: prompt(1655, 'gpt-5-codex') },
        { model: '^gpt-5\\.1', figure: prompt(4890, 'gpt-5.1, with tools') },
        { model: '^gpt-5', figure: prompt(4327, 'gpt-5, with tools') },
        { model: 'claude-sonnet-4', figure: prompt(2019, 'claude-sonnet-4.5, with tools') },
        { model: 'claude-opus-4-6', figure: prompt(3760, 'claude-opus-4.6, with tools') },
        { model: 'claude-opus-4', figure: prompt(1624, 'claude-opus-4.5, with tools') },
        { model: 'claude-haiku-4', figure: prompt(2535, 'claude-haiku-4.5, with tools') },
        { model: '^gemini', figure: prompt(1625, 'gemini-2.0-flash, with tools') },
        { model: '^grok', figure: prompt(2088, 'grok-code-fast-1, with tools') },
      ],
      tools: [
        { name: 'memory', figure: estimated(676, 0.15, TOOLS_SOURCE, SNAPSHOT_DATE) },
        { name: 'findTextInFiles', figure: estimated(586, 0.15, TOOLS_SOURCE, SNAPSHOT_DATE) },
        { name: 'editNotebook', figure: estimated(451, 0.15, TOOLS_SOURCE, SNAPSHOT_DATE) },
        { name: 'replaceString', figure: estimated(450, 0.15, TOOLS_SOURCE, SNAPSHOT_DATE) },
        {
          name: 'the 34 other extension tools',
          figure: estimated(5981, 0.15, `${TOOLS_SOURCE} (8,144 in all)`, SNAPSHOT_DATE),
        },
        {
          name: 'core tools (terminal, todo, runSubagent, …)',
          figure: estimated(
            3000,
            0.6,
            'Burnrate estimate: tools VS Code itself contributes, not in the extension count (microsoft/vscode#323088 saw ~25k with ~90 tools)',
            '2026-06-26',
          ),
        },
      ],
    },
    ask: {
      systemPrompt: prompt(852, 'default family, no tools'),
      systemPromptByModel: [
        { model: '^gpt-4\\.1', figure: prompt(1349, 'gpt-4.1, no tools') },
        { model: '^gpt-5\\.1', figure: prompt(4195, 'gpt-5.1, no tools') },
        { model: '^gpt-5', figure: prompt(3562, 'gpt-5, no tools') },
        { model: 'claude-sonnet-4', figure: prompt(1695, 'claude-sonnet-4.5, no tools') },
        { model: 'claude-opus-4-6', figure: prompt(2763, 'claude-opus-4.6, no tools') },
        { model: 'claude-opus-4', figure: prompt(1260, 'claude-opus-4.5, no tools') },
        { model: 'claude-haiku-4', figure: prompt(2107, 'claude-haiku-4.5, no tools') },
        { model: '^gemini', figure: prompt(1261, 'gemini-2.0-flash, no tools') },
        { model: '^grok', figure: prompt(1724, 'grok-code-fast-1, no tools') },
      ],
      tools: [
        {
          name: 'read-only tools (search, read, fetch)',
          figure: estimated(
            2500,
            0.6,
            'Burnrate estimate: ask mode has no edit tools (microsoft/vscode-copilot-release#11228); its read tools are not counted anywhere',
            '2025-12-11',
          ),
        },
      ],
      note: 'ask mode: no edit tools',
    },
  },
  reads: [
    {
      paths: ['.github/copilot-instructions.md'],
      rule: 'always',
      label: 'repository instructions',
      source: INSTRUCTIONS_DOC,
    },
    { paths: ['AGENTS.md'], rule: 'always', label: 'AGENTS.md (chat.useAgentsMdFile)', source: INSTRUCTIONS_DOC },
    {
      paths: ['CLAUDE.md', '.claude/CLAUDE.md', 'CLAUDE.local.md'],
      rule: 'always',
      label: 'CLAUDE.md (chat.useClaudeMdFile)',
      source: INSTRUCTIONS_DOC,
    },
    {
      paths: ['.github/instructions/**/*.instructions.md', '**/*.instructions.md'],
      rule: 'frontmatter',
      label: 'instructions',
      source: `${INSTRUCTIONS_DOC}; computeAutomaticInstructions.ts`,
    },
    {
      paths: ['.claude/rules/**/*.md'],
      rule: 'frontmatter',
      label: 'Claude rule (paths, default **)',
      source: INSTRUCTIONS_DOC,
    },
    {
      paths: ['.github/skills/*/SKILL.md', '.claude/skills/*/SKILL.md', '.agents/skills/*/SKILL.md'],
      rule: 'skill',
      label: 'skill',
      source: 'vscode-docs agent-skills.md @ccf1bc3 (2026-02-04)',
    },
    {
      paths: ['.github/agents/**/*.agent.md', '.github/chatmodes/**/*.chatmode.md'],
      rule: 'subagent',
      session: 'main',
      label: 'custom agent',
      source: 'vscode-docs custom-agents.md (1.106); computeAutomaticInstructions.ts <agents> list',
    },
    {
      paths: ['.github/prompts/**/*.prompt.md', '**/*.prompt.md'],
      rule: 'session',
      session: 'main',
      label: 'prompt file',
      source: 'vscode-docs prompt-files.md (2025-11-12)',
    },
  ],
  listingEntry: estimated(
    15,
    0.5,
    'Burnrate estimate: <instructions>/<skills>/<agents> list framing per entry (path, tags)',
    '2026-12',
  ),
  compaction: {
    value: 0.85,
    basis: 'measured',
    source:
      'agent prompt budget = floor((max prompt − tool schemas) × 0.85) (vscode-copilot-chat agentIntent.ts @31acd00)',
    date: '2026-03-29',
  },
  implies: [
    '.github/copilot-instructions.md',
    '.github/instructions/**',
    '.github/prompts/**',
    '.github/agents/**',
    '.github/chatmodes/**',
    '.github/skills/**',
  ],
  note: 'Markdown links in instruction files are attached too (not followed here); MCP tools and organization instructions are not in the repository.',
};
