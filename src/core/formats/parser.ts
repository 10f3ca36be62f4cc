// What every format module receives and returns. `read.ts` turns an outcome into a ReadResult.
import type { CostUnit, FileUsageHints, LineRange, Problem } from '../types';
import type { SourceLines } from './lines';

export interface FormatInput {
  path: string;
  lines: SourceLines;
}

export type FormatOutcome =
  | { ok: true; units: CostUnit[]; problems: Problem[]; usageHints?: FileUsageHints; frontmatter?: LineRange }
  /** The file has the right name but is not this format (e.g. an agents.yaml that isn't CrewAI's). */
  | { ok: false; reason: string };

export type FormatParser = (input: FormatInput) => FormatOutcome;
