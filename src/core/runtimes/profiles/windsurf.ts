// Windsurf (Devin Desktop since 2026-06-02). Figures: ../shared/notes/runtimes.md §8 and §11 (a leaked prompt).
import { estimated } from '../figures';
import type { RuntimeProfile } from '../profile';

const LEAK = 'x1xhlol "Windsurf/" Wave 11 prompt and tools, counted o200k (unofficial)';
const MEMORIES = 'docs.windsurf.com/windsurf/cascade/memories';

export const windsurf: RuntimeProfile = {
  id: 'windsurf',
  name: 'Windsurf',
  defaultModel: {
    value: 'claude-sonnet-4-5',
    basis: 'estimate',
    source: 'Burnrate assumption; set runtimes.windsurf.model',
    date: '2025',
  },
  defaultMode: 'default',
  modes: {
    default: {
      systemPrompt: estimated(2494, 0.4, LEAK, '2025-07-21'),
      tools: [{ name: 'built-in tools', figure: estimated(7133, 0.4, LEAK, '2025-07-21') }],
    },
  },
  reads: [
    {
      paths: ['.windsurf/rules/**/*.md', '.devin/rules/**/*.md', '**/.windsurf/rules/**/*.md'],
      rule: 'frontmatter',
      label: 'rule (trigger:)',
      source: MEMORIES,
    },
    { paths: ['.windsurfrules'], rule: 'always', label: 'legacy rules', source: MEMORIES },
    {
      paths: ['AGENTS.md'],
      rule: 'always',
      label: 'AGENTS.md',
      source: 'docs.windsurf.com/windsurf/cascade/agents-md',
    },
    {
      paths: ['**/AGENTS.md'],
      rule: 'scoped',
      scope: 'subtree',
      label: 'nested AGENTS.md (glob <dir>/**)',
      source: 'docs.windsurf.com/windsurf/cascade/agents-md',
    },
    {
      paths: ['.windsurf/workflows/**/*.md'],
      rule: 'invocation',
      label: 'workflow',
      source: 'mcp.directory windsurf-core-workflow (third party)',
    },
  ],
  listingEntry: estimated(12, 0.5, 'Burnrate estimate: framing per model-decision rule', '2026-12'),
  maxCharsPerFile: {
    value: 12000,
    basis: 'measured',
    source: 'docs.windsurf.com/zh/windsurf/cascade/memories (older docs: 6,000)',
    date: '2026',
  },
  implies: ['.windsurfrules', '.windsurf/**', '.devin/**'],
  note: 'global_rules.md is outside the repository.',
};
