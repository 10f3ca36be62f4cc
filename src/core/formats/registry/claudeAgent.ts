// Claude Code subagents (`.claude/agents/**/*.md`), and copies kept in an `agents/` folder when their frontmatter
// names and describes an agent.
import { claudeAgentProfile } from '../claudeAgent';
import { parseMarkdownFile } from '../markdownFile';
import { hasDirPair } from './pathFacts';
import { frontmatterHasKeys } from './sniff';
import type { FormatSpec } from './spec';

export const claudeAgent: FormatSpec<'claude-agent'> = {
  id: 'claude-agent',
  label: 'Claude Code subagent',
  globs: ['**/.claude/agents/**/*.md', '**/{agents,*[-_.]agents}/*.md'],
  detect: (p) => p.name.endsWith('.md') && hasDirPair(p, '.claude', 'agents'),
  loose: (p) => (p.name.endsWith('.md') && /(^|[-_.])agents$/.test(p.parent) ? 'check' : undefined),
  confirms: (text) =>
    frontmatterHasKeys(text, ['name', 'description'], 'all')
      ? undefined
      : 'not a Claude Code subagent (no name and description in frontmatter)',
  parse: (input) => parseMarkdownFile(input, claudeAgentProfile, 'session'),
  frontmatter: { sent: false, edit: 'create' },
  loading: ['session'],
  doc: {
    files: '`.claude/agents/*.md`',
    units: 'one session',
    reads: '`model` (`haiku`/`sonnet`/`opus`/full id/`inherit`), `maxTurns`, `tools`',
  },
};
