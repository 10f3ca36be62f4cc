// Roo Code rules (Roo Code was discontinued in May 2026; kept for the repositories that still hold its files):
// `.roo/rules/**` and `.roorules` go into every request; `.roo/rules-{mode}/**` and `.roorules-{mode}` only into
// requests made in that mode.
import { parseMarkdownFile, type MarkdownProfile } from '../markdownFile';
import type { FormatSpec } from './spec';

const TEXT = /\.(md|txt)$/;

/** The mode a rule file is scoped to (`.roo/rules-code/x.md`, `.roorules-architect`), or undefined for every mode. */
export function rooMode(path: string): string | undefined {
  const lower = path.replace(/\\/g, '/').toLowerCase();
  return /(?:^|\/)\.roo\/rules-([^/]+)\//.exec(lower)?.[1] ?? /(?:^|\/)\.roorules-([^/]+)$/.exec(lower)?.[1];
}

const rooProfile: MarkdownProfile = {
  nameFromFile: 'basename',
  noFrontmatter: true,
  settings(_fields, _problems, path) {
    const mode = rooMode(path);
    return { kind: 'always-on', bodyLabel: 'rules', ...(mode && { appliesTo: `requests in Roo's ${mode} mode` }) };
  },
};

export const rooRule: FormatSpec<'roo-rule'> = {
  id: 'roo-rule',
  label: 'Roo Code rule',
  globs: ['**/.roorules', '**/.roorules-*', '**/.roo/rules/**/*.{md,txt}', '**/.roo/rules-*/**/*.{md,txt}'],
  detect: (p) =>
    p.name === '.roorules' ||
    p.name.startsWith('.roorules-') ||
    (TEXT.test(p.name) &&
      p.dirs.some((d, i) => d === '.roo' && (p.dirs[i + 1] === 'rules' || p.dirs[i + 1]?.startsWith('rules-')))),
  parse: (input) => parseMarkdownFile(input, rooProfile, 'on-invocation'),
  frontmatter: { sent: true, edit: 'never' },
  loading: ['always-on', 'scoped'],
  doc: {
    files: '`.roo/rules/`, `.roo/rules-{mode}/`, `.roorules`, `.roorules-{mode}`',
    units: 'each rule file, added to every request (of its mode)',
    reads: 'the text as written (appended to the system prompt)',
  },
};
