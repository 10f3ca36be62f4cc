// Every lens an open prompt document gets, from its one model: the cost lenses (per unit, section and problem, or a
// single "skipped" lens) and the delta lenses against HEAD (the file's change at the top, each changed unit of a
// multi-unit file, each changed section). Titles, tooltips and what a click does are data; the editor only places them.
import {
  fileLensTitle,
  sectionLensTitle as sectionDeltaTitle,
  unitLensTitle as unitDeltaTitle,
} from '../diff/render/lens';
import type { FileStatus } from '../diff/types';
import type { SourceEstimate } from '../estimate/estimateSource';
import { planLenses, type LensOptions } from '../present/fileLenses';
import { BASE_NAME, type DocumentDelta } from './documentDelta';

export type LensAction =
  /** Open the cost breakdown of the document's unit at this index. */
  | { kind: 'breakdown'; unitIndex: number }
  /** Open VS Code's diff editor on this document against HEAD. */
  | { kind: 'openChange'; status: FileStatus }
  /** Open the simulation panel on a scenario started from this unit (an SDK call of a source file). */
  | { kind: 'simulate'; unitIndex: number };

export interface EditorLens {
  /** Zero-based line the lens sits above (the editor clamps it to the document). */
  line: number;
  title: string;
  tooltip?: string;
  /** Absent: plain text, nothing to open. */
  action?: LensAction;
}

export type LensPlanOptions = LensOptions;

export function planEditorLenses(
  working: SourceEstimate,
  delta: DocumentDelta | undefined,
  options: LensPlanOptions,
): EditorLens[] {
  return [...costLenses(working, options), ...(delta ? deltaLenses(delta, options) : [])];
}

export const SIMULATE_LENS_TITLE = 'Run Simulation';

function costLenses(working: SourceEstimate, options: LensPlanOptions): EditorLens[] {
  return planLenses(working, options).flatMap((lens): EditorLens[] => {
    if (lens.unitIndex === undefined) return [{ line: lens.line, title: lens.title }];
    const tooltip = lens.detail ? `${lens.detail} — click for the cost breakdown` : 'Show the cost breakdown';
    const cost: EditorLens = {
      line: lens.line,
      title: lens.title,
      tooltip,
      action: { kind: 'breakdown', unitIndex: lens.unitIndex },
    };
    const unit = working.ok ? working.estimate.units[lens.unitIndex] : undefined;
    // A call in application code has no scenario of its own: the lens starts one from it.
    if (lens.kind !== 'unit' || unit?.format !== 'source-call') return [cost];
    const simulate: EditorLens = {
      line: lens.line,
      title: SIMULATE_LENS_TITLE,
      tooltip: `Simulate ${unit.name}: its system prompt, tool definitions, model and output as the scenario`,
      action: { kind: 'simulate', unitIndex: lens.unitIndex },
    };
    return [cost, simulate];
  });
}

function deltaLenses(delta: DocumentDelta, options: LensPlanOptions): EditorLens[] {
  if (delta.kind === 'identical') return [];
  const { comparison } = delta;
  if (comparison.kind === 'uncompared') return [{ line: 0, title: `vs ${BASE_NAME}: ${comparison.file.reason}` }];
  // Counts and prices the same although the text differs (whitespace, a reworded line of equal length).
  if (comparison.kind === 'unchanged')
    return [
      {
        line: 0,
        title: `±0 tokens vs ${BASE_NAME} · no cost change`,
        action: { kind: 'openChange', status: 'modified' },
      },
    ];
  if (comparison.kind !== 'diff') return [];
  const file = comparison.diff;
  const lenses: EditorLens[] = [
    { line: 0, title: fileLensTitle(file, BASE_NAME), action: { kind: 'openChange', status: file.status } },
  ];
  const multiUnit = file.units.length > 1 || file.units.some((u) => u.range.startLine > 0);
  for (const unit of file.units) {
    if (unit.status === 'removed') continue; // it has no line in this editor; the file lens counts it
    if (multiUnit) lenses.push({ line: unit.range.startLine, title: unitDeltaTitle(unit, BASE_NAME) });
    if (!options.sections) continue;
    for (const section of unit.sections)
      if (section.status !== 'removed')
        lenses.push({ line: section.range.startLine, title: sectionDeltaTitle(section, BASE_NAME) });
  }
  return lenses;
}
