// Cline. Figures: ../shared/notes/runtimes.md §6 and §11 (an old copy of the prompt: low confidence).
import { estimated } from '../figures';
import type { RuntimeProfile } from '../profile';

const RULES_DOC = 'docs.cline.bot/features/cline-rules/overview';

export const cline: RuntimeProfile = {
  id: 'cline',
  name: 'Cline',
  defaultModel: {
    value: 'claude-sonnet-4-5',
    basis: 'estimate',
    source: 'Burnrate assumption (Cline runs the model you configure); set runtimes.cline.model',
    date: '2025',
  },
  defaultMode: 'default',
  modes: {
    default: {
      systemPrompt: estimated(
        9938,
        0.4,
        'x1xhlol "Open Source prompts/Cline/Prompt.txt" with its XML tool docs inline, counted o200k',
        '2025-04-21',
      ),
      tools: [],
      note: 'tool docs are inside the system prompt',
    },
  },
  reads: [
    {
      paths: ['.clinerules/workflows/**/*.md'],
      rule: 'invocation',
      label: 'workflow',
      source: 'docs.cline.bot/customization/workflows',
    },
    {
      paths: ['.clinerules/**/*.md', '.clinerules'],
      rule: 'frontmatter',
      label: 'rule (paths: makes it conditional)',
      source: `${RULES_DOC}; docs.cline.bot/features/cline-rules/conditional-rules`,
    },
    { paths: ['AGENTS.md'], rule: 'always', label: 'AGENTS.md', source: RULES_DOC },
    {
      paths: ['.cursor/rules/**/*.mdc', '.windsurf/rules/**/*.md'],
      rule: 'frontmatter',
      label: "other tool's rule (no .clinerules)",
      unless: ['.clinerules', '.clinerules/**'],
      source: RULES_DOC,
    },
    {
      paths: ['.cursorrules', '.windsurfrules'],
      rule: 'always',
      label: "other tool's rules (no .clinerules)",
      unless: ['.clinerules', '.clinerules/**'],
      source: RULES_DOC,
    },
  ],
  implies: ['.clinerules', '.clinerules/**'],
  note: 'Auto Compact summarizes near the limit; no threshold is documented.',
};
