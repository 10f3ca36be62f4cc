// Timelines + the bytes of each version → the cost history: each file's points with their change from the previous
// point, and the workspace total after every commit that changed any tracked file.
import { totals } from '../estimate/totals';
import type { UsageConfig } from '../usage/usageConfig';
import type { FileTimeline } from './fileTimelines';
import type { LoggedCommit } from './logRecords';
import { versionCost, type VersionCost } from './versionCost';

export interface HistoryPoint {
  commit: string;
  date: string;
  author: string;
  subject: string;
  status: FileTimeline['points'][number]['status'];
  path: string;
  oldPath?: string;
  cost: VersionCost;
  /** Change in $/month from the previous priced point of this file (from 0 for the first); absent when either is unknown. */
  deltaPerMonth?: number;
  deltaTokens?: number;
}

export interface FileHistory {
  path: string;
  points: HistoryPoint[];
}

export interface TotalPoint {
  commit: string;
  date: string;
  subject: string;
  /** Sum over tracked files alive at this commit; `unknown` counts files whose cost is unknown there. */
  perMonth: number;
  /** False when any summed figure is an estimate (≈). */
  exact: boolean;
  unknown: number;
  deltaPerMonth: number;
}

export interface HistoryInputs {
  /** Oldest first. */
  commits: readonly LoggedCommit[];
  timelines: readonly FileTimeline[];
  /** The bytes of `path` at `commit`, read beforehand in one batch. */
  blobAt: (commit: string, path: string) => Uint8Array | undefined;
  /** A companion file (CrewAI agents.yaml beside tasks.yaml) at this commit, read in the same batch. */
  companionAt?: (commit: string, repoPath: string) => Uint8Array | undefined;
  /** The usage file that prices the file at this commit (today's, or the commit's own). */
  usageAt: (commit: string) => UsageConfig;
  relativePath: (repoPath: string) => string;
  maxBytes?: number;
}

export interface CostHistory {
  files: FileHistory[];
  total: TotalPoint[];
}

export function buildHistory(inputs: HistoryInputs): CostHistory {
  const files = inputs.timelines.map((timeline) => fileHistory(timeline, inputs));
  return { files, total: totalSeries(files, inputs.commits) };
}

function fileHistory(timeline: FileTimeline, inputs: HistoryInputs): FileHistory {
  let previous: VersionCost = { kind: 'deleted' };
  const points = timeline.points.map((point): HistoryPoint => {
    const logged = inputs.commits[point.commitIndex]!;
    const cost: VersionCost =
      point.status === 'deleted'
        ? { kind: 'deleted' }
        : versionCost(inputs.blobAt(logged.commit, point.path), {
            relativePath: inputs.relativePath(point.path),
            usage: inputs.usageAt(logged.commit),
            ...(inputs.maxBytes !== undefined ? { maxBytes: inputs.maxBytes } : {}),
            ...(inputs.companionAt ? { readCompanion: companionReaderAt(inputs, logged.commit, point.path) } : {}),
          });
    const delta = deltaBetween(previous, cost);
    previous = cost;
    return {
      commit: logged.commit,
      date: logged.date,
      author: logged.author,
      subject: logged.subject,
      status: point.status,
      path: point.path,
      ...(point.oldPath ? { oldPath: point.oldPath } : {}),
      cost,
      ...delta,
    };
  });
  return { path: timeline.path, points };
}

/** The engine asks for companions by workspace-relative path; git has them by repository path. */
function companionReaderAt(inputs: HistoryInputs, commit: string, repoPath: string) {
  const relative = inputs.relativePath(repoPath);
  const prefix = repoPath.slice(0, repoPath.length - relative.length);
  return (companion: string) => inputs.companionAt!(commit, prefix + companion);
}

function deltaBetween(before: VersionCost, after: VersionCost): { deltaPerMonth?: number; deltaTokens?: number } {
  const month = (c: VersionCost) => (c.kind === 'priced' ? c.perMonth : c.kind === 'deleted' ? 0 : undefined);
  const tokens = (c: VersionCost) =>
    c.kind === 'priced' || c.kind === 'unpriced' ? c.inputTokens : c.kind === 'deleted' ? 0 : undefined;
  const result: { deltaPerMonth?: number; deltaTokens?: number } = {};
  const [m0, m1, t0, t1] = [month(before), month(after), tokens(before), tokens(after)];
  if (m0 !== undefined && m1 !== undefined) result.deltaPerMonth = m1 - m0;
  if (t0 !== undefined && t1 !== undefined) result.deltaTokens = t1 - t0;
  return result;
}

/**
 * The total after each commit is summed from every live file's latest estimates through `totals`, the same sum
 * `burnrate estimate` prints, so a CrewAI agents file is not counted beside the tasks that run it.
 */
function totalSeries(files: readonly FileHistory[], commits: readonly LoggedCommit[]): TotalPoint[] {
  const byCommit = new Map<string, { file: number; cost: VersionCost }[]>();
  files.forEach((file, index) => {
    for (const point of file.points) {
      const list = byCommit.get(point.commit) ?? [];
      list.push({ file: index, cost: point.cost });
      byCommit.set(point.commit, list);
    }
  });
  const latest = new Map<number, VersionCost>();
  const series: TotalPoint[] = [];
  let before = 0;
  for (const logged of commits) {
    const changed = byCommit.get(logged.commit);
    if (!changed) continue;
    for (const { file, cost } of changed) latest.set(file, cost);
    const live = [...latest.values()];
    const sum = totals(live.flatMap((c) => (c.kind === 'priced' ? c.estimates : [])));
    const perMonth = sum.perMonth;
    const unknown = live.filter((c) => c.kind === 'unpriced' || c.kind === 'unreadable').length;
    series.push({
      commit: logged.commit,
      date: logged.date,
      subject: logged.subject,
      perMonth,
      exact: sum.exact,
      unknown,
      deltaPerMonth: perMonth - before,
    });
    before = perMonth;
  }
  return series;
}
