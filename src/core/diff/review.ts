// Every changed prompt and agent file between two sides, priced and sorted: what the CLI's `diff` prints and the
// editor's review view shows. Files whose blob ids match are neither read nor tokenized.
import type { PriceOverride } from '../pricing/overrides';
import type { Result } from '../result';
import { isPromptPath } from '../formats';
import { BUILTIN_DEFAULTS, type UsageDefaults } from '../usage/usageConfig';
import { companionsOf, dependentsOf, hasTextCompanions, textCompanionsOf } from './companions';
import type { FileComparison, FileVersions } from './compareFile';
import { compareJob, type CompareHook, type CompareJob, type SideData } from './compareJob';
import {
  gitOk,
  isUnreadable,
  type ChangedFile,
  type FileRef,
  type GitFailure,
  type GitOutcome,
  type GitSource,
  type Side,
  type SideContent,
} from './gitSource';
import { diffTotals, sortFiles } from './totals';
import type { DiffReport, FileDiff, UncomparedFile, UsagePricing } from './types';
import { loadUsageSides, type ExplicitUsage } from './usageSides';
import { uncomparedFile } from '../problems/uncomparedText';

export interface ReviewOptions {
  /** Repository path of the usage file, read at each side (e.g. ".burnrate.yaml"); absent: no usage file. */
  usageFile?: string;
  /** Default `each-side`: each side is priced with its own usage file; `base-for-both` is the CI gate's (a pull
   * request cannot re-price itself). */
  usagePricing?: Exclude<UsagePricing, 'explicit'>;
  /** A usage file named explicitly (CLI --config): prices both sides. */
  explicitUsage?: ExplicitUsage;
  /** Repository folder the usage file's globs are relative to ("" = the repository root). */
  usageRoot?: string;
  /** Repository path → the path format detection and globs see, when that is not a plain prefix strip (editor folders). */
  pathForGlobs?: (path: string) => string;
  /** Per-file choices that beat everything else (the editor's "set model for this file"), applied to both sides. */
  flagsFor?: (path: string) => UsageDefaults | undefined;
  settings?: UsageDefaults;
  settingsPrices?: readonly PriceOverride[];
  flags?: UsageDefaults;
  maxBytes?: number;
  extraGlobs?: string[];
  /** Files read and priced per step (progress is reported after each). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /** Where each file's comparison runs once both sides are read (default: here). It gets plain data — the editor
   * hands it to its worker, so no file in a diff blocks the extension host. */
  compare?: CompareHook;
}

export type ReviewOutcome = Result<DiffReport, GitFailure>;

/** One file to compare: where its bytes are at each side. */
interface Job {
  path: string;
  basePath?: string;
  status: FileVersions['status'];
  repricedBecause?: string;
  base?: FileRef;
  head?: FileRef;
  /** Unchanged bytes, re-priced: the base bytes are the head bytes. */
  sameBytes?: boolean;
  unmerged?: boolean;
}

const DEFAULT_BATCH = 200;

