// Claude Code slash commands: `.claude/commands/**/*.md` and a plugin's `commands/*.md`. Each runs as an agent turn
// when the user types `/name`; `$ARGUMENTS` is replaced by what follows it.
import type { MarkdownProfile } from '../markdownFile';
import { parseMarkdownFile } from '../markdownFile';
import { invocationSettings } from '../skill';
import { hasDirPair } from './pathFacts';
import { frontmatterHasKeys } from './sniff';
import type { FormatSpec } from './spec';

const commandProfile: MarkdownProfile = {
  nameFromFile: 'stem',
  lenientFrontmatter: true,
  settings(fields) {
    const read = fields ? invocationSettings(fields) : {};
    const hint = fields?.value(['argument-hint']);
    if (fields && hint !== undefined && hint !== null)
      fields.info(
        ['argument-hint'],
        `arguments (${String(hint)}) are added to the prompt when the command runs; not counted here`,
      );
    return { kind: 'call', bodyLabel: 'command prompt', ...read };
  },
};

export const claudeCommand: FormatSpec<'claude-command'> = {
  id: 'claude-command',
  label: 'Claude Code slash command',
  globs: ['**/.claude/commands/**/*.md', '**/commands/*.md'],
  detect: (p) =>
    p.name.endsWith('.md') &&
    (hasDirPair(p, '.claude', 'commands') || (p.parent === 'commands' && p.dirs.includes('plugins'))),
  loose: (p) => (p.name.endsWith('.md') && p.parent === 'commands' ? 'check' : undefined),
  confirms: (text) =>
    frontmatterHasKeys(text, ['allowed-tools', 'argument-hint', 'description', 'model'], 'any')
      ? undefined
      : 'a commands/*.md without slash-command frontmatter (description, allowed-tools, argument-hint or model)',
  parse: (input) => parseMarkdownFile(input, commandProfile, 'on-invocation'),
  frontmatter: { sent: false, edit: 'create' },
  loading: ['on-invocation'],
  doc: {
    files: '`.claude/commands/**/*.md`, plugin `commands/*.md`',
    units: 'one call when invoked (`/name`)',
    reads: '`model`, `allowed-tools`, `argument-hint`',
  },
};
