// One changed file: its bytes at both sides → its cost change, or why it cannot be compared. Pure; the lens (the
// unsaved buffer against HEAD) and the review (every changed file) both come through here.
import { estimateSource, type SourceEstimate, type SourceOptions } from '../estimate/estimateSource';
import type { FileEstimate } from '../estimate/types';
import { isPromptPath } from '../formats';
import { DEFAULT_MAX_BYTES } from '../formats/decode';
import type { Uncompared } from '../problems/uncompared';
import { uncomparedFile } from '../problems/uncomparedText';
import { delta } from './delta';
import { isUnreadable, type ChangeStatus, type Side, type Unreadable } from './gitSource';
import { compareUnits, unitSide } from './compareUnits';
import { matchUnits, type UnitPair } from './matchUnits';
import type { CostSide, FileDiff, FileStatus, UncomparedFile, UnitDiff } from './types';
import { conflictMarkerLine, isBinary } from './unreadable';
import { isLfsPointer } from '../files/lfsPointer';

/** Everything estimateSource needs except the path, for one side. */
export type SideOptions = Omit<SourceOptions, 'relativePath'>;

export interface CompareInputs {
  base: SideOptions;
  head: SideOptions;
  /** Repository path → the path format detection and the usage file's globs see (relative to the usage file). */
  globPath?: (path: string) => string;
  /** Names of the sides in messages: "HEAD", "working tree". */
  baseLabel?: string;
  headLabel?: string;
}

export interface FileVersions {
  path: string;
  basePath?: string;
  /** Absent at a side: the file does not exist there. */
  base?: Uint8Array | Unreadable;
  head?: Uint8Array | Unreadable;
  status: ChangeStatus | 'repriced';
  /** For `repriced`: what changed instead ("the changed .burnrate.yaml"). */
  repricedBecause?: string;
}

export type FileComparison =
  | { kind: 'diff'; diff: FileDiff }
  | { kind: 'uncompared'; file: UncomparedFile }
  /** Not a prompt or agent file at either side. */
  | { kind: 'ignored' }
  /** Counts and prices the same on both sides. */
  | { kind: 'unchanged' };

export function compareFile(versions: FileVersions, inputs: CompareInputs): FileComparison {
  const basePath = versions.basePath ?? versions.path;
  return compareSides(
    versions,
    estimateSide('base', basePath, versions.base, inputs),
    estimateSide('head', versions.path, versions.head, inputs),
  );
}

/** One side of a comparison, estimated: what compareSides needs, and what the editor keeps for HEAD's side. */
export interface EstimatedSide {
  result: SideResult;
  /** What the comparison says about this side ("… is not a prompt or agent file"). */
  notes: string[];
}

export type SideResult =
  | { kind: 'estimate'; estimate: FileEstimate }
  | { kind: 'absent' }
  | { kind: 'uncompared'; cause: Uncompared; severity: 'error' | 'warning' };

/** Two estimated sides → the file's cost change. `versions` gives the paths and status; its contents are not read. */
export function compareSides(versions: FileVersions, baseSide: EstimatedSide, headSide: EstimatedSide): FileComparison {
  const basePath = versions.basePath ?? versions.path;
  const notes = [...baseSide.notes, ...headSide.notes];
  const base = baseSide.result;
  const head = headSide.result;
  if (base.kind === 'uncompared') return uncompared(versions, base.cause, base.severity);
  if (head.kind === 'uncompared') return uncompared(versions, head.cause, head.severity);
  if (base.kind === 'absent' && head.kind === 'absent') return { kind: 'ignored' };

  const before = base.kind === 'estimate' ? base.estimate : undefined;
  const after = head.kind === 'estimate' ? head.estimate : undefined;
  const pairs = matchUnits(before?.units ?? [], after?.units ?? []);
  const units = pairs.map(compareUnits).filter((u): u is UnitDiff => u !== undefined);
  if (units.length === 0 && before && after) return { kind: 'unchanged' };

  const sides = fileSides(pairs);
  const shown = (after ?? before)!;
  const status = fileStatus(versions, before, after);
  if (status === 'renamed') notes.unshift(`renamed from ${basePath}`);
  if (status === 'repriced')
    notes.unshift(`unchanged file, re-priced by ${versions.repricedBecause ?? 'a changed input'}`);
  for (const unit of units) {
    if (unit.before && unit.after && unit.before.model !== unit.after.model) {
      notes.push(`${unit.name}: model ${unit.before.model} → ${unit.after.model}`);
    }
  }
  for (const problem of after?.problems ?? []) if (problem.severity !== 'info') notes.push(problem.message);

  const diff: FileDiff = {
    path: after ? versions.path : basePath,
    status,
    format: shown.format,
    formatLabel: shown.formatLabel,
    before: sides.before,
    after: sides.after,
    delta: delta(sides.before, sides.after),
    unpricedUnits: sides.unpriced,
    units,
    notes,
  };
  if (status === 'renamed') diff.basePath = basePath;
  return { kind: 'diff', diff };
}

