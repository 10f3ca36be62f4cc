// Text from a repository (model names, paths, titles, notes, messages) put into markdown: a hover, a tooltip, a
// breakdown preview, a PR comment, a simulation report. Every such value goes through here, so that none can close a
// fence, start a link or an image (a network request when the hover renders), a `command:` link, HTML or a table cell.
import { visibleControls } from './visibleControls';

// Punctuation that can open markup anywhere in a line; `(` and `!` only matter next to a `[`, which is escaped.
const INLINE = /[\\`*_[\]<>|~&]/g;
// Markup that only counts at the start of a line: headings, lists, quotes, setext underlines, ordered lists.
const LINE_START = /^(\s*)([#+\-=>]|\d+[.)])/;

/** A value as inline markdown text: shown as written, on one line, never markup. */
export function markdownText(value: string): string {
  return visibleControls(value.replace(/\r\n?|\n/g, ' '))
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_, space: string, mark: string) => `${space}\\${mark}`)
    .replace(/:\/\//g, ':\\/\\/') // no bare autolink (https://…, command://…)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\\.`);
}

/**
 * A value as an inline code span: a fence one backtick longer than any run inside, so it cannot be closed early. In a
 * table cell a pipe would still end the cell (GFM reads `\|` inside code there as a pipe).
 */
export function markdownCode(value: string, options: { inTable?: boolean } = {}): string {
  let text = visibleControls(value.replace(/\r\n?|\n/g, ' '));
  if (options.inTable) text = text.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A block shown as code (a YAML snippet naming a model from the file): its fence is longer than any backtick run in it. */
export function markdownCodeBlock(value: string): string {
  const text = visibleControls(value);
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}
