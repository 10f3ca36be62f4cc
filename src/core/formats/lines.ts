// Normalised text (LF only) with line lookups. Ranges are zero-based and inclusive, like VS Code's.
import type { LineRange } from '../types';

export class SourceLines {
  readonly lines: readonly string[];
  private readonly starts: readonly number[];

  constructor(readonly text: string) {
    this.lines = text.split('\n');
    const starts: number[] = [];
    let offset = 0;
    for (const line of this.lines) {
      starts.push(offset);
      offset += line.length + 1;
    }
    this.starts = starts;
  }

  /** The last line a range can end on: a final newline does not open a line of its own. */
  get lastLine(): number {
    const last = this.lines.length - 1;
    return last > 0 && this.lines[last] === '' ? last - 1 : last;
  }

  offsetOfLine(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)] ?? 0;
  }

  lineOfOffset(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  isBlank(line: number): boolean {
    return (this.lines[line] ?? '').trim() === '';
  }

  /** Lines `start..end` joined back into text (a substring of the text, so no copy of a large file per section). */
  slice(start: number, end: number): string {
    const first = Math.max(start, 0);
    const last = Math.min(end, this.lines.length - 1);
    if (last < first) return '';
    return this.text.slice(this.starts[first]!, this.starts[last]! + this.lines[last]!.length);
  }

  /** The range shrunk to its first and last non-blank lines; undefined when every line is blank. */
  trim(start: number, end: number): { startLine: number; endLine: number } | undefined {
    let s = start;
    let e = Math.min(end, this.lines.length - 1);
    while (s <= e && this.isBlank(s)) s++;
    while (e >= s && this.isBlank(e)) e--;
    return s <= e ? { startLine: s, endLine: e } : undefined;
  }

  /** Text of a range and the range itself, trimmed of blank lines at both ends. */
  trimmedBlock(start: number, end: number): { text: string; range: LineRange } | undefined {
    const range = this.trim(start, end);
    return range && { text: this.slice(range.startLine, range.endLine), range };
  }

  /** The whole file as one range. */
  get fullRange(): LineRange {
    return { startLine: 0, endLine: Math.max(this.lastLine, 0) };
  }
}
