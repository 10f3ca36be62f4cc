// Markdown ATX headings → sections, so a breakdown can say which part of a long prompt costs the most.
import type { Section } from '../types';
import type { ClassifiedLine, LineClassifier, SourceLines } from './lines';

interface Heading {
  line: number;
  level: number;
  title: string;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Sections of lines `start..end` (file lines, inclusive). Empty when there are no headings. */
export function markdownSections(lines: SourceLines, start: number, end: number): Section[] {
  const headings = findHeadings(lines, start, end);
  if (headings.length === 0) return [];
  const sections: Section[] = [];
  const preamble = lines.trim(start, headings[0]!.line - 1);
  if (preamble) {
    sections.push({
      title: '(preamble)',
      level: 0,
      range: preamble,
      text: lines.slice(preamble.startLine, preamble.endLine),
    });
  }
  const last = lines.trim(start, end)?.endLine ?? end;
  headings.forEach((heading, i) => {
    let next: Heading | undefined;
    for (let j = i + 1; j < headings.length && !next; j++) if (headings[j]!.level <= heading.level) next = headings[j];
    const endLine = next ? next.line - 1 : last;
    sections.push({
      title: heading.title,
      level: heading.level,
      range: { startLine: heading.line, endLine },
      text: lines.slice(heading.line, endLine),
    });
  });
  return sections;
}

/**
 * What one line is to markdown's block structure, from its text alone: a fence (which opens or closes one depending on
 * the lines above) or an ATX heading. Offsets, not strings, so notes kept across edits hold no old text alive.
 */
interface Mark {
  fence?: { char: string; length: number; blankInfo: boolean; opens: boolean };
  heading?: { level: number; titleFrom: number; titleTo: number };
}

const ATX_INDICES = new RegExp(ATX.source, 'd');

const markOf: LineClassifier<Mark> = (lines, line) => {
  // Neither a heading nor a fence: most lines, so skip the two expressions (and making the line's string).
  if (!mayBeMarked(lines.text, lines.offsetOfLine(line))) return undefined;
  const text = lines.line(line)!;
  const mark: Mark = {};
  const fence = FENCE.exec(text);
  if (fence) {
    const char = fence[1]![0]!;
    mark.fence = {
      char,
      length: fence[1]!.length,
      blankInfo: fence[2]!.trim() === '',
      opens: !(char === '`' && fence[2]!.includes('`')),
    };
  }
  const heading = ATX_INDICES.exec(text);
  if (heading) {
    const title = heading.indices?.[2];
    mark.heading = { level: heading[1]!.length, titleFrom: title?.[0] ?? 0, titleTo: title?.[1] ?? 0 };
  }
  return mark.fence || mark.heading ? mark : undefined;
};

function findHeadings(lines: SourceLines, start: number, end: number): Heading[] {
  const headings: Heading[] = [];
  const marks = lines.classified(markOf);
  let fence: { char: string; length: number } | undefined;
  for (let k = firstAtOrAfter(marks, start); k < marks.length && marks[k]!.line <= end; k++) {
    const { line, value } = marks[k]!;
    if (fence) {
      // A closing fence uses the same character, at least as many of them, and no info string.
      const close = value.fence;
      if (close && close.char === fence.char && close.length >= fence.length && close.blankInfo) fence = undefined;
      continue;
    }
    if (value.fence?.opens) {
      fence = { char: value.fence.char, length: value.fence.length };
      continue;
    }
    if (value.heading) {
      const title = lines.line(line)!.slice(value.heading.titleFrom, value.heading.titleTo).trim();
      headings.push({ line, level: value.heading.level, title: title || '(untitled)' });
    }
  }
  return headings;
}

function firstAtOrAfter(marks: readonly ClassifiedLine<Mark>[], line: number): number {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (marks[mid]!.line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Headings and fences start, after at most three spaces, with `#`, a backtick or `~` (the line starting at `at`). */
function mayBeMarked(text: string, at: number): boolean {
  let i = at;
  while (i < at + 3 && text.charCodeAt(i) === 0x20) i++;
  const c = text.charCodeAt(i);
  return c === 0x23 || c === 0x60 || c === 0x7e;
}
