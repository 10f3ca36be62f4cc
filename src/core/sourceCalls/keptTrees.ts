// The last syntax tree of the few source files parsed most recently, so that the next text of the same file (a
// keystroke in the editor, the other side of a diff) is parsed incrementally: tree-sitter re-reads only the edited
// stretch. The edit is the span between the texts' common prefix and suffix, in UTF-16 code units and rows/columns
// as web-tree-sitter counts them. Trees live in the WASM heap: an evicted one is deleted.
import type { Edit, Parser, Point, Tree } from '@vscode/tree-sitter-wasm';

// At least 1: the tree just parsed is the newest entry and must not be the one evicted.
const KEPT = 4;
const kept = new Map<string, { text: string; tree: Tree }>();

/** Parses `text` as the new version of `key`'s file, reusing its previous tree. The tree stays owned by this module. */
export function parseKept(parser: Parser, key: string, text: string): Tree | null {
  const previous = kept.get(key);
  let old: Tree | undefined;
  if (previous) {
    kept.delete(key);
    if (previous.text === text) {
      kept.set(key, previous);
      return previous.tree;
    }
    previous.tree.edit(textEdit(previous.text, text));
    old = previous.tree;
  }
  const tree = parser.parse(text, old ?? null);
  old?.delete();
  if (!tree) return null;
  kept.set(key, { text, tree });
  while (kept.size > KEPT) {
    const [oldest, entry] = kept.entries().next().value as [string, { tree: Tree }];
    kept.delete(oldest);
    entry.tree.delete();
  }
  return tree;
}

/** The one edit that turns `before` into `after`: what lies between their common prefix and common suffix. */
export function textEdit(before: string, after: string): Edit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < shorter - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  const startPosition = pointAt(before, start);
  return {
    startIndex: start,
    oldEndIndex: before.length - tail,
    newEndIndex: after.length - tail,
    startPosition,
    oldEndPosition: pointAfter(before, start, before.length - tail, startPosition),
    newEndPosition: pointAfter(after, start, after.length - tail, startPosition),
  };
}

function pointAt(text: string, index: number): Point {
  return pointAfter(text, 0, index, { row: 0, column: 0 });
}

/** The point of `to` in `text`, counting on from `from`, which is at `at`. */
function pointAfter(text: string, from: number, to: number, at: Point): Point {
  let row = at.row;
  let lineStart = from - at.column;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: to - lineStart };
}
