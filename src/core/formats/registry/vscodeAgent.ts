// VS Code custom agents: `*.agent.md`, the older `*.chatmode.md`, and any `.md` in `.github/agents/` (Copilot's
// folder: these are not Claude Code subagents even though the folder is called agents).
import { parseMarkdownFile } from '../markdownFile';
import { vscodeAgentProfile } from '../vscodeFiles';
import { directlyIn } from './pathFacts';
import type { FormatSpec } from './spec';

export const vscodeAgent: FormatSpec<'vscode-agent'> = {
  id: 'vscode-agent',
  label: 'VS Code custom agent',
  globs: ['**/*.agent.md', '**/*.chatmode.md', '**/.github/agents/*.md'],
  detect: (p) =>
    p.name.endsWith('.agent.md') ||
    p.name.endsWith('.chatmode.md') ||
    (p.name.endsWith('.md') && directlyIn(p, '.github', 'agents')),
  parse: (input) => parseMarkdownFile(input, vscodeAgentProfile, 'session'),
  frontmatter: { sent: false, edit: 'flagged' },
  loading: ['session'],
  doc: {
    files: '`*.agent.md`, `*.chatmode.md`, `.github/agents/*.md`',
    units: 'the agent instructions, sent with every request in that agent',
    reads: '`model` (a fallback list: the first priced entry is used), `tools`',
  },
};
