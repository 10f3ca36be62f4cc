// The cost history as plain JSON: what `burnrate history --json` prints and what the editor's chart draws, so the two
// cannot disagree about a point.
import type { CostHistory, HistoryPoint } from './buildHistory';
import type { RuntimePoint, RuntimeSeries } from './runtimeSeries';

export interface HistoryPointJson {
  commit: string;
  date: string;
  author: string;
  subject: string;
  status: HistoryPoint['status'];
  path: string;
  oldPath?: string;
  cost: HistoryPoint['cost']['kind'];
  inputTokens: number | null;
  exact: boolean | null;
  perRunUsd: number | null;
  perMonthUsd: number | null;
  deltaPerMonthUsd: number | null;
  deltaTokens: number | null;
  reason?: string;
}

export function historyJson(history: CostHistory, runtimes?: readonly RuntimeSeries[]) {
  return {
    ...(runtimes
      ? { runtimes: runtimes.map((r) => ({ id: r.id, name: r.name, points: r.points.map(runtimePointJson) })) }
      : {}),
    files: history.files.map((file) => ({ path: file.path, points: file.points.map(pointJson) })),
    total: history.total.map((t) => ({
      commit: t.commit,
      date: t.date,
      subject: t.subject,
      perMonthUsd: t.perMonth,
      exact: t.exact,
      unknownFiles: t.unknown,
      deltaPerMonthUsd: t.deltaPerMonth,
    })),
  };
}

function runtimePointJson(point: RuntimePoint) {
  return {
    commit: point.commit,
    date: point.date,
    subject: point.subject,
    inputTokens: point.inputTokens,
    exact: point.exact,
    perMonthUsd: point.perMonthUsd ?? null,
    deltaTokens: point.deltaTokens,
    deltaPerMonthUsd: point.deltaPerMonthUsd ?? null,
  };
}

export function pointJson(point: HistoryPoint): HistoryPointJson {
  const cost = point.cost;
  return {
    commit: point.commit,
    date: point.date,
    author: point.author,
    subject: point.subject,
    status: point.status,
    path: point.path,
    ...(point.oldPath ? { oldPath: point.oldPath } : {}),
    cost: cost.kind,
    inputTokens: cost.kind === 'priced' || cost.kind === 'unpriced' ? cost.inputTokens : null,
    exact: cost.kind === 'priced' || cost.kind === 'unpriced' ? cost.exact : null,
    perRunUsd: cost.kind === 'priced' ? (cost.perRun ?? null) : null,
    perMonthUsd: cost.kind === 'priced' ? cost.perMonth : cost.kind === 'deleted' ? 0 : null,
    deltaPerMonthUsd: point.deltaPerMonth ?? null,
    deltaTokens: point.deltaTokens ?? null,
    ...(cost.kind === 'unpriced' || cost.kind === 'unreadable' ? { reason: cost.reason } : {}),
  };
}
