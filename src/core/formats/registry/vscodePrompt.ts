// VS Code prompt files (`*.prompt.md`): run when the user invokes `/name` in chat.
import { parseMarkdownFile } from '../markdownFile';
import { vscodePromptProfile } from '../vscodeFiles';
import type { FormatSpec } from './spec';

export const vscodePrompt: FormatSpec<'vscode-prompt'> = {
  id: 'vscode-prompt',
  label: 'VS Code prompt file',
  globs: ['**/*.prompt.md'],
  detect: (p) => p.name.endsWith('.prompt.md'),
  parse: (input) => parseMarkdownFile(input, vscodePromptProfile, 'on-invocation'),
  frontmatter: { sent: false, edit: 'create' },
  loading: ['on-invocation'],
  doc: { files: '`*.prompt.md`', units: 'one call', reads: 'frontmatter `model` ("Claude Sonnet 4"), `tools`' },
};
