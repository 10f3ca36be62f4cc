// Dotprompt (`*.prompt`, Genkit): one API call. `.continue/prompts/*.prompt` are Continue's, matched before this.
import { parseDotprompt } from '../dotprompt';
import type { FormatSpec } from './spec';

export const dotprompt: FormatSpec<'dotprompt'> = {
  id: 'dotprompt',
  label: 'Dotprompt',
  globs: ['**/*.prompt'],
  detect: (p) => p.name.endsWith('.prompt'),
  parse: parseDotprompt,
  frontmatter: { sent: false, edit: 'create' },
  loading: ['one-call'],
  doc: {
    files: '`*.prompt` (Dotprompt / Genkit)',
    units: 'one call',
    reads: '`model` (`googleai/gemini-2.5-flash`), `config.maxOutputTokens`, output schema counted as input',
  },
};
