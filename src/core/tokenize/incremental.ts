// An open document's exact token count, kept up to date edit by edit. The text is held as chunks between safe cuts
// (safeCuts.ts) with each chunk's count; an edit re-chunks and recounts only the chunks it touches (widened while a
// cut at the edge of the touched stretch stops being safe), so a keystroke in a 1 MB file costs about as much as one
// in a 1 KB file. Every cut stays safe after each edit, which keeps the total equal to a full recount.
import { countChunk, countEncodingTokens } from './chunked';
import type { EncodingName } from './encodings';
import { chunkCuts, cutRulesFor, EDITOR_GRANULARITY, isSafeCut, type CutRules } from './safeCuts';

/** One edit, in the shape of VS Code's TextDocumentContentChangeEvent (offsets in UTF-16 units). */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export class DocumentTokenCounter {
  private readonly rules: CutRules;
  private chunks: string[] = [];
  private counts: number[] = [];
  /** starts[k] is the document offset of chunks[k]. */
  private starts: number[] = [];
  private totalTokens = 0;
  private totalLength = 0;
  /** prefixCounts[k] = counts[0] + ... + counts[k - 1]; rebuilt on the first range query after an edit. */
  private prefixCounts: number[] | undefined;

  constructor(
    readonly encoding: EncodingName,
    text: string,
  ) {
    this.rules = cutRulesFor(encoding);
    this.reset(text);
  }

  /** Exact token count of the whole document. */
  get total(): number {
    return this.totalTokens;
  }

  /** Length of the document in UTF-16 units (to check that the counter is in step with the editor). */
  get length(): number {
    return this.totalLength;
  }

  get chunkCount(): number {
    return this.chunks.length;
  }

  getText(): string {
    return this.chunks.join('');
  }

  /** Start over from a full text (a document reloaded from disk, or found out of step). */
  reset(text: string): number {
    this.chunks = splitAtCuts(text, chunkCuts(text, this.rules, EDITOR_GRANULARITY));
    this.counts = this.chunks.map((chunk) => countChunk(this.encoding, chunk));
    this.totalTokens = this.counts.reduce((sum, count) => sum + count, 0);
    this.totalLength = text.length;
    this.rebuildStarts(0);
    return this.totalTokens;
  }

  /**
   * Apply one change event's edits in the order given (VS Code lists an event's edits end to start, so each
   * offset is still valid when its turn comes) and return the new total.
   */
  applyChanges(changes: readonly TextChange[]): number {
    for (const change of changes) this.applyEdit(change.rangeOffset, change.rangeLength, change.text);
    return this.totalTokens;
  }

  /** Replace `deletedLength` units at `offset` with `insertedText`; returns the new total. Out-of-range is clamped. */
  applyEdit(offset: number, deletedLength: number, insertedText: string): number {
    const start = clamp(offset, 0, this.totalLength);
    const end = clamp(start + Math.max(0, deletedLength), start, this.totalLength);
    if (start === end && insertedText.length === 0) return this.totalTokens;
    if (this.chunks.length === 0) return this.reset(insertedText);

    let lo = this.chunkIndexAt(start);
    let hi = end > start ? this.chunkIndexAt(end - 1) : lo;
    const regionStart = this.starts[lo]!;
    const old = this.chunks.slice(lo, hi + 1).join('');
    let region = old.slice(0, start - regionStart) + insertedText + old.slice(end - regionStart);

    // Widen until the cuts at both edges of the rewritten stretch are still safe in the new text. A cut's safety
    // depends only on the two units before it and the chunk after it, so chunks further out cannot be affected.
    for (;;) {
      const before = lo > 0 ? this.chunks[lo - 1]!.slice(-2) : '';
      const after = hi + 1 < this.chunks.length ? this.chunks[hi + 1]! : '';
      if (lo > 0 && !isSafeCut(before + region + after, before.length, this.rules)) {
        lo -= 1;
        region = this.chunks[lo]! + region;
      } else if (after && !isSafeCut(region + after, region.length, this.rules)) {
        hi += 1;
        region += after;
      } else {
        break;
      }
    }

    const replacement = splitAtCuts(region, chunkCuts(region, this.rules, EDITOR_GRANULARITY));
    const replacementCounts = replacement.map((chunk) => countChunk(this.encoding, chunk));
    const removedCounts = this.counts.splice(lo, hi - lo + 1, ...replacementCounts);
    this.chunks.splice(lo, hi - lo + 1, ...replacement);
    this.totalTokens += sum(replacementCounts) - sum(removedCounts);
    this.totalLength += insertedText.length - (end - start);
    this.starts.length = this.chunks.length;
    this.rebuildStarts(lo);
    return this.totalTokens;
  }

  /**
   * Exact count of the text in [start, end) counted on its own (a section, a selection): whole chunks from their
   * stored counts, the partial chunks at the two ends encoded.
   */
  countRange(start: number, end: number): number {
    const from = clamp(start, 0, this.totalLength);
    const to = clamp(end, from, this.totalLength);
    if (from === to) return 0;
    const first = this.chunkIndexAt(from);
    const last = this.chunkIndexAt(to - 1);
    if (first === last) return this.countWithin(first, from, to);
    const prefix = this.prefixSums();
    const middle = prefix[last]! - prefix[first + 1]!;
    return (
      this.countWithin(first, from, this.starts[first + 1]!) + middle + this.countWithin(last, this.starts[last]!, to)
    );
  }

  private countWithin(index: number, from: number, to: number): number {
    const chunkStart = this.starts[index]!;
    const chunk = this.chunks[index]!;
    if (from === chunkStart && to === chunkStart + chunk.length) return this.counts[index]!;
    return countEncodingTokens(this.encoding, chunk.slice(from - chunkStart, to - chunkStart));
  }

  private prefixSums(): number[] {
    if (!this.prefixCounts) {
      const prefix = [0];
      for (const count of this.counts) prefix.push(prefix[prefix.length - 1]! + count);
      this.prefixCounts = prefix;
    }
    return this.prefixCounts;
  }

  /** Index of the chunk holding `offset` (the last chunk for offset === length). */
  private chunkIndexAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private rebuildStarts(from: number): void {
    this.starts.length = this.chunks.length;
    let offset = from > 0 ? this.starts[from - 1]! + this.chunks[from - 1]!.length : 0;
    for (let k = from; k < this.chunks.length; k++) {
      this.starts[k] = offset;
      offset += this.chunks[k]!.length;
    }
    this.prefixCounts = undefined;
  }
}

function splitAtCuts(text: string, cuts: readonly number[]): string[] {
  if (text.length === 0) return [];
  const pieces: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, Math.floor(value))) : low;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
