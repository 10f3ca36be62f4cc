// Gemini CLI (google-gemini/gemini-cli @5411f11). Figures: ../shared/notes/runtimes.md §5 and §11.
import { estimated } from '../figures';
import type { RuntimeProfile, ToolFigure } from '../profile';

const TOOLS = 'gemini-cli coreToolsModelSnapshots.test.ts.snap, counted o200k, ×0.75 pretty-printed → compact JSON';
const tool = (name: string, prettyTokens: number): ToolFigure => ({
  name,
  figure: estimated(Math.round(prettyTokens * 0.75), 0.25, `${TOOLS} (${prettyTokens} pretty-printed)`, '2026-08-21'),
});

export const geminiCli: RuntimeProfile = {
  id: 'gemini-cli',
  name: 'Gemini CLI',
  defaultModel: {
    value: 'gemini-2.5-pro',
    basis: 'estimate',
    source: 'Burnrate assumption: the Pro model Gemini CLI starts on; set runtimes.gemini-cli.model',
    date: '2025',
  },
  defaultMode: 'default',
  modes: {
    default: {
      systemPrompt: estimated(
        3844,
        0.2,
        'gemini-cli prompts.test.ts.snap, legacy prompt for non-preview models, counted o200k (5,431 for Gemini 3 preview)',
        '2026-08-21',
      ),
      systemPromptByModel: [
        {
          model: 'gemini-3',
          figure: estimated(
            5431,
            0.2,
            'gemini-cli prompts.test.ts.snap, modern prompt for preview models, counted o200k',
            '2026-08-21',
          ),
        },
      ],
      tools: [
        tool('write_todos', 1290),
        tool('replace', 1017),
        tool('read_many_files', 837),
        tool('run_shell_command', 795),
        {
          name: 'the 12 other core tools',
          figure: estimated(2045, 0.4, `${TOOLS}: ~4.5k–5.5k for ~16 tools, less the four above`, '2026-08-21'),
        },
      ],
    },
  },
  reads: [
    {
      paths: ['GEMINI.md'],
      rule: 'always',
      imports: true,
      renamable: true,
      label: 'context file',
      source: 'gemini-cli docs/cli/gemini-md.md',
    },
    {
      paths: ['**/GEMINI.md'],
      rule: 'scoped',
      scope: 'subtree',
      imports: true,
      renamable: true,
      label: 'nested context file (JIT, when a tool touches that folder)',
      source: 'gemini-cli memoryDiscovery.ts loadJitSubdirectoryMemory',
    },
    {
      paths: ['.gemini/skills/*/SKILL.md', '.agents/skills/*/SKILL.md'],
      rule: 'skill',
      label: 'skill',
      source: 'gemini-cli docs/cli/skills.md',
    },
    {
      paths: ['.gemini/agents/**/*.md'],
      rule: 'subagent',
      session: 'subagent',
      label: 'subagent',
      source: 'gemini-cli docs/core/subagents.md',
    },
    {
      paths: ['.gemini/commands/**/*.toml'],
      rule: 'invocation',
      label: 'custom command',
      source: 'gemini-cli docs/cli/custom-commands.md',
    },
  ],
  importDepth: [
    { value: 5, basis: 'measured', source: 'gemini-cli docs/reference/memport.md (max depth 5)', date: '2026-08-21' },
  ],
  listingEntry: estimated(12, 0.5, 'Burnrate estimate: framing per listed skill or subagent', '2026-12'),
  compaction: {
    value: 0.5,
    basis: 'measured',
    source: 'model.compressionThreshold default 0.5 (chatCompressionService.ts)',
    date: '2026-08',
  },
  defaultSubagentTurns: {
    value: 30,
    basis: 'measured',
    source: 'gemini-cli docs/core/subagents.md: max_turns default 30',
    date: '2026-08-21',
  },
  agentToolsByName: true,
  implies: ['GEMINI.md', '.gemini/**'],
  note: "context.fileName in .gemini/settings.json renames GEMINI.md (read from the workspace's settings); ~/.gemini files are outside the repository.",
};
