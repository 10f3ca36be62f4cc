// Each agent runtime's per-request overhead (system prompt, tools, always-on files, skill and subagent listings) at
// every commit that changed a file a runtime loads: the same context `burnrate context` builds, over a snapshot of the
// runtime files as they were at that commit. A file outside the runtime paths (CLAUDE.md's @import of a doc) is read
// at the commit itself through `otherAt`; the reads it could not answer are listed in `misses`, so the caller can
// read them in one more batch and run again.
import { decodeText } from '../formats/decode';
import { skipText } from '../problems/skipText';
import { err, ok } from '../result';
import { buildWorkspaceContext, type WorkspaceSnapshot } from '../runtimes/context';
import { isRuntimePath } from '../runtimes/loading';
import type { UsageConfig } from '../usage/usageConfig';
import type { LoggedCommit } from './logRecords';

export interface RuntimePoint {
  commit: string;
  date: string;
  subject: string;
  inputTokens: number;
  exact: boolean;
  /** Absent when the runtime's model has no price. */
  perMonthUsd?: number;
  deltaTokens: number;
  deltaPerMonthUsd?: number;
}

export interface RuntimeSeries {
  id: string;
  name: string;
  points: RuntimePoint[];
}

export interface RuntimeHistoryInputs {
  /** Oldest first. */
  commits: readonly LoggedCommit[];
  /** Repository paths that existed before the first commit, read at `initialCommit`. */
  initial?: { commit: string; paths: readonly string[] };
  /** Repository path → workspace-relative path, or undefined outside the workspace. */
  relativePath: (repoPath: string) => string | undefined;
  blobAt: (commit: string, repoPath: string) => Uint8Array | undefined;
  usage: UsageConfig;
  maxBytes?: number;
  /** A workspace file that is not a runtime file, at a commit: bytes, `null` when absent there, undefined when not read. */
  otherAt?: (commit: string, relativePath: string) => Uint8Array | null | undefined;
}

export interface RuntimeHistory {
  series: RuntimeSeries[];
  /** Other files the contexts asked for that `otherAt` did not have: `commit:relativePath`. */
  misses: { commit: string; relativePath: string }[];
}

/** The `commit:path` names `runtimeSeries` will read: each runtime file where it was last changed. */
export function runtimeVersionNames(
  inputs: Pick<RuntimeHistoryInputs, 'commits' | 'initial' | 'relativePath'>,
): string[] {
  const names: string[] = [];
  const wanted = (repoPath: string) => {
    const relative = inputs.relativePath(repoPath);
    return relative !== undefined && isRuntimePath(relative);
  };
  for (const repoPath of inputs.initial?.paths ?? [])
    if (wanted(repoPath)) names.push(`${inputs.initial!.commit}:${repoPath}`);
  for (const logged of inputs.commits) {
    for (const change of logged.changes)
      if (change.status !== 'deleted' && wanted(change.path)) names.push(`${logged.commit}:${change.path}`);
  }
  return names;
}

export function runtimeSeries(inputs: RuntimeHistoryInputs): RuntimeHistory {
  /** Live runtime files: repository path → the commit whose version it has. */
  const live = new Map<string, string>();
  const wanted = (repoPath: string) => {
    const relative = inputs.relativePath(repoPath);
    return relative !== undefined && isRuntimePath(relative);
  };
  for (const repoPath of inputs.initial?.paths ?? []) if (wanted(repoPath)) live.set(repoPath, inputs.initial!.commit);
  const series = new Map<string, RuntimeSeries>();
  const misses: RuntimeHistory['misses'] = [];
  for (const logged of inputs.commits) {
    let changed = false;
    for (const change of logged.changes) {
      if (change.oldPath !== undefined && change.status === 'renamed' && live.delete(change.oldPath)) changed = true;
      if (!wanted(change.path)) continue;
      changed = true;
      if (change.status === 'deleted') live.delete(change.path);
      else live.set(change.path, logged.commit);
    }
    if (!changed) continue;
    const context = buildWorkspaceContext(snapshotOf(live, inputs, logged.commit, misses), {
      usage: inputs.usage,
      overrides: inputs.usage.runtimes ? [inputs.usage.runtimes] : [],
      ...(inputs.maxBytes !== undefined ? { maxBytes: inputs.maxBytes } : {}),
    });
    for (const runtime of context.runtimes) {
      const entry = series.get(runtime.id) ?? { id: runtime.id, name: runtime.name, points: [] };
      series.set(runtime.id, entry);
      const previous = entry.points[entry.points.length - 1];
      const perMonth = runtime.perRequest.perMonthUsd;
      entry.points.push({
        commit: logged.commit,
        date: logged.date,
        subject: logged.subject,
        inputTokens: runtime.perRequest.inputTokens,
        exact: runtime.perRequest.exact,
        ...(perMonth !== undefined ? { perMonthUsd: perMonth } : {}),
        deltaTokens: runtime.perRequest.inputTokens - (previous?.inputTokens ?? 0),
        ...(perMonth !== undefined && (previous === undefined || previous.perMonthUsd !== undefined)
          ? { deltaPerMonthUsd: perMonth - (previous?.perMonthUsd ?? 0) }
          : {}),
      });
    }
  }
  return { series: [...series.values()], misses };
}

function snapshotOf(
  live: ReadonlyMap<string, string>,
  inputs: RuntimeHistoryInputs,
  commit: string,
  misses: RuntimeHistory['misses'],
): WorkspaceSnapshot {
  const byRelative = new Map<string, string>();
  for (const [repoPath, commit] of live) {
    const relative = inputs.relativePath(repoPath);
    if (relative !== undefined) byRelative.set(relative, `${commit}\0${repoPath}`);
  }
  return {
    paths: [...byRelative.keys()],
    skipped: [],
    read: (relative) => {
      const at = byRelative.get(relative);
      let bytes: Uint8Array | null | undefined;
      if (at === undefined) {
        bytes = inputs.otherAt?.(commit, relative);
        if (bytes === undefined) {
          misses.push({ commit, relativePath: relative });
          return err({ code: 'unreadable', reason: 'not read by the history yet' });
        }
      } else {
        const [changedAt, repoPath] = at.split('\0') as [string, string];
        bytes = inputs.blobAt(changedAt, repoPath);
      }
      if (!bytes) return err({ code: 'unreadable', reason: 'not a file at this commit' });
      const decoded = decodeText(bytes, inputs.maxBytes);
      return decoded.ok ? ok(decoded.value.text) : err({ code: 'unreadable', reason: skipText(decoded.error) });
    },
  };
}
