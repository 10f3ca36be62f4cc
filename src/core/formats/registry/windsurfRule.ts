// Windsurf (Devin Desktop) rules: `.windsurfrules` and `.windsurf/rules/*.md` (`.devin/rules/*.md` since the rename),
// activated by `trigger:` — always_on (every request), glob (requests on matching files), model_decision (the
// description is offered to the model, which pulls the rule in), manual (@-mentioned).
import type { Problem } from '../../types';
import { parseMarkdownFile, type MarkdownProfile, type MarkdownSettings } from '../markdownFile';
import { globList } from '../vscodeFiles';
import { nonEmptyString, type FieldReader } from '../values';
import { hasDirPair } from './pathFacts';
import type { FormatSpec } from './spec';

function windsurfSettings(fields: FieldReader | undefined, problems: Problem[], path: string): MarkdownSettings {
  if (/(^|\/)\.windsurfrules$/i.test(path)) return { kind: 'always-on', bodyLabel: 'rules', name: '.windsurfrules' };
  const trigger = nonEmptyString(fields?.value(['trigger']))?.toLowerCase();
  const globs = globList(fields, ['globs']);
  if (trigger === 'glob' || (trigger === undefined && globs)) {
    return { kind: 'always-on', bodyLabel: 'rule', ...(globs && { appliesTo: globs }) };
  }
  if (trigger === 'model_decision' || trigger === 'manual') {
    problems.push({
      severity: 'info',
      message: `trigger: ${trigger} — Windsurf adds this rule only when ${trigger === 'manual' ? 'you @-mention it' : 'the model asks for it by its description'}, so it is priced per use`,
    });
    return { kind: 'call', bodyLabel: 'rule', loading: 'on-invocation' };
  }
  if (trigger !== undefined && trigger !== 'always_on') {
    problems.push({
      severity: 'warning',
      message: `trigger: ${trigger} is not one of always_on, glob, model_decision, manual: priced as always on`,
    });
  }
  return { kind: 'always-on', bodyLabel: 'rule' };
}

const windsurfProfile: MarkdownProfile = {
  nameFromFile: 'basename',
  lenientFrontmatter: true,
  settings: windsurfSettings,
};

export const windsurfRule: FormatSpec<'windsurf-rule'> = {
  id: 'windsurf-rule',
  label: 'Windsurf rule',
  globs: ['**/.windsurfrules', '**/.windsurf/rules/**/*.md', '**/.devin/rules/**/*.md'],
  detect: (p) =>
    p.name === '.windsurfrules' ||
    (p.name.endsWith('.md') && (hasDirPair(p, '.windsurf', 'rules') || hasDirPair(p, '.devin', 'rules'))),
  parse: (input) => parseMarkdownFile(input, windsurfProfile, 'on-invocation'),
  frontmatter: { sent: false, edit: 'existing' },
  loading: ['always-on', 'scoped', 'on-invocation'],
  doc: {
    files: '`.windsurfrules`, `.windsurf/rules/*.md`, `.devin/rules/*.md`',
    units: 'the rule',
    reads: '`trigger`: always_on (every request), glob (`globs`, scoped), model_decision / manual (per use)',
  },
};
