// Cursor rules: `.cursor/rules/*.mdc` (frontmatter: description, globs, alwaysApply) and the legacy `.cursorrules`.
import { cursorRuleProfile } from '../cursorRule';
import { parseMarkdownFile } from '../markdownFile';
import { hasDirPair } from './pathFacts';
import type { FormatSpec } from './spec';

export const cursorRule: FormatSpec<'cursor-rule'> = {
  id: 'cursor-rule',
  label: 'Cursor rule',
  globs: ['**/*.mdc', '**/*.cursorrules'],
  detect: (p) => (p.name.endsWith('.mdc') && hasDirPair(p, '.cursor', 'rules')) || p.name === '.cursorrules',
  loose: (p) => (p.name.endsWith('.mdc') || p.name.endsWith('.cursorrules') ? 'accept' : undefined),
  parse: (input) => parseMarkdownFile(input, cursorRuleProfile, 'on-invocation'),
  frontmatter: { sent: false, edit: (path) => (path.toLowerCase().endsWith('.mdc') ? 'create' : 'never') },
  loading: ['always-on', 'scoped', 'on-invocation'],
  doc: {
    files: '`.cursor/rules/*.mdc`, `.cursorrules`',
    units: 'the rule',
    reads: '`alwaysApply: true` = every request; `globs` = scoped; neither = pulled in by the agent (per use)',
  },
};
