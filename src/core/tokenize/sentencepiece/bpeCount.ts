// Counts the tokens byte-fallback BPE gives one word: start from the word's characters, merge the adjacent pair of
// lowest rank (the leftmost of equals) until no pair has a merge, then count what is left, a character the vocabulary
// lacks counting as its UTF-8 bytes (one <0xXX> piece each). This is the reference's algorithm (a priority queue over
// a linked list, as in transformers.js), so the work is O(n log n) in the word's length whatever the text.
import type { MergeTable } from './mergeTable';

export interface BpeVocabulary {
  /** Piece id of a single character (by code point), when the vocabulary has it. */
  charIds: ReadonlyMap<number, number>;
  merges: MergeTable;
}

// Scratch buffers reused across words, grown to the longest word seen.
let sym = new Int32Array(256);
let next = new Int32Array(256);
let prev = new Int32Array(256);
let heap = new Float64Array(256);

function ensureCapacity(n: number): void {
  if (sym.length >= n) return;
  let size = sym.length;
  while (size < n) size *= 2;
  sym = new Int32Array(size);
  next = new Int32Array(size);
  prev = new Int32Array(size);
  heap = new Float64Array(size);
}

/** Token count of `word` (already normalised). */
export function countBpeWord(word: string, vocabulary: BpeVocabulary): number {
  ensureCapacity(word.length + 1);
  const { charIds, merges } = vocabulary;
  // Symbols: a piece id, or -(UTF-8 byte count) for a character the vocabulary lacks (no merge can involve it).
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    let code = word.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < word.length) {
      const low = word.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const id = charIds.get(code);
    sym[n] = id ?? -utf8Length(code);
    prev[n] = n - 1;
    next[n] = n + 1;
    n++;
  }
  if (n === 0) return 0;
  next[n - 1] = -1;

  // Heap of candidate merges keyed rank × n + left position: lowest rank first, then leftmost.
  let size = 0;
  const push = (key: number): void => {
    let at = size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent]! <= key) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = key;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= last) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = last;
    return top;
  };
  const consider = (left: number): void => {
    const right = next[left]!;
    if (right < 0) return;
    const a = sym[left]!;
    const b = sym[right]!;
    if (a < 0 || b < 0) return;
    const rank = merges.rank(a, b);
    if (rank >= 0) push(rank * n + left);
  };

  for (let i = 0; i + 1 < n; i++) consider(i);
  let count = n;
  while (size > 0) {
    const key = pop();
    const left = key % n;
    const rank = (key - left) / n;
    const right = next[left]!;
    // A stale entry: its left symbol was merged away or changed since it was queued.
    if (right < 0 || sym[left]! < 0 || sym[right]! < 0 || merges.rank(sym[left]!, sym[right]!) !== rank) continue;
    sym[left] = merges.results[rank]!;
    sym[right] = -1 - 0x7fffffff; // dead: never a left or right of a merge again
    const after = next[right]!;
    next[left] = after;
    if (after >= 0) prev[after] = left;
    count--;
    if (prev[left]! >= 0) consider(prev[left]!);
    consider(left);
  }
  // Byte fallback: every remaining unknown character is its bytes.
  for (let i = 0; i >= 0; i = next[i]!) if (sym[i]! < 0) count += -sym[i]! - 1;
  return count;
}

function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3; // a lone surrogate too: TextEncoder writes U+FFFD
  return 4;
}
