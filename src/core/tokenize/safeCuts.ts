// Where a text can be cut so that the token counts of the two sides add up to the count of the whole.
//
// tiktoken's split pattern is matched left to right with no look-behind, so a cut is safe when (1) a piece ends there
// in the whole text and (2) the text before the cut, on its own, splits into the same pieces. (2) can only fail
// through the one look-ahead in the pattern, `\s+(?!\S)`, which sees the end of the text where the whole text had a
// non-space. Two kinds of cut satisfy both for o200k_base and cl100k_base:
//
// Line cut — after a '\n', when the whitespace run that follows (possibly empty) holds no '\r' or '\n'.
//   The '\n' belongs either to `\s*[\r\n]+`, which ends at the last line break of its whitespace run (here: the cut),
//   or to a punctuation piece `[^\s\p{L}\p{N}]+[\r\n]*` (cl100k) / `...[\r\n/]*` (o200k), which ends at the cut unless
//   the next character is a line break or, for o200k, a '/'. Letter and digit pieces never contain '\n'. Before the
//   cut, every whitespace run that reaches the end contains the '\n', so `\s*[\r\n]+` takes it before `\s+(?!\S)`
//   is tried.
// Word cut — before a ' ' that follows a letter. Only letter pieces contain letters, and they end with a letter (or a
//   contraction such as "'s"), never with a space; nothing before the cut ends in whitespace.
//
// These rules are proven for the two patterns in PROVEN_PATTERNS; a test fails if js-tiktoken ever ships others.
import type { EncodingName } from './encodings';

export interface CutRules {
  /** o200k's punctuation pieces take '/' after line breaks (".\n/" is one piece): a line cut needs a non-'/' after it. */
  slashJoinsLineBreak: boolean;
}

export function cutRulesFor(name: EncodingName): CutRules {
  return { slashJoinsLineBreak: name !== 'cl100k_base' };
}

/** The split patterns the rules above were derived from. */
export const PROVEN_PATTERNS: Readonly<Record<'o200k_base' | 'cl100k_base', string>> = {
  o200k_base:
    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
  cl100k_base:
    "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
};

const LF = 0x0a;
const SPACE = 0x20;
const SLASH = 0x2f;

const LINE_BREAK_IN_RUN = /[^\S\r\n]*[\r\n]/y;
const LETTER = /^\p{L}$/u;

/** True when `pos` is a safe cut in `text` (the two ends always are). */
export function isSafeCut(text: string, pos: number, rules: CutRules): boolean {
  if (pos <= 0 || pos >= text.length) return pos === 0 || pos === text.length;
  if (text.charCodeAt(pos - 1) === LF) return isLineCut(text, pos, rules);
  return text.charCodeAt(pos) === SPACE && isLetterBefore(text, pos);
}

function isLineCut(text: string, pos: number, rules: CutRules): boolean {
  if (rules.slashJoinsLineBreak && text.charCodeAt(pos) === SLASH) return false;
  LINE_BREAK_IN_RUN.lastIndex = pos;
  return !LINE_BREAK_IN_RUN.test(text);
}

function isLetterBefore(text: string, pos: number): boolean {
  const unit = text.charCodeAt(pos - 1);
  if (unit < 0x80) return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a;
  const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff;
  const codePoint = isLowSurrogate && pos >= 2 ? text.codePointAt(pos - 2) : unit;
  return codePoint !== undefined && LETTER.test(String.fromCodePoint(codePoint));
}

// Cut choice. Any safe cuts give exact sums; these are chosen from the content around each candidate (a hash of the
// characters just before it), not from the distance to the previous cut, so that after an edit the cuts away from it
// stay where they were and memoised chunk counts keep matching.
const LINE_HASH_SPAN = 32;
// Lines longer than this (minified code, a paragraph on one line) are also cut between words.
const LONG_LINE = 4096;
const WORD_HASH_SPAN = 16;
const WORD_HASH_MASK = 31;
const MIN_WORD_CHUNK = 256;
const MAX_WORD_CHUNK = 2048;

/** How finely to chunk: a line cut becomes a chunk boundary when its hash has zeros under `lineHashMask`. */
export interface Granularity {
  lineHashMask: number;
  minChunk: number;
  /** Past this size, the next line cut is taken whatever its hash. */
  maxChunk: number;
}

/** For memoised counts of whole texts: about one line cut in 8, chunks of several hundred characters. */
export const MEMO_GRANULARITY: Granularity = { lineHashMask: 7, minChunk: 64, maxChunk: 4096 };
/** For an open document: about one line cut in 2, so that a keystroke re-splits only a few lines. */
export const EDITOR_GRANULARITY: Granularity = { lineHashMask: 1, minChunk: 32, maxChunk: 1024 };

/** Chunk boundaries inside `text` (excluding 0 and text.length), every one a safe cut. */
export function chunkCuts(text: string, rules: CutRules, granularity: Granularity = MEMO_GRANULARITY): number[] {
  const { lineHashMask, minChunk, maxChunk } = granularity;
  const cuts: number[] = [];
  let last = 0;
  let previousCandidate = 0;
  for (let lf = text.indexOf('\n'); lf !== -1 && lf + 1 < text.length; lf = text.indexOf('\n', lf + 1)) {
    const pos = lf + 1;
    if (!isLineCut(text, pos, rules)) continue;
    if (pos - previousCandidate > LONG_LINE) last = addWordCuts(text, previousCandidate, pos, last, cuts);
    const size = pos - last;
    if (size >= maxChunk || (size >= minChunk && (hashBefore(text, pos, LINE_HASH_SPAN) & lineHashMask) === 0)) {
      cuts.push(pos);
      last = pos;
    }
    previousCandidate = pos;
  }
  if (text.length - previousCandidate > LONG_LINE) addWordCuts(text, previousCandidate, text.length, last, cuts);
  return cuts;
}

function addWordCuts(text: string, from: number, to: number, last: number, cuts: number[]): number {
  for (let pos = text.indexOf(' ', from + 1); pos !== -1 && pos < to; pos = text.indexOf(' ', pos + 1)) {
    if (!isLetterBefore(text, pos)) continue;
    const size = pos - last;
    if (
      size >= MAX_WORD_CHUNK ||
      (size >= MIN_WORD_CHUNK && (hashBefore(text, pos, WORD_HASH_SPAN) & WORD_HASH_MASK) === 0)
    ) {
      cuts.push(pos);
      last = pos;
    }
  }
  return last;
}

/** FNV-1a over the UTF-16 units just before `pos`. */
function hashBefore(text: string, pos: number, span: number): number {
  let hash = 0x811c9dc5;
  for (let k = Math.max(0, pos - span); k < pos; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash >>> 6;
}
