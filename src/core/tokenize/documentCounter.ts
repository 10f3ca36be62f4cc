// The editor's counter for one open document: it follows every edit (VS Code's content changes) with an incremental,
// exact per-encoding count, so recounting the prompt body and each of its sections after a keystroke costs a few
// prefix-sum look-ups instead of re-encoding a megabyte. What an edit cannot change is kept across it: the line starts
// (shifted) and the count of every counted range wholly before or after the edit (shifted), so a re-estimate after a
// keystroke encodes only around the edit.
import type { LineRange } from '../types';
import { countTokens, scaleCount, type TokenCount } from './count';
import type { EncodingName } from './encodings';
import type { TokenizerProfile } from './families';
import { DocumentTokenCounter, type TextChange } from './incremental';
import type { TextCounter } from './textCounter';

// Spread into one splice call, so kept well under the engine's argument limit.
const MAX_SPLICED_LINES = 4096;
// A counted range's key is one number, start × SPAN_BASE + end: a Map of numbers is looked up and rebuilt after an edit
// several times faster than one of `start:end` strings (a 1 MB prompt has a thousand sections). Texts this long or
// longer (a UTF-16 length past 128 Mi units) are not kept: every range of theirs is counted when asked.
const SPAN_BASE = 2 ** 27;

export class DocumentCounter implements TextCounter {
  private text: string;
  private lineStarts: number[] | undefined;
  private readonly byEncoding = new Map<EncodingName, DocumentTokenCounter>();
  /** Counts of ranges asked for before, per encoding, by their offsets in the current text (see SPAN_BASE). */
  private ranges = new Map<EncodingName, Map<number, number>>();
  /** Texts answered from the document's counts / counted on their own (for tests and logs). */
  readonly stats = { fromDocument: 0, counted: 0 };

  constructor(text: string) {
    this.text = text;
  }

  /** Follow one change event; `text` is the document's text after it. */
  applyChanges(changes: readonly TextChange[], text: string): void {
    for (const [encoding, counter] of this.byEncoding) {
      counter.applyChanges(changes);
      if (counter.length !== text.length) this.byEncoding.delete(encoding); // out of step: rebuilt on next use
    }
    for (const change of changes) {
      if (this.lineStarts && !shiftLineStarts(this.lineStarts, change)) this.lineStarts = undefined;
      for (const [encoding, counts] of this.ranges) this.ranges.set(encoding, shiftedRanges(counts, change));
    }
    this.text = text;
    // Out of step (an edit the text does not agree with): computed again from the text.
    if (this.lineStarts && this.lineStarts[this.lineStarts.length - 1]! > text.length) this.lineStarts = undefined;
  }

  /**
   * Take the document's current text before an estimate. A text other than the one the edits led to means an edit was
   * missed: the per-encoding counts start over rather than answer from stale chunks.
   */
  setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.lineStarts = undefined;
    this.byEncoding.clear();
    this.ranges.clear();
  }

  count(text: string, profile: TokenizerProfile, range?: LineRange): TokenCount {
    const span = range && this.spanOf(range);
    // Only a part that is the document's own lines, byte for byte, can be answered from the document's chunks
    // (parsers may normalise line ends or rebuild text: those are counted on their own).
    // Offline tokenizers other than OpenAI's memoise by line themselves: they recount only the edited line anyway.
    if (
      profile.tokenizer ||
      !span ||
      span.end - span.start !== text.length ||
      this.text.slice(span.start, span.end) !== text
    ) {
      this.stats.counted++;
      return countTokens(text, profile);
    }
    this.stats.fromDocument++;
    let counter = this.byEncoding.get(profile.encoding);
    if (!counter || counter.length !== this.text.length) {
      counter = new DocumentTokenCounter(profile.encoding, this.text);
      this.byEncoding.set(profile.encoding, counter);
      this.ranges.delete(profile.encoding);
    }
    let counts = this.ranges.get(profile.encoding);
    if (!counts) this.ranges.set(profile.encoding, (counts = new Map()));
    if (span.end >= SPAN_BASE) return scaleCount(counter.countRange(span.start, span.end), profile, text);
    const key = span.start * SPAN_BASE + span.end;
    let tokens = counts.get(key);
    if (tokens === undefined) counts.set(key, (tokens = counter.countRange(span.start, span.end)));
    return scaleCount(tokens, profile, text);
  }

  /** Offsets of a line range: from the first line's start to the last line's end (its line break excluded). */
  private spanOf(range: LineRange): { start: number; end: number } | undefined {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    const start = starts[range.startLine];
    if (start === undefined || range.endLine < range.startLine) return undefined;
    const next = starts[range.endLine + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return end >= start ? { start, end } : undefined;
  }
}

/**
 * Line starts after one edit, in place: those before it kept, those inside it replaced by the inserted text's, the rest
 * shifted. False for a paste of many lines, whose starts are cheaper found again from the text.
 */
function shiftLineStarts(starts: number[], change: TextChange): boolean {
  const from = change.rangeOffset;
  const to = change.rangeOffset + change.rangeLength;
  const shift = change.text.length - change.rangeLength;
  const first = firstAbove(starts, from);
  const inserted: number[] = [];
  for (let i = change.text.indexOf('\n'); i >= 0; i = change.text.indexOf('\n', i + 1)) {
    if (inserted.length >= MAX_SPLICED_LINES) return false;
    inserted.push(from + i + 1);
  }
  const removed = firstAbove(starts, to) - first;
  if (removed > 0 || inserted.length > 0) starts.splice(first, removed, ...inserted);
  if (shift !== 0) for (let k = first + inserted.length; k < starts.length; k++) starts[k]! += shift;
  return true;
}

/** Index of the first entry of a sorted array above `value` (its length when none is). */
function firstAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Range counts after one edit: a range wholly before or after it counts the same text (shifted); the others go. */
function shiftedRanges(counts: ReadonlyMap<number, number>, change: TextChange): Map<number, number> {
  const from = change.rangeOffset;
  const to = change.rangeOffset + change.rangeLength;
  const shift = change.text.length - change.rangeLength;
  const result = new Map<number, number>();
  for (const [key, tokens] of counts) {
    const start = Math.floor(key / SPAN_BASE);
    const end = key % SPAN_BASE;
    // Text inserted exactly at a range's start goes before it, at its end after it: neither changes the range's text.
    if (end <= from) result.set(key, tokens);
    else if (start >= to && end + shift < SPAN_BASE) result.set((start + shift) * SPAN_BASE + end + shift, tokens);
  }
  return result;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
