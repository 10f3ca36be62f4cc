// Shared start of the whole-file YAML formats (CrewAI, promptfoo): parse, or fall back to plain text with the line.
import type { Problem } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { stemName } from './paths';
import { wholeFileUnit } from './plainText';
import { FieldReader } from './values';
import { parseYaml } from './yamlSource';

export type YamlConfig = { ok: true; fields: FieldReader } | { ok: false; outcome: FormatOutcome };

export function readYamlConfig(input: FormatInput, what: string, problems: Problem[]): YamlConfig {
  const parsed = parseYaml(input.lines.text, input.lines, 0);
  if (parsed.ok) return { ok: true, fields: new FieldReader(parsed.source.value, parsed.source, problems) };
  problems.push({
    severity: 'warning',
    message: `${what} unreadable at line ${parsed.line + 1} — counted as plain text (${parsed.message})`,
    line: parsed.line,
  });
  const unit = wholeFileUnit(input.lines, { name: stemName(input.path), kind: 'call', markdown: false });
  return { ok: false, outcome: { ok: true, units: [unit], problems } };
}
