// What kind of text a prompt is, by share of characters: code (inside fenced blocks, or a whole text that is JSON),
// markup (markdown structure lines: headings, list items, tables, quotes, HTML tags, front-matter-like `key: value`)
// and prose (the rest). Estimating tokenizers inflate these differently (families.ts), so an estimate blends its
// per-kind factors by these shares. One pass over the lines: bounded by the text's length.

export type ContentKind = 'prose' | 'code' | 'markup';

export type ContentMix = Readonly<Record<ContentKind, number>>;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MARKUP_LINE = /^\s{0,3}(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||<\/?[A-Za-z][\w-]*[\s>/]|[\w.-]{1,40}:(\s|$))/;

export function contentMix(text: string): ContentMix {
  if (text.length === 0) return { prose: 1, code: 0, markup: 0 };
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return { prose: 0, code: 1, markup: 0 };
  let code = 0;
  let markup = 0;
  let fence: string | undefined;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const weight = end - start + 1;
    const opener = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      code += weight;
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
    } else if (opener !== undefined) {
      code += weight;
      fence = opener;
    } else if (MARKUP_LINE.test(line)) {
      markup += weight;
    }
    start = end + 1;
  }
  const total = text.length + 1;
  code = Math.min(code / total, 1);
  markup = Math.min(markup / total, 1 - code);
  return { prose: 1 - code - markup, code, markup };
}
