// GitHub agentic workflows: Markdown with frontmatter in `.github/workflows/`.
import { parseAgenticWorkflow } from '../agenticWorkflow';
import { directlyIn } from './pathFacts';
import type { FormatSpec } from './spec';

export const agenticWorkflow: FormatSpec<'github-agentic-workflow'> = {
  id: 'github-agentic-workflow',
  label: 'GitHub agentic workflow',
  globs: ['**/.github/workflows/*.md'],
  detect: (p) => p.name.endsWith('.md') && directlyIn(p, '.github', 'workflows'),
  parse: parseAgenticWorkflow,
  // gh aw compiles the frontmatter and rejects keys it does not know.
  frontmatter: { sent: false, edit: 'never' },
  loading: ['session'],
  doc: {
    files: '`.github/workflows/*.md` with frontmatter',
    units: 'one agent run',
    reads: '`engine.model`, `engine.max-turns`, `tools`',
  },
};
