// Files re-sent with every request (CLAUDE.md, AGENTS.md, CLAUDE.local.md, `.claude/rules/*.md`) and plain prompt files.
import type { MarkdownProfile } from './markdownFile';
import { globList } from './vscodeFiles';

export const alwaysOnProfile: MarkdownProfile = {
  nameFromFile: 'basename',
  settings(fields) {
    // `.claude/rules/*.md` may scope themselves with `paths:`; CLAUDE.md and AGENTS.md apply everywhere.
    const paths = globList(fields, ['paths']);
    return { kind: 'always-on', bodyLabel: 'context file', ...(paths && { appliesTo: paths }) };
  },
};

export function plainPromptProfile(isText: boolean): MarkdownProfile {
  return {
    nameFromFile: 'stem',
    noFrontmatter: isText,
    settings: () => ({ kind: 'call', bodyLabel: 'prompt' }),
  };
}
