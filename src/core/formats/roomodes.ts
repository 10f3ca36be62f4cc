// `.roomodes` (YAML or JSON): custom Roo Code modes. A mode's roleDefinition and customInstructions are part of the
// system prompt of every request made in that mode; whenToUse is offered to the model when it picks a mode.
import type { CostUnit, Problem, PromptPart } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { isDict, nonEmptyString } from './values';
import { readYamlConfig } from './yamlConfig';

const TEXT_FIELDS = ['roleDefinition', 'customInstructions'] as const;

export function parseRooModes(input: FormatInput): FormatOutcome {
  const problems: Problem[] = [];
  const config = readYamlConfig(input, '.roomodes', problems);
  if (!config.ok) return config.error;
  const fields = config.value;
  const modes = fields.value(['customModes']);
  if (!Array.isArray(modes)) return { ok: false, reason: 'no customModes list: not a Roo Code modes file' };
  const units: CostUnit[] = [];
  modes.forEach((mode, i) => {
    if (!isDict(mode)) {
      fields.warn(['customModes', i], `mode ${i + 1} is not a map of settings: skipped`);
      return;
    }
    const slug = nonEmptyString(mode['slug']) ?? `mode ${i + 1}`;
    const parts: PromptPart[] = [];
    for (const key of TEXT_FIELDS) {
      const text = nonEmptyString(mode[key]);
      const range = fields.positions.rangeAt(['customModes', i, key]);
      if (text) parts.push({ role: 'system', label: key, text, ...(range && { range }) });
    }
    units.push({
      name: slug,
      kind: 'always-on',
      loading: 'scoped',
      appliesTo: `requests in Roo's ${slug} mode`,
      range: fields.positions.rangeAt(['customModes', i]) ?? { startLine: 0, endLine: 0 },
      parts,
      messageCount: 1,
      sections: [],
    });
  });
  return { ok: true, units, problems };
}
