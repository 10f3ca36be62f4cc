// Normalised text (LF only) with line lookups. Ranges are zero-based and inclusive, like VS Code's.
import type { TextChange } from '../tokenize/incremental';
import type { LineRange } from '../types';

/**
 * What a parser notes about one line, from that line's text alone (undefined: nothing to note). Being a function of
 * the line only is what lets the notes of lines an edit did not touch be kept across it.
 */
export type LineClassifier<T> = (lines: SourceLines, line: number) => T | undefined;

export interface ClassifiedLine<T> {
  line: number;
  value: T;
}

export class SourceLines {
  /** Offset of each line's first character; a final newline opens an empty last line, as `split('\n')` gives. */
  private readonly starts: readonly number[];
  private split: readonly string[] | undefined;
  private readonly notes = new Map<LineClassifier<unknown>, readonly ClassifiedLine<unknown>[]>();

  constructor(
    readonly text: string,
    starts?: readonly number[],
  ) {
    // Only the line starts are found up front (a scan for newlines): a megabyte prompt re-read after every keystroke
    // would otherwise spend much of its parse making one string per line that the parsers never look at.
    this.starts = starts ?? lineStartsOf(text);
  }

  /**
   * These lines after an editor's edits (in the order applied; `text` is the text after all of them): the line starts
   * and every classifier's notes are carried over, found again only for the edited lines. Undefined when the edits do
   * not lead to `text` (a missed edit): the caller reads `text` afresh.
   */
  afterChanges(changes: readonly TextChange[], text: string): SourceLines | undefined {
    let starts = this.starts;
    const notes: { classify: LineClassifier<unknown>; lines: readonly ClassifiedLine<unknown>[] }[] = [];
    for (const [classify, lines] of this.notes) notes.push({ classify, lines });
    /** Lines (in the latest coordinates) whose text an edit changed, as [first, last] pairs. */
    let dirty: [number, number][] = [];
    let length = this.text.length;
    for (const change of changes) {
      const from = change.rangeOffset;
      const to = from + change.rangeLength;
      if (from < 0 || change.rangeLength < 0 || to > length) return undefined;
      const first = lineAt(starts, from);
      const last = lineAt(starts, to);
      const inserted: number[] = [];
      for (let i = change.text.indexOf('\n'); i >= 0; i = change.text.indexOf('\n', i + 1)) inserted.push(from + i + 1);
      const lineShift = inserted.length - (last - first);
      const shift = change.text.length - change.rangeLength;
      starts = editedStarts(starts, first, last, inserted, shift);
      length += shift;
      const touched: [number, number] = [first, first + inserted.length];
      dirty = dirty.flatMap(([a, b]): [number, number][] => {
        if (b < first) return [[a, b]];
        if (a > last) return [[a + lineShift, b + lineShift]];
        touched[0] = Math.min(touched[0], a);
        touched[1] = Math.max(touched[1], b > last ? b + lineShift : touched[1]);
        return [];
      });
      dirty.push(touched);
      for (const note of notes) note.lines = shiftedNotes(note.lines, first, last, lineShift);
    }
    if (length !== text.length) return undefined;
    dirty.sort((x, y) => x[0] - y[0]);
    // Around each edit the lines must start after a newline of `text`. Checked there only: a look at every line start
    // would touch the whole text, which is what following the edits spares (the lengths agreeing is checked above).
    for (const [a, b] of dirty) {
      for (let line = Math.max(a, 1); line <= b + 1 && line < starts.length; line++) {
        if (text.charCodeAt(starts[line]! - 1) !== 0x0a) return undefined;
      }
    }
    const edited = new SourceLines(text, starts);
    for (const { classify, lines } of notes) edited.notes.set(classify, withDirtyLines(lines, dirty, edited, classify));
    return edited;
  }

