// Context files re-sent with every request: CLAUDE.md, AGENTS.md, CLAUDE.local.md and `.claude/rules/**/*.md` (a rule
// with `paths:` is scoped to requests that read matching files), plus renamed copies such as `backend-AGENTS.md`.
import { alwaysOnProfile } from '../contextFiles';
import { parseMarkdownFile } from '../markdownFile';
import { hasDirPair } from './pathFacts';
import type { FormatSpec } from './spec';

const NAMES = new Set(['claude.md', 'agents.md', 'claude.local.md']);

export const alwaysOn: FormatSpec<'always-on'> = {
  id: 'always-on',
  label: 'Always-on context',
  globs: ['**/{claude,agents,claude.local}.md', '**/.claude/rules/**/*.md', '**/*[-_.]{agents,claude}.md'],
  activation: [
    '**/{claude,agents,claude.local}.md',
    '**/.claude/rules/**/*.md',
    '**/*[-_.]{agents,claude}.md',
    '**/{CLAUDE,AGENTS,CLAUDE.local}.md',
    '**/*[-_.]{AGENTS,CLAUDE}.md',
  ],
  detect: (p) => NAMES.has(p.name) || (p.name.endsWith('.md') && hasDirPair(p, '.claude', 'rules')),
  loose: (p) => (/[-_.](agents|claude)\.md$/.test(p.name) ? 'accept' : undefined),
  parse: (input) => parseMarkdownFile(input, alwaysOnProfile, 'on-invocation'),
  frontmatter: { sent: false, edit: 'existing' },
  loading: ['always-on', 'scoped'],
  doc: {
    files: '`CLAUDE.md`, `AGENTS.md`, `CLAUDE.local.md`, `.claude/rules/*.md`',
    units: 'the file, added to every request',
    reads: '`paths:` scopes a rule to requests on matching files',
  },
};
