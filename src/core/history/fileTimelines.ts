// Commits (oldest first) → one timeline per file, following renames: a file renamed from a.md to b.md is one
// timeline whose later points read b.md. Only paths `isTracked` accepts get timelines.
import type { ChangeStatus, LoggedCommit } from './logRecords';

export interface TimelinePoint {
  /** Index into the commits list. */
  commitIndex: number;
  status: ChangeStatus;
  /** The file's path at this commit (its last path before a deletion). */
  path: string;
  oldPath?: string;
}

export interface FileTimeline {
  /** The file's newest path. */
  path: string;
  points: TimelinePoint[];
}

export function fileTimelines(commits: readonly LoggedCommit[], isTracked: (path: string) => boolean): FileTimeline[] {
  const timelines: FileTimeline[] = [];
  const current = new Map<string, FileTimeline>();
  commits.forEach((logged, commitIndex) => {
    for (const change of logged.changes) {
      const previous =
        change.status === 'renamed' && change.oldPath !== undefined ? current.get(change.oldPath) : undefined;
      if (previous) current.delete(change.oldPath!);
      const wanted = isTracked(change.path) || previous !== undefined;
      if (!wanted) continue;
      let timeline = previous ?? current.get(change.path);
      if (!timeline) {
        timeline = { path: change.path, points: [] };
        timelines.push(timeline);
      }
      timeline.path = change.path;
      timeline.points.push({
        commitIndex,
        status: change.status,
        path: change.path,
        ...(change.oldPath ? { oldPath: change.oldPath } : {}),
      });
      if (change.status === 'deleted') current.delete(change.path);
      else current.set(change.path, timeline);
    }
  });
  return timelines;
}
