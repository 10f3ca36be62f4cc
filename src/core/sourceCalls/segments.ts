// Texts built from source code: literal pieces, holes (values known only at run time), and references to other files
// that the companions join reads (see join.ts).
import type { SourceSegment } from '../types';

export type Segments = SourceSegment[];

export const text = (value: string): SourceSegment => ({ kind: 'text', text: value });
export const hole = (name: string): SourceSegment => ({ kind: 'hole', name });

/** Adjacent texts merged, so a part's text and its holes read in order. */
export function compact(segments: Segments): Segments {
  const out: Segments = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (segment.kind === 'text' && last?.kind === 'text') out[out.length - 1] = text(last.text + segment.text);
    else if (segment.kind !== 'text' || segment.text !== '') out.push(segment);
  }
  return out;
}

/** The text as far as it is known, with the names of its holes; references not yet read count as holes. */
export function render(segments: Segments): { text: string; placeholders: string[]; pending: boolean } {
  let value = '';
  const placeholders: string[] = [];
  let pending = false;
  for (const segment of segments) {
    if (segment.kind === 'text') value += segment.text;
    else if (segment.kind === 'hole') placeholders.push(segment.name);
    else {
      pending = true;
      placeholders.push(segment.kind === 'file' ? `file ${segment.path}` : `${segment.name} from ${segment.module}`);
    }
  }
  return { text: value, placeholders, pending };
}

export function isPlainText(segments: Segments): string | undefined {
  return segments.every((s) => s.kind === 'text')
    ? segments.map((s) => (s.kind === 'text' ? s.text : '')).join('')
    : undefined;
}
