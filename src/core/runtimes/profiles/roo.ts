// Roo Code (discontinued 2026-05-15; kept for old repositories). Figures: ../shared/notes/runtimes.md §7 and §11.
import { estimated } from '../figures';
import type { RuntimeProfile } from '../profile';

const DOC = 'docs.roocode.com/features/custom-instructions';

export const roo: RuntimeProfile = {
  id: 'roo',
  name: 'Roo Code',
  defaultModel: {
    value: 'claude-sonnet-4-5',
    basis: 'estimate',
    source: 'Burnrate assumption (Roo runs the model you configure); set runtimes.roo.model',
    date: '2025',
  },
  defaultMode: 'default',
  modes: {
    default: {
      systemPrompt: estimated(
        9240,
        0.4,
        'x1xhlol "Open Source prompts/RooCode/Prompt.txt" including tool docs, counted o200k',
        '2025-04-21',
      ),
      tools: [],
      note: 'tool docs are inside the system prompt',
    },
  },
  reads: [
    { paths: ['.roo/rules-*/**', '.roorules-*'], rule: 'scoped', label: 'mode rule (only in that mode)', source: DOC },
    { paths: ['.roo/rules/**'], rule: 'always', label: 'rule', source: DOC },
    { paths: ['.roorules'], rule: 'always', label: 'rules', unless: ['.roo/rules/**'], source: DOC },
    {
      paths: ['AGENTS.md'],
      rule: 'always',
      label: 'AGENTS.md (roo-cline.useAgentRules)',
      source: 'RooCodeInc/Roo-Code-Docs#315 (2025-08-20)',
    },
  ],
  implies: ['.roo/**', '.roorules', '.roorules-*', '.roomodes'],
  note: 'Roo Code shut down on 2026-05-15 (repository archived).',
};
