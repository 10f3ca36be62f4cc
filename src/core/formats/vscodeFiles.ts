// VS Code Copilot files: prompt files (`*.prompt.md`), custom agents (`*.agent.md`, formerly `*.chatmode.md`) and
// instructions (`*.instructions.md`, `.github/copilot-instructions.md`).
import type { Declared } from '../types';
import type { MarkdownProfile } from './markdownFile';
import { baseName } from './paths';
import { nonEmptyString, type FieldReader } from './values';

/** `model:` is a display name ("Claude Sonnet 4") or, in agents, a fallback list whose first entry is tried first. */
function vscodeModel(fields: FieldReader | undefined): Declared<string | string[]> | undefined {
  const raw = fields?.value(['model']);
  if (!fields || raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw)) {
    const names = raw.map(nonEmptyString).filter((n): n is string => n !== undefined);
    return names.length > 0 ? fields.declared(names, ['model']) : undefined;
  }
  const single = fields.string(['model']);
  // `model: GPT-4.1 | 'gpt-5'` is written as alternatives: try them in order, like a list.
  if (single && single.value.includes('|')) {
    const names = single.value
      .split('|')
      .map((n) =>
        n
          .trim()
          .replace(/^(['"])(.*)\1$/, '$2')
          .trim(),
      )
      .filter((n) => n !== '');
    if (names.length > 1) return { ...single, value: names };
  }
  return single;
}

function frontmatterName(fields: FieldReader | undefined): string | undefined {
  return nonEmptyString(fields?.value(['name']));
}

// `agent:` / `mode:` in a prompt file name the chat mode the prompt runs in ("agent", "ask", a custom agent), not a
// model, so they are deliberately not read here.
export const vscodePromptProfile = callProfile('prompt body');
export const vscodeAgentProfile = callProfile('agent instructions');

/** Prompt files and custom agents: one call, with the model, tools and name their frontmatter gives. */
function callProfile(bodyLabel: string): MarkdownProfile {
  return {
    nameFromFile: 'stem',
    lenientFrontmatter: true,
    settings(fields) {
      const tools = fields?.names(['tools']);
      const model = vscodeModel(fields);
      const name = frontmatterName(fields);
      return { kind: 'call', bodyLabel, ...(model && { model }), ...(tools && { tools }), ...(name && { name }) };
    },
  };
}

// `applyTo: **/*.ts` is often written unquoted; VS Code's own header parser accepts it, so we do too.
export const vscodeInstructionsProfile: MarkdownProfile = {
  nameFromFile: 'stem',
  lenientFrontmatter: true,
  settings(fields, problems, path) {
    if (baseName(path).toLowerCase().endsWith('copilot-instructions.md')) {
      return { kind: 'always-on', bodyLabel: 'instructions', name: baseName(path) };
    }
    const applyTo = globList(fields, ['applyTo']);
    if (applyTo) return { kind: 'always-on', bodyLabel: 'instructions', appliesTo: applyTo };
    problems.push({
      severity: 'info',
      message:
        'no applyTo: VS Code adds these instructions only when they are attached to a request, so they are priced per use, not as always-on',
    });
    return { kind: 'call', bodyLabel: 'instructions' };
  },
};

/** A glob field written as one string (`"**\/*.ts, **\/*.tsx"`) or a list, as one display string. */
export function globList(fields: FieldReader | undefined, path: readonly string[]): string | undefined {
  const names = fields?.names(path);
  return names && names.length > 0 ? names.join(', ') : undefined;
}