export async function review(git: GitSource, options: ReviewOptions = {}): Promise<ReviewOutcome> {
  const changes = await git.changes();
  if (!changes.ok) return changes;
  const usage = await loadUsageSides(
    git,
    options.usageFile,
    options.usagePricing ?? 'each-side',
    options.explicitUsage,
  );
  if (!usage.ok) return usage;

  const extraGlobs = options.extraGlobs ?? [];
  const globPath = options.pathForGlobs ?? globPathFor(options.usageRoot ?? '');
  const isPrompt = (path: string) => isPromptPath(globPath(path), extraGlobs);
  const side = (usageConfig: SideData['usage']): SideData => {
    const result: SideData = { usage: usageConfig };
    if (options.settings) result.settings = options.settings;
    if (options.settingsPrices) result.settingsPrices = options.settingsPrices;
    if (options.flags) result.flags = options.flags;
    if (options.maxBytes !== undefined) result.maxBytes = options.maxBytes;
    if (extraGlobs.length > 0) result.extraGlobs = extraGlobs;
    return result;
  };
  const inputs: JobInputs = {
    base: side(usage.value.base),
    head: side(usage.value.head),
    baseLabel: git.baseLabel,
    headLabel: git.headLabel,
  };
  const compare = options.compare ?? compareJob;

  // Under a changed usage file priced per side, equal bytes can still cost differently.
  const usageMatters = usage.value.report.changed && usage.value.report.pricing === 'each-side';
  let ignoredFiles = 0;
  let unchangedFiles = 0;
  const jobs: Job[] = [];
  for (const change of changes.value) {
    if (
      change.path === options.usageFile ||
      !(isPrompt(change.path) || (change.basePath !== undefined && isPrompt(change.basePath)))
    ) {
      ignoredFiles++;
    } else if (change.baseId !== undefined && change.baseId === change.headId && !usageMatters) {
      unchangedFiles++; // a mode change: same bytes, same cost
    } else {
      const job: Job = { path: change.path, status: change.status };
      if (change.basePath !== undefined) job.basePath = change.basePath;
      if (change.status !== 'added') job.base = ref(change.basePath ?? change.path, change.baseId);
      if (change.status !== 'deleted') job.head = ref(change.path, change.headId);
      if (change.unmerged) job.unmerged = true;
      jobs.push(job);
    }
  }

  const listed = new Set(changes.value.map((c) => c.path));
  const reprice = (path: string, because: string) => {
    if (listed.has(path) || path === options.usageFile || !isPrompt(path)) return;
    listed.add(path);
    jobs.push({ path, status: 'repriced', repricedBecause: because, head: { path }, sameBytes: true });
  };
  for (const job of [...jobs])
    for (const dependent of dependentsOf(job.path)) reprice(dependent, `the changed ${job.path}`);
  // promptfoo names its prompts (text files, chat JSON) in the config's text: an unchanged config that names a changed
  // file is re-priced, reading that file at each side.
  const named = changes.value.filter((c) => c.path !== options.usageFile && !hasTextCompanions(c.path));
  if (named.length > 0) {
    const referrers = await unchangedReferrers(git, named, listed, options.maxBytes);
    if (!referrers.ok) return referrers;
    for (const { path, names } of referrers.value) reprice(path, `the changed ${names.join(', ')}`);
  }
  if (usageMatters) {
    const files = await git.listFiles();
    if (!files.ok) return files;
    for (const path of files.value) reprice(path, `the changed ${usage.value.report.file ?? 'usage file'}`);
  }

  const files: FileDiff[] = [];
  const uncompared: UncomparedFile[] = [];
  const batch = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  for (let start = 0; start < jobs.length; start += batch) {
    if (options.isCancelled?.()) break;
    const slice = jobs.slice(start, start + batch);
    const read = await readBatch(git, slice, globPath, options.maxBytes);
    if (!read.ok) return read;
    const compared: Promise<{ job: Job; result: FileComparison }>[] = [];
    slice.forEach((job, i) => {
      const versions = read.value[i]!;
      if (job.status === 'repriced' && versions.head === undefined) return; // a dependent that does not exist
      if (job.unmerged && versions.head === undefined) {
        uncompared.push(uncomparedFile(job.path, undefined, 'error', { code: 'unmerged', head: git.headLabel }));
        return;
      }
      if (
        versions.base !== undefined &&
        versions.head !== undefined &&
        !usageMatters &&
        job.status !== 'repriced' &&
        sameBytes(versions.base, versions.head)
      ) {
        unchangedFiles++;
        return;
      }
      const data = jobOf(versions, inputs, globPath, options.flagsFor?.(job.path));
      compared.push(Promise.resolve(compare(data)).then((result) => ({ job, result })));
    });
    for (const { job, result } of await Promise.all(compared)) {
      if (result.kind === 'diff') files.push(result.diff);
      else if (result.kind === 'uncompared') uncompared.push(result.file);
      else if (result.kind === 'unchanged') unchangedFiles += job.status === 'repriced' ? 0 : 1;
      else ignoredFiles++;
    }
    options.onProgress?.(Math.min(start + batch, jobs.length), jobs.length);
  }

  const sorted = sortFiles(files);
  return gitOk({
    baseLabel: git.baseLabel,
    headLabel: git.headLabel,
    files: sorted,
    uncompared: uncompared.sort((a, b) => a.path.localeCompare(b.path)),
    ignoredFiles,
    unchangedFiles,
    usage: usage.value.report,
    monthHours: usage.value.head.monthHours ?? BUILTIN_DEFAULTS.monthHours,
    totals: diffTotals(sorted),
  });
}

