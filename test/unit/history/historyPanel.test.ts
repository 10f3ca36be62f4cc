// The cost history chart's pure parts and its webview app in jsdom: which steps are marked, the tooltip lines, the
// protocol's checks of what the webview sends, and the app drawing a history with hostile commit text as text.
import * as assert from 'assert';
import { JSDOM } from 'jsdom';
import { isMarkedStep } from '../../../src/core/history/markedSteps';
import { historySpec, tooltipLines, type HistorySpec } from '../../../src/webview/history/historyChart';
import { HistoryApp } from '../../../src/webview/history/historyApp';
import {
  parseHistoryWebviewMessage,
  type ChartPoint,
  type HistoryWebviewMessage,
  type RenderedHistory,
} from '../../../src/webview/history/protocol';
import { chartColors } from '../../../src/webview/theme';

const HASH = (digit: string) => digit.repeat(40);

function point(overrides: Partial<ChartPoint> = {}): ChartPoint {
  return {
    commit: HASH('a'),
    date: '2026-11-02T10:00:00+00:00',
    author: 'Ann',
    subject: 'grow the prompt',
    status: 'modified',
    path: 'prompts/a.md',
    cost: 'priced',
    inputTokens: 120,
    exact: true,
    perRunUsd: 0.0003,
    perMonthUsd: 9,
    deltaPerMonthUsd: 3,
    deltaTokens: 40,
    marked: false,
    ...overrides,
  };
}

describe('cost history: marked steps', () => {
  it('marks a rise over the threshold, not one at or under it, nor a fall, nor a first version from $0', () => {
    assert.strictEqual(isMarkedStep({ perMonthUsd: 12.5, deltaPerMonthUsd: 2.5 }, 20), true); // 10 → 12.5: +25%
    assert.strictEqual(isMarkedStep({ perMonthUsd: 12, deltaPerMonthUsd: 2 }, 20), false); // exactly +20%
    assert.strictEqual(isMarkedStep({ perMonthUsd: 8, deltaPerMonthUsd: -2 }, 20), false);
    assert.strictEqual(isMarkedStep({ perMonthUsd: 5, deltaPerMonthUsd: 5 }, 20), false);
    assert.strictEqual(isMarkedStep({ perMonthUsd: null, deltaPerMonthUsd: null }, 20), false);
    assert.strictEqual(isMarkedStep({ perMonthUsd: 10.5, deltaPerMonthUsd: 0.5 }, 0), true);
  });
});

describe('cost history: chart and protocol', () => {
  it('gives each point its commit, date, author, message and change, and a marked point a triangle', () => {
    const points = [
      point({ commit: HASH('b'), deltaPerMonthUsd: 9, perMonthUsd: 9 }),
      point({ marked: true, perMonthUsd: 18, deltaPerMonthUsd: 9 }),
    ];
    assert.deepStrictEqual(tooltipLines(points[1]!), [
      'aaaaaaa · 2026-11-02 · Ann',
      'grow the prompt',
      '$18.00/month (+$9.00) ▲ marked',
    ]);
    const picked: number[] = [];
    const spec = historySpec(points, chartColors(new JSDOM('').window.document), (i) => picked.push(i));
    const dataset = spec.data.datasets[0]!;
    assert.deepStrictEqual(dataset.data, [9, 18]);
    assert.deepStrictEqual(dataset.pointStyle, ['circle', 'triangle']);
    assert.deepStrictEqual(spec.data.labels, ['bbbbbbb', 'aaaaaaa']);
    const onClick = spec.options!.onClick as unknown as (event: unknown, elements: { index: number }[]) => void;
    onClick({}, [{ index: 1 }]);
    onClick({}, []);
    assert.deepStrictEqual(picked, [1]);
  });

  it('an unpriced version reads "no price", never $0', () => {
    assert.strictEqual(
      tooltipLines(point({ cost: 'unpriced', perMonthUsd: null, deltaPerMonthUsd: null, reason: 'no price for x' }))[2],
      'no price',
    );
  });

  it('accepts from the webview only well-formed messages and a full commit hash to open', () => {
    assert.deepStrictEqual(parseHistoryWebviewMessage({ type: 'openDiff', commit: HASH('c') }), {
      type: 'openDiff',
      commit: HASH('c'),
    });
    assert.strictEqual(parseHistoryWebviewMessage({ type: 'openDiff', commit: 'HEAD; rm -rf /' }), undefined);
    assert.strictEqual(parseHistoryWebviewMessage({ type: 'openDiff' }), undefined);
    assert.strictEqual(parseHistoryWebviewMessage({ type: 'run' }), undefined);
    assert.strictEqual(parseHistoryWebviewMessage('ready'), undefined);
    assert.deepStrictEqual(parseHistoryWebviewMessage({ type: 'ready' }), { type: 'ready' });
  });
});

describe('cost history: the webview app (jsdom)', () => {
  it('says ready, draws chart and table with hostile commit text as text, reports its points, and opens a clicked row', () => {
    const dom = new JSDOM('<!DOCTYPE html><html><body><main id="app" aria-busy="true"></main></body></html>');
    const doc = dom.window.document;
    const posted: HistoryWebviewMessage[] = [];
    const drawn: HistorySpec[] = [];
    const app = new HistoryApp({
      api: { postMessage: (m) => posted.push(m) },
      document: doc,
      mount: doc.getElementById('app')!,
      chart: (_canvas, spec) => (drawn.push(spec), { ink: () => 0.5, destroy: () => undefined }),
      cspViolations: () => [],
    });
    app.start();
    assert.deepStrictEqual(posted, [{ type: 'ready' }]);
    const evil = '<img src=x onerror="alert(1)">';
    const points = [
      point({ commit: HASH('1'), perMonthUsd: 6, deltaPerMonthUsd: 6 }),
      point({ commit: HASH('2'), author: evil, subject: evil, marked: true }),
    ];
    app.receive({
      type: 'show',
      view: {
        file: 'prompts/a.md',
        points,
        commitsRead: 2,
        limited: false,
        pricedWith: "today's .burnrate.yaml",
        thresholdPercent: 20,
      },
    });
    assert.strictEqual(doc.querySelectorAll('img').length, 0, 'no markup from a commit message');
    assert.ok(doc.body.textContent!.includes(evil));
    assert.strictEqual(doc.querySelectorAll('tr.marked').length, 1);
    assert.strictEqual(drawn.length, 1);
    const rendered = posted.find(
      (m): m is { type: 'rendered'; summary: RenderedHistory } => m.type === 'rendered',
    )!.summary;
    assert.deepStrictEqual(
      rendered.points.map((p) => [p.commit, p.perMonthUsd, p.marked]),
      [
        [HASH('1'), 6, false],
        [HASH('2'), 9, true],
      ],
    );
    assert.strictEqual(rendered.chartInk, 0.5);
    doc.querySelectorAll<HTMLButtonElement>('button.commit')[1]!.click();
    app.receive({ type: 'clickPoint', index: 0 });
    app.receive({ type: 'clickPoint', index: 7 });
    assert.deepStrictEqual(
      posted.filter((m) => m.type === 'openDiff'),
      [
        { type: 'openDiff', commit: HASH('2') },
        { type: 'openDiff', commit: HASH('1') },
      ],
    );
  });
});