/** A side's content → its estimate, or why it cannot be compared (binary, LFS pointer, conflict, over the size limit). */
export function estimateSide(
  side: Side,
  path: string,
  content: Uint8Array | Unreadable | undefined,
  inputs: CompareInputs,
): EstimatedSide {
  if (content === undefined) return { result: { kind: 'absent' }, notes: [] };
  // Unreadable content is refused by the checks before it would be estimated.
  return checkedSide(side, path, content, inputs, (relativePath) =>
    estimateSource(path, content as Uint8Array, { ...inputs[side], relativePath }),
  );
}

/**
 * A side the caller already estimated (the editor's working estimate of its buffer, counted incrementally), given the
 * same checks as bytes get: `estimate` is what estimateSource gave for `text` with that side's options.
 */
export function estimatedSide(
  side: Side,
  path: string,
  text: string,
  estimate: SourceEstimate,
  inputs: CompareInputs,
): EstimatedSide {
  return checkedSide(side, path, text, inputs, () => estimate);
}

function checkedSide(
  side: Side,
  path: string,
  content: Uint8Array | string | Unreadable,
  inputs: CompareInputs,
  estimate: (relativePath: string) => SourceEstimate,
): EstimatedSide {
  const notes: string[] = [];
  const options = inputs[side];
  const relativePath = inputs.globPath ? inputs.globPath(path) : path;
  const label = side === 'base' ? (inputs.baseLabel ?? 'the base') : (inputs.headLabel ?? 'the head');
  const fail = (cause: Uncompared): EstimatedSide => ({
    result: { kind: 'uncompared', cause, severity: 'error' },
    notes,
  });
  const at = { side, label };
  if (!isPromptPath(relativePath, options.extraGlobs ?? [])) {
    notes.push(`${path} in ${label} is not a prompt or agent file`);
    return { result: { kind: 'absent' }, notes };
  }
  if (typeof content !== 'string' && isUnreadable(content))
    return fail({ code: 'unreadable', ...at, why: content.unreadable });

  if (isBinary(content)) return fail({ code: 'binary', ...at });
  if (typeof content !== 'string' && isLfsPointer(content)) return fail({ code: 'lfs-pointer', ...at });
  const conflict = conflictMarkerLine(content);
  if (conflict !== undefined) return fail({ code: 'conflict-markers', ...at, line: conflict });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = byteLength(content, maxBytes);
  // An error, not a warning: a gate that skipped the file would pass whatever it grew by.
  if (size > maxBytes) return fail({ code: 'too-large', ...at, limitBytes: maxBytes, sizeBytes: size });
  const result = estimate(relativePath);
  if (result.ok) return { result: { kind: 'estimate', estimate: result.estimate }, notes };
  if (result.skipped.skip.code === 'binary') return fail({ code: 'binary', ...at });
  // The content says it is not a prompt (a JSON file without messages, a YAML file that is not CrewAI): on this side
  // it costs nothing.
  notes.push(`in ${label}: ${result.skipped.reason}`);
  return { result: { kind: 'absent' }, notes };
}

/** UTF-8 size of the content; a text is measured only when its length does not settle the limit either way. */
function byteLength(content: Uint8Array | string, maxBytes: number): number {
  if (typeof content !== 'string') return content.length;
  return content.length > maxBytes || content.length * 3 <= maxBytes
    ? content.length
    : new TextEncoder().encode(content).length;
}

function uncompared(versions: FileVersions, cause: Uncompared, severity: 'error' | 'warning'): FileComparison {
  return { kind: 'uncompared', file: uncomparedFile(versions.path, versions.basePath, severity, cause) };
}

function fileStatus(
  versions: FileVersions,
  before: FileEstimate | undefined,
  after: FileEstimate | undefined,
): FileStatus {
  if (!before) return 'added';
  if (!after) return 'deleted';
  if (versions.status === 'repriced') return 'repriced';
  if (versions.basePath && versions.basePath !== versions.path) return 'renamed';
  return 'modified';
}

/** The file's totals: tokens of every unit; costs of the units whose change is known (both sides priced, or absent). */
function fileSides(pairs: readonly UnitPair[]): { before: CostSide; after: CostSide; unpriced: number } {
  const before: CostSide = { inputTokens: 0, exact: true };
  const after: CostSide = { inputTokens: 0, exact: true };
  let unpriced = 0;
  let priced = 0;
  let perCall = [0, 0];
  let perMonth = [0, 0];
  for (const pair of pairs) {
    const b = pair.before ? unitSide(pair.before) : undefined;
    const a = pair.after ? unitSide(pair.after) : undefined;
    before.inputTokens += b?.inputTokens ?? 0;
    after.inputTokens += a?.inputTokens ?? 0;
    before.exact &&= b?.exact ?? true;
    after.exact &&= a?.exact ?? true;
    const known = (!b || b.perMonth !== undefined) && (!a || a.perMonth !== undefined);
    if (!known) {
      unpriced++;
      continue;
    }
    priced++;
    perCall = [perCall[0]! + (b?.perCall ?? 0), perCall[1]! + (a?.perCall ?? 0)];
    perMonth = [perMonth[0]! + (b?.perMonth ?? 0), perMonth[1]! + (a?.perMonth ?? 0)];
  }
  if (priced > 0) {
    before.perCall = perCall[0]!;
    after.perCall = perCall[1]!;
    before.perMonth = perMonth[0]!;
    after.perMonth = perMonth[1]!;
  }
  return { before, after, unpriced };
}