type Versions = FileVersions & {
  companions: { base: Map<string, Uint8Array | undefined>; head: Map<string, Uint8Array | undefined> };
};

/** Companions that may not be read count as absent. */
function bytesOf(content: SideContent): Uint8Array | undefined {
  return isUnreadable(content) ? undefined : content;
}

/** Reads a batch's files and their companions with one call per side. */
async function readBatch(
  git: GitSource,
  jobs: readonly Job[],
  globPath: (path: string) => string,
  maxBytes: number | undefined,
): Promise<GitOutcome<Versions[]>> {
  const wanted: Record<Side, FileRef[]> = { base: [], head: [] };
  const slot = (side: Side, file: FileRef) => wanted[side].push(file) - 1;
  const plans = jobs.map((job) => {
    const baseCompanions = job.base || job.sameBytes ? companionsOf(job.basePath ?? job.path) : [];
    const headCompanions = job.head ? companionsOf(job.path) : [];
    return {
      base: job.base ? slot('base', job.base) : undefined,
      head: job.head ? slot('head', job.head) : undefined,
      baseCompanions: baseCompanions.map((path) => ({ path, at: slot('base', { path }) })),
      headCompanions: headCompanions.map((path) => ({ path, at: slot('head', { path }) })),
    };
  });
  const [base, head] = await Promise.all([git.read('base', wanted.base), git.read('head', wanted.head)]);
  if (!base.ok) return base;
  if (!head.ok) return head;
  const value: Versions[] = jobs.map((job, i): Versions => {
    const plan = plans[i]!;
    const versions: Versions = { path: job.path, status: job.status, companions: { base: new Map(), head: new Map() } };
    if (job.basePath !== undefined) versions.basePath = job.basePath;
    if (job.repricedBecause !== undefined) versions.repricedBecause = job.repricedBecause;
    const headBytes = plan.head === undefined ? undefined : head.value[plan.head];
    const baseBytes = job.sameBytes ? headBytes : plan.base === undefined ? undefined : base.value[plan.base];
    if (baseBytes !== undefined) versions.base = baseBytes;
    if (headBytes !== undefined) versions.head = headBytes;
    for (const c of plan.baseCompanions) versions.companions.base.set(globPath(c.path), bytesOf(base.value[c.at]));
    for (const c of plan.headCompanions) versions.companions.head.set(globPath(c.path), bytesOf(head.value[c.at]));
    return versions;
  });
  const named = await readTextCompanions(git, jobs, value, globPath, maxBytes);
  return named.ok ? gitOk(value) : named;
}

