// VS Code instructions: `*.instructions.md` (scoped by `applyTo`) and `.github/copilot-instructions.md` (always on).
import { parseMarkdownFile } from '../markdownFile';
import { baseName } from '../paths';
import { vscodeInstructionsProfile } from '../vscodeFiles';
import type { FormatSpec } from './spec';

export const vscodeInstructions: FormatSpec<'vscode-instructions'> = {
  id: 'vscode-instructions',
  label: 'VS Code instructions',
  globs: ['**/*.instructions.md', '**/*copilot-instructions.md'],
  detect: (p) =>
    p.name.endsWith('.instructions.md') || (p.name === 'copilot-instructions.md' && p.parent === '.github'),
  loose: (p) => (p.name.endsWith('copilot-instructions.md') ? 'accept' : undefined),
  parse: (input) => parseMarkdownFile(input, vscodeInstructionsProfile, 'on-invocation'),
  frontmatter: {
    sent: false,
    edit: (path) => (baseName(path).toLowerCase() === 'copilot-instructions.md' ? 'existing' : 'flagged'),
  },
  loading: ['always-on', 'scoped', 'on-invocation'],
  doc: {
    files: '`*.instructions.md`, `.github/copilot-instructions.md`',
    units: 'the file',
    reads: '`applyTo` globs scope it; without `applyTo` it is attached by hand (priced per use)',
  },
};
