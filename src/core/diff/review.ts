// Every changed prompt and agent file between two sides, priced and sorted: what the CLI's `diff` prints and the
// editor's review view shows. Files whose blob ids match are neither read nor tokenized.
import type { PriceOverride } from '../pricing/overrides';
import { isPromptPath } from '../formats';
import { BUILTIN_DEFAULTS, type UsageDefaults } from '../usage/usageConfig';
import { compareFile, type CompareInputs, type FileVersions, type SideOptions } from './compareFile';
import type { ChangedFile, GitFailure, GitSource } from './gitSource';
import { diffTotals, sortFiles } from './totals';
import type { DiffReport, FileDiff, UncomparedFile } from './types';
import { loadUsageSides, type ExplicitUsage } from './usageSides';

export interface ReviewOptions {
  /** Repository path of the usage file, read at each side (e.g. ".burnrate.yaml"); absent: no usage file. */
  usageFile?: string;
  /** Default `each-side`: each side is priced with its own usage file. */
  usagePricing?: 'each-side' | 'head-for-both';
  /** A usage file named explicitly (CLI --config): prices both sides. */
  explicitUsage?: ExplicitUsage;
  /** Repository folder the usage file's globs are relative to ("" = the repository root). */
  usageRoot?: string;
  settings?: UsageDefaults;
  settingsPrices?: readonly PriceOverride[];
  maxBytes?: number;
  extraGlobs?: string[];
  /** Files read and priced per step (progress is reported after each). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export type ReviewOutcome = { ok: true; report: DiffReport } | { ok: false; failure: GitFailure };

const DEFAULT_BATCH = 200;

export async function review(git: GitSource, options: ReviewOptions = {}): Promise<ReviewOutcome> {
  const changes = await git.changes();
  if (!changes.ok) return changes;
  const usage = await loadUsageSides(git, options.usageFile, options.usagePricing ?? 'each-side', options.explicitUsage);
  if (!usage.ok) return usage;

  const extraGlobs = options.extraGlobs ?? [];
  const globPath = globPathFor(options.usageRoot ?? '');
  const isPrompt = (path: string) => isPromptPath(globPath(path), extraGlobs);
  const side = (usageConfig: SideOptions['usage']): SideOptions => {
    const result: SideOptions = { usage: usageConfig };
    if (options.settings) result.settings = options.settings;
    if (options.settingsPrices) result.settingsPrices = options.settingsPrices;
    if (options.maxBytes !== undefined) result.maxBytes = options.maxBytes;
    if (extraGlobs.length > 0) result.extraGlobs = extraGlobs;
    return result;
  };
  const inputs: CompareInputs = { base: side(usage.value.base), head: side(usage.value.head), globPath, baseLabel: git.baseLabel, headLabel: git.headLabel };

  // Under a changed usage file priced per side, equal bytes can still cost differently.
  const usageMatters = usage.value.report.changed && usage.value.report.pricing === 'each-side';
  let ignoredFiles = 0;
  let unchangedFiles = 0;
  const work: ChangedFile[] = [];
  for (const change of changes.value) {
    if (change.path === options.usageFile || !(isPrompt(change.path) || (change.basePath !== undefined && isPrompt(change.basePath)))) {
      ignoredFiles++;
    } else if (change.baseId !== undefined && change.baseId === change.headId && !usageMatters) {
      unchangedFiles++; // a mode change: same bytes, same cost
    } else {
      work.push(change);
    }
  }
  const repriced: string[] = [];
  if (usageMatters) {
    const listed = await git.listFiles();
    if (!listed.ok) return listed;
    const changed = new Set(changes.value.map((c) => c.path));
    repriced.push(...listed.value.filter((path) => !changed.has(path) && path !== options.usageFile && isPrompt(path)));
  }

  const files: FileDiff[] = [];
  const uncompared: UncomparedFile[] = [];
  const total = work.length + repriced.length;
  const batch = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const record = (versions: FileVersions) => {
    const result = compareFile(versions, inputs);
    if (result.kind === 'diff') files.push(result.diff);
    else if (result.kind === 'uncompared') uncompared.push(result.file);
    else if (result.kind === 'unchanged') unchangedFiles++;
    else ignoredFiles++;
  };

  for (let start = 0; start < work.length; start += batch) {
    if (options.isCancelled?.()) break;
    const slice = work.slice(start, start + batch);
    const atBase = slice.filter((c) => c.status !== 'added');
    const atHead = slice.filter((c) => c.status !== 'deleted');
    const [base, head] = await Promise.all([
      git.read('base', atBase.map((c) => ref(c.basePath ?? c.path, c.baseId))),
      git.read('head', atHead.map((c) => ref(c.path, c.headId))),
    ]);
    if (!base.ok) return base;
    if (!head.ok) return head;
    const baseBytes = new Map(atBase.map((c, i) => [c, base.value[i]]));
    const headBytes = new Map(atHead.map((c, i) => [c, head.value[i]]));
    for (const change of slice) {
      const versions: FileVersions = { path: change.path, status: change.status };
      if (change.basePath !== undefined) versions.basePath = change.basePath;
      const b = baseBytes.get(change);
      const h = headBytes.get(change);
      if (b !== undefined) versions.base = b;
      if (h !== undefined) versions.head = h;
      if (change.unmerged && h === undefined) {
        uncompared.push({ path: change.path, severity: 'error', reason: `unmerged in ${git.headLabel} (merge conflict): resolve and stage it to compare its cost` });
      } else if (b !== undefined && h !== undefined && !usageMatters && sameBytes(b, h)) unchangedFiles++;
      else record(versions);
    }
    options.onProgress?.(Math.min(start + batch, work.length), total);
  }

  for (let start = 0; start < repriced.length; start += batch) {
    if (options.isCancelled?.()) break;
    const slice = repriced.slice(start, start + batch);
    const head = await git.read('head', slice.map((path) => ({ path })));
    if (!head.ok) return head;
    slice.forEach((path, i) => {
      const bytes = head.value[i];
      if (bytes !== undefined) record({ path, status: 'usage', base: bytes, head: bytes });
    });
    options.onProgress?.(work.length + Math.min(start + batch, repriced.length), total);
  }

  const sorted = sortFiles(files);
  return {
    ok: true,
    report: {
      baseLabel: git.baseLabel,
      headLabel: git.headLabel,
      files: sorted,
      uncompared: uncompared.sort((a, b) => a.path.localeCompare(b.path)),
      ignoredFiles,
      unchangedFiles,
      usage: usage.value.report,
      monthHours: usage.value.head.monthHours ?? BUILTIN_DEFAULTS.monthHours,
      totals: diffTotals(sorted),
    },
  };
}

/** Paths inside the usage file's folder are seen relative to it (its globs are written that way); others as they are. */
export function globPathFor(usageRoot: string): (path: string) => string {
  const prefix = usageRoot.replace(/\/+$/, '');
  if (prefix === '') return (path) => path;
  return (path) => (path.startsWith(prefix + '/') ? path.slice(prefix.length + 1) : path);
}

function ref(path: string, id: string | undefined) {
  return id === undefined ? { path } : { path, id };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