  /**
   * The lines `classify` notes something about, in line order, with what it notes: found once per text, and after an
   * edit (`afterChanges`) only on the edited lines.
   */
  classified<T>(classify: LineClassifier<T>): readonly ClassifiedLine<T>[] {
    let found = this.notes.get(classify) as readonly ClassifiedLine<T>[] | undefined;
    if (!found) {
      const lines: ClassifiedLine<T>[] = [];
      for (let line = 0; line < this.starts.length; line++) {
        const value = classify(this, line);
        if (value !== undefined) lines.push({ line, value });
      }
      this.notes.set(classify, (found = lines));
    }
    return found;
  }

  /** Every line as a string (made on first use; `line(i)` reads one without making the others). */
  get lines(): readonly string[] {
    return (this.split ??= this.text.split('\n'));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Line `index`'s text without its newline; undefined outside the file. */
  line(index: number): string | undefined {
    const start = this.starts[index];
    if (start === undefined) return undefined;
    const next = this.starts[index + 1];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }

  /** The last line a range can end on: a final newline does not open a line of its own. */
  get lastLine(): number {
    const last = this.starts.length - 1;
    return last > 0 && this.starts[last] === this.text.length ? last - 1 : last;
  }

  offsetOfLine(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)] ?? 0;
  }

  lineOfOffset(offset: number): number {
    return lineAt(this.starts, offset);
  }

  isBlank(line: number): boolean {
    return (this.line(line) ?? '').trim() === '';
  }

  /** Lines `start..end` joined back into text (a substring of the text, so no copy of a large file per section). */
  slice(start: number, end: number): string {
    const first = Math.max(start, 0);
    const last = Math.min(end, this.starts.length - 1);
    if (last < first) return '';
    const next = this.starts[last + 1];
    return this.text.slice(this.starts[first]!, next === undefined ? this.text.length : next - 1);
  }

  /** The range shrunk to its first and last non-blank lines; undefined when every line is blank. */
  trim(start: number, end: number): { startLine: number; endLine: number } | undefined {
    let s = start;
    let e = Math.min(end, this.starts.length - 1);
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

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line starts after an edit replaced lines first..last: those up to `first` kept, `inserted`, the rest shifted. */
function editedStarts(
  starts: readonly number[],
  first: number,
  last: number,
  inserted: readonly number[],
  shift: number,
): number[] {
  // Copies by slice: splicing a long array, or pushing its entries one by one, costs several times more.
  const tail = starts.slice(last + 1);
  if (shift !== 0) for (let k = 0; k < tail.length; k++) tail[k]! += shift;
  return starts.slice(0, first + 1).concat(inserted, tail);
}

/** The line holding `offset`: the last one starting at or before it. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Notes after an edit that replaced lines first..last with `last - first + lineShift + 1` lines: those go. */
function shiftedNotes<T>(
  notes: readonly ClassifiedLine<T>[],
  first: number,
  last: number,
  lineShift: number,
): ClassifiedLine<T>[] {
  const kept: ClassifiedLine<T>[] = [];
  for (const note of notes) {
    if (note.line < first) kept.push(note);
    else if (note.line > last) kept.push(lineShift === 0 ? note : { line: note.line + lineShift, value: note.value });
  }
  return kept;
}

/** `notes` (none on a dirty line) with the dirty lines classified again, in line order. */
function withDirtyLines<T>(
  notes: readonly ClassifiedLine<T>[],
  dirty: readonly [number, number][],
  lines: SourceLines,
  classify: LineClassifier<T>,
): ClassifiedLine<T>[] {
  const result: ClassifiedLine<T>[] = [];
  let k = 0;
  for (const [a, b] of dirty) {
    while (k < notes.length && notes[k]!.line < a) result.push(notes[k++]!);
    for (let line = a; line <= b && line < lines.lineCount; line++) {
      const value = classify(lines, line);
      if (value !== undefined) result.push({ line, value });
    }
  }
  while (k < notes.length) result.push(notes[k++]!);
  return result;
}
