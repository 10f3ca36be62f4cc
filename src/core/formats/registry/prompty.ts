// Prompty (`*.prompty`): one API call.
import { parsePrompty } from '../prompty';
import type { FormatSpec } from './spec';

export const prompty: FormatSpec<'prompty'> = {
  id: 'prompty',
  label: 'Prompty',
  globs: ['**/*.prompty'],
  detect: (p) => p.name.endsWith('.prompty'),
  parse: parsePrompty,
  frontmatter: { sent: false, edit: 'create' },
  loading: ['one-call'],
  doc: {
    files: '`*.prompty`',
    units: 'one call',
    reads: 'v1 and v2 model blocks, `max_tokens` / `maxOutputTokens`, `system:`/`user:` role blocks, tool schemas',
  },
};
