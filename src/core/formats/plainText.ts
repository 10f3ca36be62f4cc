// The fallback when a file's structure can't be read (broken frontmatter, YAML or JSON): the whole file is one unit,
// counted as it stands, so the user still sees a cost while the file is half-typed.
import type { CostUnit, UnitKind } from '../types';
import type { SourceLines } from './lines';
import { markdownSections } from './sections';

export interface WholeFileOptions {
  name: string;
  kind: UnitKind;
  /** Compute markdown sections (not for YAML/JSON, whose `#` lines are comments). */
  markdown: boolean;
}

export function wholeFileUnit(lines: SourceLines, options: WholeFileOptions): CostUnit {
  const block = lines.trimmedBlock(0, lines.lastLine);
  const role = options.kind === 'always-on' ? 'context' : 'body';
  return {
    name: options.name,
    kind: options.kind,
    range: lines.fullRange,
    parts: block ? [{ role, label: 'whole file (plain text)', text: block.text, range: block.range }] : [],
    messageCount: 1,
    sections: options.markdown ? markdownSections(lines, 0, lines.lastLine) : [],
  };
}
