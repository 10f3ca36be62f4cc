// YAML frontmatter between `---` lines at the top of a file. It configures the prompt and is never sent to the model.
import type { CostUnit, LineRange, Problem } from '../types';
import type { SourceLines } from './lines';
import type { FormatOutcome } from './parser';
import { readUsageHints } from './usageHints';
import { FieldReader, isDict } from './values';
import { readKeyLines } from './keyLines';
import { parseYaml, type YamlParse } from './yamlSource';

export type Frontmatter =
  | { kind: 'none' }
  | { kind: 'ok'; fields: FieldReader; range: LineRange; bodyStart: number }
  /** Unreadable: the caller counts the whole file as plain text and reports `problem`. */
  | { kind: 'bad'; problem: Problem };

export interface FrontmatterOptions {
  /**
   * Cursor rules and VS Code files often hold `globs: **\/*.py, src/**` unquoted, which is not YAML (`*` starts an
   * alias). Those tools read such lines as plain `key: value` text, so for them we retry that way before giving up.
   */
  lenientValues?: boolean;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;

export function readFrontmatter(
  lines: SourceLines,
  problems: Problem[],
  options: FrontmatterOptions = {},
): Frontmatter {
  if (!OPENING.test(lines.line(0) ?? '')) return { kind: 'none' };
  let close = -1;
  for (let i = 1; i < lines.lineCount; i++) {
    if (CLOSING.test(lines.line(i)!)) {
      close = i;
      break;
    }
  }
  if (close < 0) return bad(0, 'the opening --- has no closing ---');

  const yamlText = lines.slice(1, close - 1);
  let parsed: YamlParse = parseYaml(yamlText, lines, 1);
  if (!parsed.ok && options.lenientValues) {
    const retry = parseYaml(quotePlainValues(yamlText.split('\n')).join('\n'), lines, 1);
    if (retry.ok) {
      problems.push({
        severity: 'info',
        message: `frontmatter is not strict YAML (line ${parsed.error.line + 1}): read as one "key: value" per line, as the editor does`,
        line: parsed.error.line,
      });
      parsed = retry;
    }
  }
  if (!parsed.ok) {
    // Tools read keys line by line (an unquoted `: ` inside a description is common and accepted there): fall back
    // to that, so model, tools and turns are still read and only the body is counted.
    const keyed = readKeyLines(lines, 1, close);
    if (!keyed) return bad(parsed.error.line, parsed.error.message);
    problems.push({
      severity: 'warning',
      message: `frontmatter is not valid YAML at line ${parsed.error.line + 1} (${parsed.error.message}): read one "key: value" per line instead`,
      line: parsed.error.line,
    });
    const fields = new FieldReader(keyed.value, keyed.positions, problems);
    return { kind: 'ok', fields, range: { startLine: 0, endLine: close }, bodyStart: close + 1 };
  }
  const value = parsed.value.value;
  if (value !== null && value !== undefined && !isDict(value)) return bad(1, 'it is not a set of "key: value" fields');
  const fields = new FieldReader(parsed.value.value, parsed.value, problems);
  return { kind: 'ok', fields, range: { startLine: 0, endLine: close }, bodyStart: close + 1 };
}

/** A file of frontmatter and one unit: the frontmatter's `burnrate:` usage hints and its range go with the unit. */
export function frontmatterFileOutcome(frontmatter: Frontmatter, unit: CostUnit, problems: Problem[]): FormatOutcome {
  const usageHints = frontmatter.kind === 'ok' ? readUsageHints(frontmatter.fields) : undefined;
  return {
    ok: true,
    units: [unit],
    problems,
    ...(usageHints ? { usageHints } : {}),
    ...(frontmatter.kind === 'ok' ? { frontmatter: frontmatter.range } : {}),
  };
}

function bad(line: number, reason: string): Frontmatter {
  return {
    kind: 'bad',
    problem: {
      severity: 'warning',
      message: `frontmatter unreadable at line ${line + 1} — counted as plain text (${reason})`,
      line,
    },
  };
}

// One line in, one line out, so positions stay right.
function quotePlainValues(yamlLines: readonly string[]): string[] {
  return yamlLines.map((line) => {
    const match = /^([A-Za-z_][\w.-]*):[ \t]+(.*\S)[ \t]*$/.exec(line);
    if (!match || /^["'[{|>#]/.test(match[2]!) || /^(true|false|null|~|-?\d+(\.\d+)?)$/i.test(match[2]!)) return line;
    return `${match[1]}: ${JSON.stringify(match[2])}`;
  });
}
