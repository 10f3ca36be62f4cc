// The line-by-line reading of a frontmatter block that strict YAML rejects: top-level `key: value` lines, and
// `- item` lists under a key with no value. Other lines (continuations of a long description) belong to the key above
// them. Nested maps and unclosed brackets give up (the file then counts as plain text). Bounded by the block's lines.
import type { LineRange } from '../types';
import type { SourceLines } from './lines';
import type { Dict, Positions } from './values';
import type { YamlPath } from './yamlSource';

const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const ITEM_LINE = /^[ \t]+-[ \t]+(.*?)[ \t]*$/;

export function readKeyLines(
  lines: SourceLines,
  first: number,
  end: number,
): { value: Dict; positions: Positions } | undefined {
  const value: Dict = {};
  const at = new Map<string, LineRange>();
  let current: string | undefined;
  for (let line = first; line < end; line++) {
    const text = lines.line(line)!;
    const key = KEY_LINE.exec(text);
    if (key) {
      // An unclosed `[`, `{` or quote is broken structure, not a loosely written value: leave it to the YAML error.
      if (key[2] !== undefined && unclosed(key[2])) return undefined;
      current = key[1]!;
      value[current] = key[2] === undefined || key[2] === '' ? null : scalar(key[2]);
      at.set(current, { startLine: line, endLine: line });
      continue;
    }
    if (current === undefined || text.trim() === '') continue;
    const item = ITEM_LINE.exec(text);
    const previous = value[current];
    // A nested map (`model:` then `  id: x`) is structure this reader cannot follow: leave the file to the YAML error.
    if (previous === null && !item && /^[ \t]+[\w.-]+[ \t]*:/.test(text)) return undefined;
    if (item && (previous === null || Array.isArray(previous)))
      value[current] = [...(Array.isArray(previous) ? previous : []), scalar(item[1]!)];
    else if (typeof previous === 'string') value[current] = `${previous}\n${text.trim()}`;
    at.get(current)!.endLine = line;
  }
  if (at.size === 0) return undefined;
  const positions: Positions = {
    lineAt: (path: YamlPath) => (path.length === 1 ? at.get(String(path[0]))?.startLine : undefined),
    rangeAt: (path: YamlPath) => (path.length === 1 ? at.get(String(path[0])) : undefined),
  };
  return { value, positions };
}

function unclosed(value: string): boolean {
  const text = value.replace(/[ \t]+#.*$/, '');
  const pairs: Record<string, string> = { '[': ']', '{': '}', '"': '"', "'": "'" };
  const close = pairs[text[0] ?? ''];
  return close !== undefined && (text.length < 2 || !text.endsWith(close));
}

/** Numbers, booleans, quoted strings and `[a, b]` flow lists as YAML would read them; the rest as text. */
function scalar(raw: string): unknown {
  const text = raw.replace(/[ \t]+#.*$/, '');
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(text);
  if (quoted) return quoted[1] ?? quoted[2];
  const flow = /^\[(.*)\]$/.exec(text);
  if (flow)
    return flow[1]!
      .split(',')
      .map((s) => s.trim().replace(/^["']|["']$/g, ''))
      .filter((s) => s !== '');
  return text;
}
