// Cursor rules: `.cursor/rules/*.mdc` (frontmatter: description, globs, alwaysApply) and the legacy `.cursorrules`.
import type { MarkdownProfile } from './markdownFile';
import { baseName } from './paths';
import { globList } from './vscodeFiles';

export const cursorRuleProfile: MarkdownProfile = {
  nameFromFile: 'stem',
  lenientFrontmatter: true,
  settings(fields, problems, path) {
    if (baseName(path).toLowerCase() === '.cursorrules')
      return { kind: 'always-on', bodyLabel: 'rules', name: '.cursorrules' };
    const always = fields?.value(['alwaysApply']);
    if (always === true || (typeof always === 'string' && always.trim().toLowerCase() === 'true')) {
      return { kind: 'always-on', bodyLabel: 'rule' };
    }
    const globs = globList(fields, ['globs']);
    if (globs) return { kind: 'always-on', bodyLabel: 'rule', appliesTo: globs };
    // "Agent requested" (or manual) rules: the model sees only the description and pulls the rule in when it
    // judges it relevant, so each inclusion is a one-off cost rather than a per-request one.
    problems.push({
      severity: 'info',
      message:
        'neither alwaysApply nor globs: Cursor includes this rule only when the agent asks for it (or you @-mention it), so it is priced per use',
    });
    return { kind: 'call', bodyLabel: 'rule' };
  },
};
