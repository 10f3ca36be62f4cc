// Gemini CLI context files: `GEMINI.md` in the working directory and its parents, concatenated into the system prompt
// of every request. `context.fileName` in `.gemini/settings.json` may name other files instead: the shell reads it
// first (runtimes/contextFileNames.ts) and hands the names to detection (ReadOptions.workspaceNames).
import { alwaysOnProfile } from '../contextFiles';
import { parseMarkdownFile } from '../markdownFile';
import type { FormatSpec } from './spec';

export const geminiContext: FormatSpec<'gemini-context'> = {
  id: 'gemini-context',
  label: 'Gemini CLI context',
  globs: ['**/gemini.md'],
  activation: ['**/GEMINI.md', '**/gemini.md'],
  detect: (p) => p.name === 'gemini.md',
  parse: (input) => parseMarkdownFile(input, alwaysOnProfile, 'on-invocation'),
  frontmatter: { sent: true, edit: 'never' },
  loading: ['always-on'],
  doc: {
    files: '`GEMINI.md`, or the names `context.fileName` sets in `.gemini/settings.json`',
    units: 'the file, added to every request',
    reads: 'the text as written, with its `@file` imports (followed by the Gemini CLI runtime)',
  },
};
