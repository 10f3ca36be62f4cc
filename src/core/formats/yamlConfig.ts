// Shared start of the whole-file YAML formats (CrewAI, promptfoo): parse, or fall back to plain text with the line.
import type { Problem } from '../types';
import { err, ok, type Result } from '../result';
import type { FormatInput, FormatOutcome } from './parser';
import { stemName } from './paths';
import { wholeFileUnit } from './plainText';
import { FieldReader } from './values';
import { parseYaml } from './yamlSource';

/** The file's fields, or (when it is not YAML) the outcome to return instead: the file as plain text. */
export type YamlConfig = Result<FieldReader, FormatOutcome>;

export function readYamlConfig(input: FormatInput, what: string, problems: Problem[]): YamlConfig {
  const parsed = parseYaml(input.lines.text, input.lines, 0);
  if (parsed.ok) return ok(new FieldReader(parsed.value.value, parsed.value, problems));
  problems.push({
    severity: 'warning',
    message: `${what} unreadable at line ${parsed.error.line + 1} — counted as plain text (${parsed.error.message})`,
    line: parsed.error.line,
  });
  const unit = wholeFileUnit(input.lines, { name: stemName(input.path), kind: 'call', markdown: false });
  return err({ ok: true, units: [unit], problems });
}
