// The cost history panel's app: draws the chart and a table of the same points, opens a point's diff on click (the
// host decides what that opens), and reports what it drew. Every value from git goes through textContent.
import { signedUsd, usd } from '../../core/present/money';
import type { ChartHandle } from '../charts';
import { el, fill } from '../dom';
import { chartColors } from '../theme';
import { historySpec, tooltipLines, type HistorySpec } from './historyChart';
import {
  parseHistoryHostMessage,
  type HistoryView,
  type HistoryWebviewMessage,
  type RenderedHistory,
} from './protocol';

export interface HistoryWebviewApi {
  postMessage(message: HistoryWebviewMessage): void;
}

export type HistoryChartFactory = (canvas: HTMLCanvasElement, spec: HistorySpec) => ChartHandle | undefined;

export interface HistoryAppDeps {
  api: HistoryWebviewApi;
  document: Document;
  mount: HTMLElement;
  chart: HistoryChartFactory;
  cspViolations: () => string[];
}

export class HistoryApp {
  private view: HistoryView | undefined;
  private chart: ChartHandle | undefined;

  constructor(private readonly deps: HistoryAppDeps) {}

  start(): void {
    this.deps.api.postMessage({ type: 'ready' });
  }

  receive(data: unknown): void {
    const message = parseHistoryHostMessage(data);
    if (!message) return;
    if (message.type === 'show') this.show(message.view);
    else if (message.type === 'failed') this.failed(message.file, message.message);
    else this.pick(message.index);
  }

  private pick(index: number): void {
    const point = this.view?.points[index];
    if (point) this.deps.api.postMessage({ type: 'openDiff', commit: point.commit });
  }

  private failed(file: string, message: string): void {
    const doc = this.deps.document;
    this.chart?.destroy();
    this.chart = undefined;
    this.view = undefined;
    fill(
      this.deps.mount,
      el(doc, 'h1', { text: `Cost history: ${file}` }),
      el(doc, 'p', { className: 'problem', text: message }),
    );
    this.deps.mount.setAttribute('aria-busy', 'false');
    this.report({ file, points: [], tooltips: [], rows: 0, chartInk: 0, cspViolations: this.deps.cspViolations() });
  }

  private show(view: HistoryView): void {
    const doc = this.deps.document;
    this.view = view;
    this.chart?.destroy();
    const scope = view.limited ? `the newest ${view.commitsRead} commits` : `${view.commitsRead} commits`;
    const marked = view.points.filter((p) => p.marked).length;
    const canvas = el(doc, 'canvas', {
      attrs: { role: 'img', 'aria-label': `$/month of ${view.file} at each commit that changed it` },
    });
    const rows = view.points.map((point, index) => {
      const month =
        point.perMonthUsd === null
          ? point.cost === 'unpriced'
            ? 'no price'
            : '?'
          : `${point.exact === false ? '≈' : ''}${usd(point.perMonthUsd)}`;
      const row = el(
        doc,
        'tr',
        { className: point.marked ? 'marked' : '' },
        el(doc, 'td', { text: point.date.slice(0, 10) }),
        el(
          doc,
          'td',
          {},
          el(doc, 'button', {
            className: 'commit',
            text: point.commit.slice(0, 7),
            attrs: { type: 'button', title: 'Open the diff of this commit' },
          }),
        ),
        el(doc, 'td', { text: point.author }),
        el(doc, 'td', { className: 'number', text: month }),
        el(doc, 'td', {
          className: 'number',
          text:
            point.deltaPerMonthUsd === null ? '?' : `${signedUsd(point.deltaPerMonthUsd)}${point.marked ? ' ▲' : ''}`,
        }),
        el(doc, 'td', { text: point.subject }),
      );
      row.querySelector('button')?.addEventListener('click', () => this.pick(index));
      return row;
    });
    const header = el(
      doc,
      'tr',
      {},
      ...['date', 'commit', 'author', '$/month', 'change', 'message'].map((t) => el(doc, 'th', { text: t })),
    );
    fill(
      this.deps.mount,
      el(doc, 'h1', { text: `Cost history: ${view.file}` }),
      el(doc, 'p', {
        className: 'summary',
        text: `${view.points.length} point${view.points.length === 1 ? '' : 's'} over ${scope}; priced with ${view.pricedWith}. ▲ marks a step over +${view.thresholdPercent}% (${marked} here). Click a point to open its diff.`,
      }),
      view.points.length === 0
        ? el(doc, 'p', {
            text: 'No commit in range changed this file (or it is not a prompt or agent file Burnrate reads).',
          })
        : undefined,
      el(doc, 'div', { className: 'chart' }, canvas),
      el(doc, 'table', {}, el(doc, 'thead', {}, header), el(doc, 'tbody', {}, ...rows)),
    );
    this.deps.mount.setAttribute('aria-busy', 'false');
    this.chart =
      view.points.length > 0
        ? this.deps.chart(
            canvas,
            historySpec(view.points, chartColors(doc), (index) => this.pick(index)),
          )
        : undefined;
    this.report({
      file: view.file,
      points: view.points.map((p) => ({
        commit: p.commit,
        perMonthUsd: p.perMonthUsd,
        deltaPerMonthUsd: p.deltaPerMonthUsd,
        inputTokens: p.inputTokens,
        marked: p.marked,
      })),
      tooltips: view.points.map(tooltipLines),
      rows: rows.length,
      chartInk: this.chart?.ink() ?? 0,
      cspViolations: this.deps.cspViolations(),
    });
  }

  private report(summary: RenderedHistory): void {
    this.deps.api.postMessage({ type: 'rendered', summary });
  }
}
