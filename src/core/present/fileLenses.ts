// Which lenses a file gets and where: one per cost unit, one per markdown section (optional), one per problem worth
// seeing before opening the breakdown, or a single "skipped" lens. The editor only turns these into CodeLens objects.
import type { SourceEstimate } from '../estimate/estimateSource';
import type { Skip } from '../problems/skips';
import { skipText } from '../problems/skipText';
import { problemLensTitle, sectionLensTitle, skippedLensTitle, unitLensDetail, unitLensTitle } from './lensTitles';

export type LensKind = 'unit' | 'section' | 'problem' | 'skipped';

export interface LensSpec {
  kind: LensKind;
  /** Zero-based line the lens sits above. */
  line: number;
  title: string;
  /** What did not fit in the title (band, volume, model, worst case): the lens's hover text. */
  detail?: string;
  /** The unit whose breakdown a click opens (absent for file-level lenses). */
  unitIndex?: number;
}

export interface LensOptions {
  sections: boolean;
  /** The surface's words for a skip (default: the plain wording). */
  skipText?: (skip: Skip) => string;
}

export function planLenses(result: SourceEstimate, options: LensOptions): LensSpec[] {
  if (!result.ok)
    return [{ kind: 'skipped', line: 0, title: skippedLensTitle((options.skipText ?? skipText)(result.skipped.skip)) }];
  const lenses: LensSpec[] = [];
  const problemLines = new Set<number>();
  // Info-level notes ("Claude Code only loads subagents with a name") belong in the breakdown, not above the text.
  for (const problem of result.estimate.problems) {
    if (problem.severity === 'info') continue;
    const line = problem.line ?? 0;
    if (problemLines.has(line)) continue;
    problemLines.add(line);
    lenses.push({ kind: 'problem', line, title: problemLensTitle(problem.message) });
  }
  result.estimate.units.forEach((unit, unitIndex) => {
    lenses.push({
      kind: 'unit',
      line: unit.range.startLine,
      title: unitLensTitle(unit),
      detail: unitLensDetail(unit),
      unitIndex,
    });
    if (!options.sections || unit.sections.length < 2) return; // one section is the whole unit: its lens says it all
    for (const section of unit.sections) {
      lenses.push({
        kind: 'section',
        line: section.range.startLine,
        title: sectionLensTitle(section, unit.input.exact),
        unitIndex,
      });
    }
  });
  return lenses;
}
