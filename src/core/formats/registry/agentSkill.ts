// Agent Skills: `SKILL.md` in a skills folder (`.claude/skills/`, `.github/skills/`, `.agents/skills/`,
// `.gemini/skills/`, `.cursor/skills/`, `.continue/skills/`, a plugin's `skills/`, or any `skills/`).
import { parseSkill } from '../skill';
import { frontmatterHasKeys } from './sniff';
import type { FormatSpec } from './spec';

export const agentSkill: FormatSpec<'agent-skill'> = {
  id: 'agent-skill',
  label: 'Agent Skill',
  globs: ['**/skill.md'],
  activation: ['**/SKILL.md', '**/skill.md'],
  detect: (p) =>
    p.name === 'skill.md' && p.dirs.some((d) => d === 'skills' || d.endsWith('-skills') || d.endsWith('_skills')),
  loose: (p) => (p.name === 'skill.md' ? 'check' : undefined),
  confirms: (text) =>
    frontmatterHasKeys(text, ['name', 'description'], 'all')
      ? undefined
      : 'a SKILL.md outside a skills folder without name and description: not read as a skill',
  parse: parseSkill,
  // The Agent Skills spec validates frontmatter keys strictly: a `burnrate:` block could make a skill invalid.
  frontmatter: { sent: false, edit: 'never' },
  loading: ['always-on', 'on-invocation'],
  doc: {
    files:
      '`SKILL.md` in `.claude/skills/`, `.github/skills/`, `.agents/skills/`, `.gemini/skills/`, `skills/` and plugin folders',
    units: 'the listing (name + description, every request) and the body (when invoked)',
    reads: '`name`, `description`, `when_to_use`, `model`, `allowed-tools`, `disable-model-invocation` (no listing)',
  },
};
