// The one message protocol between the cost history panel's host (src/extension/history) and its webview app
// (src/webview/history). Both sides import these unions; what crosses the boundary is checked by the parse functions,
// because postMessage hands over `any`. The webview speaks first (`ready`). Commit messages and author names in these
// messages are anyone's text: the webview only ever puts them in textContent or Chart.js's canvas.
import type { HistoryPointJson } from '../../core/history/historyJson';

export const HISTORY_VIEW_TYPE = 'burnrate.costHistory';

/** One point of the chart: the CLI's JSON point (`burnrate history --json`) and whether the step is marked. */
export interface ChartPoint extends HistoryPointJson {
  marked: boolean;
}

export interface HistoryView {
  /** Workspace-relative path of the file. */
  file: string;
  points: ChartPoint[];
  commitsRead: number;
  limited: boolean;
  pricedWith: string;
  thresholdPercent: number;
}

/** What the webview reports after drawing: read back by tests and returned by the command. */
export interface RenderedHistory {
  file: string;
  points: {
    commit: string;
    perMonthUsd: number | null;
    deltaPerMonthUsd: number | null;
    inputTokens: number | null;
    marked: boolean;
  }[];
  /** The tooltip lines of each point, as Chart.js is given them. */
  tooltips: string[][];
  /** Rows in the table under the chart. */
  rows: number;
  /** Share of the chart canvas with paint on it (0 when no chart could be drawn). */
  chartInk: number;
  cspViolations: string[];
}

export type HistoryHostMessage =
  | { type: 'show'; view: HistoryView }
  | { type: 'failed'; file: string; message: string }
  /** Acts as a click on point `index` (a test's way to click). */
  | { type: 'clickPoint'; index: number };

export type HistoryWebviewMessage =
  | { type: 'ready' }
  | { type: 'openDiff'; commit: string }
  | { type: 'rendered'; summary: RenderedHistory }
  | { type: 'webviewError'; message: string };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** A message from the webview, or undefined for anything else (the webview is a web page: never trusted blindly). */
export function parseHistoryWebviewMessage(data: unknown): HistoryWebviewMessage | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openDiff':
      return isString(data.commit) && /^[0-9a-f]{40,64}$/.test(data.commit)
        ? { type: 'openDiff', commit: data.commit }
        : undefined;
    case 'rendered':
      return isObject(data.summary) && Array.isArray(data.summary.points) && Array.isArray(data.summary.tooltips)
        ? { type: 'rendered', summary: data.summary as unknown as RenderedHistory }
        : undefined;
    case 'webviewError':
      return isString(data.message) ? { type: 'webviewError', message: data.message } : undefined;
    default:
      return undefined;
  }
}

/** A message from the host. Its payloads come from our own extension, so only the envelope is checked. */
export function parseHistoryHostMessage(data: unknown): HistoryHostMessage | undefined {
  if (!isObject(data)) return undefined;
  if (data.type === 'show')
    return isObject(data.view) && Array.isArray(data.view.points) ? (data as unknown as HistoryHostMessage) : undefined;
  if (data.type === 'failed')
    return isString(data.message) && isString(data.file) ? (data as unknown as HistoryHostMessage) : undefined;
  if (data.type === 'clickPoint')
    return typeof data.index === 'number' ? { type: 'clickPoint', index: data.index } : undefined;
  return undefined;
}