/** Companions only a file's text names (a promptfoo config's `file://` prompts): read at the side of that text. */
async function readTextCompanions(
  git: GitSource,
  jobs: readonly Job[],
  value: Versions[],
  globPath: (path: string) => string,
  maxBytes: number | undefined,
): Promise<GitOutcome<void>> {
  const wanted: Record<Side, string[]> = { base: [], head: [] };
  const plans = jobs.map((job, i) => {
    const versions = value[i]!;
    if (!hasTextCompanions(job.path) && !(job.basePath !== undefined && hasTextCompanions(job.basePath)))
      return undefined;
    // A re-priced config is the same text at both sides; the files it names are read at each.
    // Read where the review runs (before any compare hook): bounded by the size limit, as every other read is.
    const base = textCompanionsOf(job.basePath ?? job.path, versions.base, maxBytes);
    const head = textCompanionsOf(job.path, versions.head, maxBytes);
    wanted.base.push(...base);
    wanted.head.push(...head);
    return { base, head };
  });
  if (wanted.base.length === 0 && wanted.head.length === 0) return gitOk(undefined);
  const read = async (side: Side) =>
    wanted[side].length === 0
      ? gitOk<SideContent[]>([])
      : git.read(
          side,
          wanted[side].map((path) => ({ path })),
        );
  const [base, head] = await Promise.all([read('base'), read('head')]);
  if (!base.ok) return base;
  if (!head.ok) return head;
  const next: Record<Side, number> = { base: 0, head: 0 };
  plans.forEach((plan, i) => {
    if (!plan) return;
    const versions = value[i]!;
    for (const path of plan.base) versions.companions.base.set(globPath(path), bytesOf(base.value[next.base++]));
    for (const path of plan.head) versions.companions.head.set(globPath(path), bytesOf(head.value[next.head++]));
  });
  return gitOk(undefined);
}

/** Files at the head side, not already compared, whose text names one of the changed files as a companion. */
async function unchangedReferrers(
  git: GitSource,
  changed: readonly ChangedFile[],
  listed: ReadonlySet<string>,
  maxBytes: number | undefined,
): Promise<GitOutcome<{ path: string; names: string[] }[]>> {
  const files = await git.listFiles();
  if (!files.ok) return files;
  const candidates = files.value.filter((path) => !listed.has(path) && hasTextCompanions(path));
  if (candidates.length === 0) return gitOk([]);
  const read = await git.read(
    'head',
    candidates.map((path) => ({ path })),
  );
  if (!read.ok) return read;
  const changedPaths = new Set(changed.flatMap((c) => (c.basePath !== undefined ? [c.path, c.basePath] : [c.path])));
  const found: { path: string; names: string[] }[] = [];
  candidates.forEach((path, i) => {
    const names = textCompanionsOf(path, read.value[i], maxBytes).filter((name) => changedPaths.has(name));
    if (names.length > 0) found.push({ path, names });
  });
  return gitOk(found);
}

/** What every file of a review is compared with: both sides' options and the sides' names. */
interface JobInputs {
  base: SideData;
  head: SideData;
  baseLabel: string;
  headLabel: string;
}

/** A file read at both sides, as plain data; per-file choices (the editor's "set model for this file") beat the rest. */
function jobOf(
  versions: Versions,
  inputs: JobInputs,
  globPath: (path: string) => string,
  flags: UsageDefaults | undefined,
): CompareJob {
  const { companions, ...fileVersions } = versions;
  const paths = new Set([versions.path, versions.basePath ?? versions.path]);
  const withFlags = (side: SideData): SideData => (flags ? { ...side, flags: { ...side.flags, ...flags } } : side);
  return {
    versions: fileVersions,
    base: withFlags(inputs.base),
    head: withFlags(inputs.head),
    globPaths: [...paths].map((path) => [path, globPath(path)]),
    companions: { base: [...companions.base], head: [...companions.head] },
    baseLabel: inputs.baseLabel,
    headLabel: inputs.headLabel,
  };
}

/** Paths inside the usage file's folder are seen relative to it (its globs are written that way); others as they are. */
export function globPathFor(usageRoot: string): (path: string) => string {
  const prefix = usageRoot.replace(/\/+$/, '');
  if (prefix === '') return (path) => path;
  return (path) => (path.startsWith(prefix + '/') ? path.slice(prefix.length + 1) : path);
}

function ref(path: string, id: string | undefined): FileRef {
  return id === undefined ? { path } : { path, id };
}

function sameBytes(a: Uint8Array | SideContent, b: Uint8Array | SideContent): boolean {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return false;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
