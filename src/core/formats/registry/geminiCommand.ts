// Gemini CLI custom commands: `.gemini/commands/**/*.toml`, run on `/name`.
import { parseGeminiCommand } from '../geminiCommand';
import { hasDirPair } from './pathFacts';
import type { FormatSpec } from './spec';

export const geminiCommand: FormatSpec<'gemini-command'> = {
  id: 'gemini-command',
  label: 'Gemini CLI command',
  globs: ['**/.gemini/commands/**/*.toml'],
  detect: (p) => p.name.endsWith('.toml') && hasDirPair(p, '.gemini', 'commands'),
  parse: parseGeminiCommand,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['on-invocation'],
  doc: { files: '`.gemini/commands/**/*.toml`', units: 'one call when invoked (`/name`)', reads: 'TOML `prompt`' },
};
