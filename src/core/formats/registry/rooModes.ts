// `.roomodes`: Roo Code's custom modes, each a role definition sent with every request in that mode.
import { parseRooModes } from '../roomodes';
import type { FormatSpec } from './spec';

export const rooModes: FormatSpec<'roo-modes'> = {
  id: 'roo-modes',
  label: 'Roo Code modes',
  globs: ['**/.roomodes'],
  detect: (p) => p.name === '.roomodes',
  parse: parseRooModes,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['scoped'],
  doc: {
    files: '`.roomodes`',
    units: 'each custom mode',
    reads: '`roleDefinition` + `customInstructions`, sent with every request in that mode',
  },
};
