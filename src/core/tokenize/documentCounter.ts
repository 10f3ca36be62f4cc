// The editor's counter for one open document: it follows every edit (VS Code's content changes) with an incremental,
// exact per-encoding count, so recounting the prompt body and each of its sections after a keystroke costs a few
// prefix-sum look-ups instead of re-encoding a megabyte.
import type { LineRange } from '../types';
import { countTokens, scaleCount, type TokenCount } from './count';
import type { EncodingName } from './encodings';
import type { TokenizerProfile } from './families';
import { DocumentTokenCounter, type TextChange } from './incremental';
import type { TextCounter } from './textCounter';

export class DocumentCounter implements TextCounter {
  private text: string;
  private lineStarts: number[] | undefined;
  private readonly byEncoding = new Map<EncodingName, DocumentTokenCounter>();
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
    this.text = text;
    this.lineStarts = undefined;
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
  }

  count(text: string, profile: TokenizerProfile, range?: LineRange): TokenCount {
    const span = range && this.spanOf(range);
    // Only a part that is the document's own lines, byte for byte, can be answered from the document's chunks
    // (parsers may normalise line ends or rebuild text: those are counted on their own).
    // Offline tokenizers other than OpenAI's memoise by line themselves: they recount only the edited line anyway.
    if (profile.tokenizer || !span || span.end - span.start !== text.length || this.text.slice(span.start, span.end) !== text) {
      this.stats.counted++;
      return countTokens(text, profile);
    }
    this.stats.fromDocument++;
    let counter = this.byEncoding.get(profile.encoding);
    if (!counter || counter.length !== this.text.length) {
      counter = new DocumentTokenCounter(profile.encoding, this.text);
      this.byEncoding.set(profile.encoding, counter);
    }
    return scaleCount(counter.countRange(span.start, span.end), profile, text);
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

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
