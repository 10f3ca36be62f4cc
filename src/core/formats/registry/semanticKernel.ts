// Semantic Kernel prompt functions: `skprompt.txt`, priced with the model and max_tokens of the `config.json` beside it.
import { joinSkConfig, parseSkPrompt, skCompanions } from '../semanticKernel';
import type { FormatSpec } from './spec';

export const semanticKernel: FormatSpec<'semantic-kernel'> = {
  id: 'semantic-kernel',
  label: 'Semantic Kernel prompt',
  globs: ['**/skprompt.txt'],
  detect: (p) => p.name === 'skprompt.txt',
  parse: parseSkPrompt,
  frontmatter: { sent: true, edit: 'never' },
  loading: ['one-call'],
  companions: { of: skCompanions, join: joinSkConfig },
  doc: {
    files: '`skprompt.txt` + `config.json`',
    units: 'one call',
    reads: '`execution_settings` of `config.json` (`model_id`, `max_tokens`)',
  },
};
