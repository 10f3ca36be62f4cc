// Markdown ATX headings → sections, so a breakdown can say which part of a long prompt costs the most.
import type { Section } from '../types';
import type { SourceLines } from './lines';

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

function findHeadings(lines: SourceLines, start: number, end: number): Heading[] {
  const headings: Heading[] = [];
  let fence: { char: string; length: number } | undefined;
  for (let line = start; line <= end && line < lines.lines.length; line++) {
    const text = lines.lines[line]!;
    if (!mayBeMarked(text)) continue; // neither a heading nor a fence: most lines, so skip the two expressions
    const fenceMatch = FENCE.exec(text);
    if (fence) {
      // A closing fence uses the same character, at least as many of them, and no info string.
      if (
        fenceMatch &&
        fenceMatch[1]![0] === fence.char &&
        fenceMatch[1]!.length >= fence.length &&
        fenceMatch[2]!.trim() === ''
      ) {
        fence = undefined;
      }
      continue;
    }
    if (fenceMatch && !(fenceMatch[1]![0] === '`' && fenceMatch[2]!.includes('`'))) {
      fence = { char: fenceMatch[1]![0]!, length: fenceMatch[1]!.length };
      continue;
    }
    const heading = ATX.exec(text);
    if (heading) headings.push({ line, level: heading[1]!.length, title: (heading[2] ?? '').trim() || '(untitled)' });
  }
  return headings;
}

/** Headings and fences start, after at most three spaces, with `#`, a backtick or `~`. */
function mayBeMarked(text: string): boolean {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 0x20) i++;
  const c = text.charCodeAt(i);
  return c === 0x23 || c === 0x60 || c === 0x7e;
}
