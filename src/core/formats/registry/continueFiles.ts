// Continue: rules (`.continue/rules/*.md`: always, by `globs`, or pulled in by `description`), prompts
// (`.continue/prompts/*.prompt` / `*.md`: a header, then the text sent on invocation) and agents
// (`.continue/agents/*.md`: frontmatter `model`, `tools`; the body is the agent's system prompt).
import type { Problem } from '../../types';
import { parseContinuePrompt } from '../continuePrompt';
import { parseMarkdownFile, type MarkdownProfile, type MarkdownSettings } from '../markdownFile';
import { globList } from '../vscodeFiles';
import { nonEmptyString, type FieldReader } from '../values';
import { hasDirPair } from './pathFacts';
import type { FormatSpec } from './spec';

function ruleSettings(fields: FieldReader | undefined, problems: Problem[]): MarkdownSettings {
  const always = fields?.value(['alwaysApply']);
  const globs = globList(fields, ['globs']);
  const name = nonEmptyString(fields?.value(['name']));
  const named = name ? { name } : {};
  if (always === true) return { kind: 'always-on', bodyLabel: 'rule', ...named };
  if (globs) return { kind: 'always-on', bodyLabel: 'rule', appliesTo: globs, ...named };
  if (always === false) {
    problems.push({
      severity: 'info',
      message:
        'alwaysApply: false without globs — Continue adds this rule only when the agent asks for it by its description, so it is priced per use',
    });
    return { kind: 'call', bodyLabel: 'rule', loading: 'on-invocation', ...named };
  }
  return { kind: 'always-on', bodyLabel: 'rule', ...named };
}

const ruleProfile: MarkdownProfile = { nameFromFile: 'stem', lenientFrontmatter: true, settings: ruleSettings };

const agentProfile: MarkdownProfile = {
  nameFromFile: 'stem',
  lenientFrontmatter: true,
  settings(fields) {
    const model = fields?.string(['model']);
    const tools = fields?.names(['tools']);
    const name = nonEmptyString(fields?.value(['name']));
    return {
      kind: 'call',
      bodyLabel: 'agent prompt',
      ...(model && { model }),
      ...(tools && { tools }),
      ...(name && { name }),
    };
  },
};

export const continueRule: FormatSpec<'continue-rule'> = {
  id: 'continue-rule',
  label: 'Continue rule',
  globs: ['**/.continue/rules/**/*.md'],
  detect: (p) => p.name.endsWith('.md') && hasDirPair(p, '.continue', 'rules'),
  parse: (input) => parseMarkdownFile(input, ruleProfile, 'on-invocation'),
  frontmatter: { sent: false, edit: 'create' },
  loading: ['always-on', 'scoped', 'on-invocation'],
  doc: {
    files: '`.continue/rules/*.md`',
    units: 'the rule',
    reads: '`alwaysApply`, `globs` (scoped), `description` only = per use',
  },
};

export const continuePrompt: FormatSpec<'continue-prompt'> = {
  id: 'continue-prompt',
  label: 'Continue prompt',
  globs: ['**/.continue/prompts/**/*.{prompt,md}'],
  detect: (p) => (p.name.endsWith('.prompt') || p.name.endsWith('.md')) && hasDirPair(p, '.continue', 'prompts'),
  parse: parseContinuePrompt,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['on-invocation'],
  doc: {
    files: '`.continue/prompts/*.prompt`, `*.md`',
    units: 'one call when invoked',
    reads: 'the `name`/`description` header is not sent; the text after `---` is',
  },
};

export const continueAgent: FormatSpec<'continue-agent'> = {
  id: 'continue-agent',
  label: 'Continue agent',
  globs: ['**/.continue/agents/**/*.md'],
  detect: (p) => p.name.endsWith('.md') && hasDirPair(p, '.continue', 'agents'),
  parse: (input) => parseMarkdownFile(input, agentProfile, 'session'),
  frontmatter: { sent: false, edit: 'create' },
  loading: ['session'],
  doc: { files: '`.continue/agents/*.md`', units: 'the agent prompt', reads: '`model`, `tools`' },
};
