// One file's comparison as plain data (structured-cloneable: no callbacks): what review() builds for each changed file
// once both sides' bytes are read, so a shell can run the comparison elsewhere — the editor runs it in its worker,
// within a time budget, so that no file in a diff keeps the extension host from answering.
import type { Uncompared } from '../problems/uncompared';
import { uncomparedFile } from '../problems/uncomparedText';
import { companionReader } from './companions';
import { compareFile, type FileComparison, type FileVersions, type SideOptions } from './compareFile';

/** A side's options without the engine's callbacks (the companion reader is rebuilt from `companions`). */
export type SideData = Omit<SideOptions, 'counter' | 'readCompanion' | 'runtimes'>;

export interface CompareJob {
  versions: FileVersions;
  base: SideData;
  head: SideData;
  /** The path format detection and the usage file's globs see, for the file's path at each side. */
  globPaths: [string, string][];
  /** Companion files read at each side, by the path the engine asks for; both empty: the file has none. */
  companions: { base: [string, Uint8Array | undefined][]; head: [string, Uint8Array | undefined][] };
  baseLabel?: string;
  headLabel?: string;
}

/** Where a job is compared: here (the CLI) or elsewhere (the editor's worker). Never throws for bad input. */
export type CompareHook = (job: CompareJob) => Promise<FileComparison> | FileComparison;

/** Compares a job here: the same comparison review() runs when it is given no hook. */
export function compareJob(job: CompareJob): FileComparison {
  const globPaths = new Map(job.globPaths);
  const withReader = job.companions.base.length > 0 || job.companions.head.length > 0;
  const side = (options: SideData, companions: [string, Uint8Array | undefined][]): SideOptions =>
    withReader ? { ...options, readCompanion: companionReader(new Map(companions)) } : options;
  return compareFile(job.versions, {
    base: side(job.base, job.companions.base),
    head: side(job.head, job.companions.head),
    globPath: (path) => globPaths.get(path) ?? path,
    ...(job.baseLabel !== undefined ? { baseLabel: job.baseLabel } : {}),
    ...(job.headLabel !== undefined ? { headLabel: job.headLabel } : {}),
  });
}

/**
 * A job the shell gave up on after `seconds` (the editor's per-file budget): not compared — an error like a file over
 * the size limit, since a review that counted it as $0 would hide whatever it grew by.
 */
export function notComparedInTime(job: CompareJob, seconds: number): FileComparison {
  return notCompared(job, { code: 'not-compared-in-time', seconds });
}

/** A job whose comparison failed in the shell (a worker that stopped): not compared, with why. */
export function compareFailed(job: CompareJob, error: string): FileComparison {
  return notCompared(job, { code: 'compare-failed', error });
}

function notCompared(job: CompareJob, cause: Uncompared): FileComparison {
  return { kind: 'uncompared', file: uncomparedFile(job.versions.path, job.versions.basePath, 'error', cause) };
}
