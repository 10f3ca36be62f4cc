// What a cost diff says: plain data for the CLI table, the PR comment, the JSON document, the editor's lenses and its
// review view. Money is USD; "month" follows the usage file's month (730 hours unless set).
import type { Uncompared } from '../problems/uncompared';
import type { FormatId, LineRange, Problem, UnitKind } from '../types';

/** One unit, or one file, at one side of the diff. Costs are absent when the model has no price. */
export interface CostSide {
  inputTokens: number;
  /** False when any count on this side is an estimate (non-OpenAI tokenizer). */
  exact: boolean;
  perCall?: number;
  perMonth?: number;
}

export interface UnitSide extends CostSide {
  /** The priced model id, or the requested name when it has no price. */
  model: string;
  priced: boolean;
  callsPerDay: number;
}

/** After minus before. Cost fields are absent when either side has no price; percents when there is no baseline. */
export interface Delta {
  tokens: number;
  tokensPercent?: number;
  perCall?: number;
  perMonth?: number;
  /** Of $/month. */
  costPercent?: number;
}

export type UnitStatus = 'added' | 'removed' | 'modified';

export interface SectionDiff {
  title: string;
  level: number;
  status: UnitStatus;
  /** Where the section is at the head side (the base side for a removed section). */
  range: LineRange;
  tokensBefore: number;
  tokensAfter: number;
  /** False when the unit's counts are estimates (non-OpenAI tokenizer). */
  exact: boolean;
  /** Costs are the token change at the unit's input rate (sessions re-send it every turn): an approximation. */
  delta: Delta;
}

export interface UnitDiff {
  name: string;
  /** The unit's name at the base side, when it was paired under another name (a renamed file's only unit). */
  baseName?: string;
  kind: UnitKind;
  status: UnitStatus;
  /** Where the unit is at the head side (the base side for a removed unit). */
  range: LineRange;
  before?: UnitSide;
  after?: UnitSide;
  delta: Delta;
  /** Sections whose token count changed. */
  sections: SectionDiff[];
}

/** `repriced`: the bytes are equal, but something it is priced with changed (the usage file, a CrewAI agents.yaml). */
export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'repriced';

export interface FileDiff {
  /** Repository-relative path at the head side (the deleted path for a deleted file). */
  path: string;
  /** The base-side path of a renamed file. */
  basePath?: string;
  status: FileStatus;
  format: FormatId;
  formatLabel: string;
  before: CostSide;
  after: CostSide;
  delta: Delta;
  /** Units whose cost change is unknown because a side has no price (their tokens still count). */
  unpricedUnits: number;
  /** Changed units only; a file whose units all kept their counts still shows up when its bytes changed. */
  units: UnitDiff[];
  /** "model claude-haiku-4-5 → claude-opus-4-1 (in frontmatter)", "renamed from …", problems found reading it. */
  notes: string[];
}

/** A changed prompt file whose cost could not be compared. `error` ones make the CLI exit 2. */
export interface UncomparedFile {
  path: string;
  basePath?: string;
  severity: 'error' | 'warning';
  cause: Uncompared;
  /** The plain wording of `cause`; a surface with its own words reads `cause`. */
  reason: string;
}

export interface DiffTotals {
  files: number;
  units: number;
  before: CostSide;
  after: CostSide;
  delta: Delta;
  unpricedUnits: number;
}

export type UsagePricing = 'each-side' | 'head-for-both' | 'base-for-both' | 'explicit';

export interface UsageReport {
  /** Repository-relative path of the usage file, or the explicit file's path; absent when there is none. */
  file?: string;
  pricing: UsagePricing;
  /** The usage file's settings differ between the sides (comments and reordering aside). */
  changed: boolean;
  problems: Problem[];
}

export interface DiffReport {
  baseLabel: string;
  headLabel: string;
  /** Sorted by $/month change, largest increase first; files without a known cost change after them. */
  files: FileDiff[];
  uncompared: UncomparedFile[];
  /** Changed files that are not prompt or agent files. */
  ignoredFiles: number;
  /** Changed prompt files whose bytes (and pricing) are equal on both sides, e.g. a mode change. */
  unchangedFiles: number;
  usage: UsageReport;
  monthHours: number;
  totals: DiffTotals;
}
