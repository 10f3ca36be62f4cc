// `.txt` / `.md` files under a `prompts/` folder, and the user's extra globs: one call, sent as written.
import { plainPromptProfile } from '../contextFiles';
import { parseMarkdownFile } from '../markdownFile';
import type { FormatSpec } from './spec';

export const plainPrompt: FormatSpec<'plain-prompt'> = {
  id: 'plain-prompt',
  label: 'Plain prompt',
  globs: ['**/prompts/**/*.{md,txt}'],
  detect: (p) => (p.name.endsWith('.txt') || p.name.endsWith('.md')) && p.dirs.includes('prompts'),
  parse: (input) => parseMarkdownFile(input, plainPromptProfile(!input.path.toLowerCase().endsWith('.md')), 'one-call'),
  frontmatter: { sent: false, edit: (path) => (path.toLowerCase().endsWith('.md') ? 'existing' : 'never') },
  loading: ['one-call'],
  doc: {
    files: '`.txt` / `.md` under a `prompts/` folder, and `burnrate.extraFiles` globs',
    units: 'one call',
    reads: 'the text as written',
  },
};
