// Writing a file's own usage assumptions (`burnrate: { model, callsPerDay, outputTokens }` in its frontmatter) as one
// small text edit that leaves every other line as the user wrote it. Files whose format has no frontmatter, or whose
// tools would send a new frontmatter block to the model, are not edited: the caller keeps the choice elsewhere.
import { err, ok, type Result } from '../result';
import { parse } from 'yaml';
import { formatSpec, type FrontmatterEdit } from '../formats/registry';
import type { FormatId } from '../types';

export type UsageHintKey = 'model' | 'callsPerDay' | 'outputTokens';

/** Zero-based positions, as editors use them. */
export interface TextEdit {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  text: string;
}

/** The edit that writes the hint, or why the file is not edited. */
export type UsageHintEdit = Result<TextEdit>;

/** Whether a file of this format may get a `burnrate:` frontmatter block: the format's registry entry decides. */
export function frontmatterPolicy(format: FormatId, path: string): FrontmatterEdit {
  const edit = formatSpec(format).frontmatter.edit;
  return typeof edit === 'function' ? edit(path) : edit;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;
const BURNRATE = /^burnrate[ \t]*:(.*)$/;

export function setUsageHint(
  text: string,
  key: UsageHintKey,
  value: string | number,
  format: FormatId,
  path: string,
): UsageHintEdit {
  const policy = frontmatterPolicy(format, path);
  if (policy === 'never') return err('this kind of file has no frontmatter');
  if (policy === 'flagged') return err("VS Code's prompt-file validation warns about header keys it does not know");
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const entry = `${key}: ${yamlScalar(value)}`;

  if (!OPENING.test(lines[0] ?? '')) {
    if (policy === 'existing') return err('the file has no frontmatter and its tool would send a new one to the model');
    return ok(insertAt(0, `---${eol}burnrate:${eol}  ${entry}${eol}---${eol}`));
  }
  const close = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (close < 0) return err('the frontmatter has no closing ---');

  const blockLine = lines.findIndex((line, i) => i > 0 && i < close && BURNRATE.test(line));
  if (blockLine < 0) return ok(insertAt(close, `burnrate:${eol}  ${entry}${eol}`));

  const rest = BURNRATE.exec(lines[blockLine]!)![1]!
    .replace(/(^|\s)#.*$/, '')
    .trim();
  if (rest === '') return ok(editBlock(lines, blockLine, close, key, entry, eol));
  if (rest.startsWith('{')) return editFlowMap(lines[blockLine]!, blockLine, rest, key, value);
  return ok(replaceLine(lines, blockLine, `burnrate:${eol}  ${entry}`));
}

function editBlock(
  lines: readonly string[],
  blockLine: number,
  close: number,
  key: string,
  entry: string,
  eol: string,
): TextEdit {
  let last = blockLine;
  let indent: string | undefined;
  for (let i = blockLine + 1; i < close; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead === '') break;
    indent ??= lead;
    if (lead === indent && new RegExp(`^${key}[ \\t]*:`).test(line.slice(lead.length)))
      return replaceLine(lines, i, `${indent}${entry}`);
    last = i;
  }
  return insertAt(last + 1, `${indent ?? '  '}${entry}${eol}`);
}

function editFlowMap(
  line: string,
  blockLine: number,
  flow: string,
  key: string,
  value: string | number,
): UsageHintEdit {
  let map: unknown;
  try {
    map = parse(flow);
  } catch {
    return err(`the burnrate: block on line ${blockLine + 1} is not readable YAML`);
  }
  if (typeof map !== 'object' || map === null || Array.isArray(map))
    return err(`burnrate: on line ${blockLine + 1} is not a mapping`);
  const entries = { ...(map as Record<string, unknown>), [key]: value };
  const rendered: string[] = [];
  for (const [k, v] of Object.entries(entries)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      return err(`burnrate.${k} on line ${blockLine + 1} holds a nested value; edit it by hand`);
    }
    rendered.push(`${k}: ${yamlScalar(v)}`);
  }
  const text = `burnrate: { ${rendered.join(', ')} }`;
  return ok({ startLine: blockLine, startCharacter: 0, endLine: blockLine, endCharacter: line.length, text });
}

/** A value as YAML: plain when it reads back as the same string, quoted otherwise. */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain =
    /^[A-Za-z_][\w.\-/@+]*(?::[\w.\-/@+]+)*$/.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function insertAt(line: number, text: string): TextEdit {
  return { startLine: line, startCharacter: 0, endLine: line, endCharacter: 0, text };
}

function replaceLine(lines: readonly string[], line: number, text: string): TextEdit {
  return { startLine: line, startCharacter: 0, endLine: line, endCharacter: lines[line]!.length, text };
}
