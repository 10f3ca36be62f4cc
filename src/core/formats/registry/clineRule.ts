// Cline rules: a `.clinerules` file, or a `.clinerules/` folder of `.md` files (all combined into the system prompt;
// `paths:` frontmatter scopes one). `.clinerules/workflows/*.md` are workflows, loaded only when invoked.
import { globList } from '../vscodeFiles';
import { parseMarkdownFile, type MarkdownProfile } from '../markdownFile';
import type { FormatSpec } from './spec';

const clineProfile = (workflow: boolean): MarkdownProfile => ({
  nameFromFile: 'basename',
  lenientFrontmatter: true,
  settings(fields) {
    if (workflow) return { kind: 'call', bodyLabel: 'workflow' };
    const paths = globList(fields, ['paths']);
    return { kind: 'always-on', bodyLabel: 'rules', ...(paths && { appliesTo: paths }) };
  },
});

export const clineRule: FormatSpec<'cline-rule'> = {
  id: 'cline-rule',
  label: 'Cline rule',
  globs: ['**/.clinerules', '**/.clinerules/**/*.md'],
  detect: (p) => p.name === '.clinerules' || (p.name.endsWith('.md') && p.dirs.includes('.clinerules')),
  parse: (input) =>
    parseMarkdownFile(input, clineProfile(/(^|\/)\.clinerules\/workflows\//i.test(input.path)), 'on-invocation'),
  frontmatter: { sent: false, edit: 'existing' },
  loading: ['always-on', 'scoped', 'on-invocation'],
  doc: {
    files: '`.clinerules` (a file, or a folder of `.md`)',
    units: 'each rule file, added to every request; workflows when invoked',
    reads: '`paths:` scopes a rule; `.clinerules/workflows/*.md` are on invocation',
  },
};
