// The Chart.js configurations, checked as data (jsdom has no canvas; the integration test draws them for real in a
// VS Code webview and checks the canvas has paint on it).
import * as assert from 'assert';
import { JSDOM } from 'jsdom';
import { histogramSpec, turnsSpec, type ChartColors, type Point } from '../../../src/webview/charts';
import { chartColors } from '../../../src/webview/theme';
import { agentSource, resultMessage } from './fixtures';

const colors: ChartColors = {
  foreground: '#ccc',
  grid: '#333',
  bars: '#37f',
  line: '#b8d',
  p50: '#8d8',
  p90: '#cb0',
  p99: '#f44',
  fontFamily: 'sans-serif',
  fontSize: 13,
};

describe('panel charts', () => {
  it('histogram: one bar per bin at its centre holding its sessions, and P50/P90/P99 as vertical lines inside the axis', async () => {
    const message = await resultMessage(agentSource(), 'r', 4000);
    const base = message.report.scenarios[0]!.runs[0]!;
    const spec = histogramSpec(base, colors);
    const [bars, ...markers] = spec.data.datasets;
    const points = bars!.data as Point[];
    assert.strictEqual(points.length, base.histogram.counts.length);
    assert.strictEqual(points.reduce((sum, p) => sum + p.y, 0) + base.histogram.overflow, 4000);
    assert.ok(Math.abs(points[0]!.x - base.histogram.binWidthUsd / 2) < 1e-15);
    assert.deepStrictEqual(
      markers.map((m) => m.label!.slice(0, 3)),
      ['P50', 'P90', 'P99'],
    );
    for (const marker of markers) {
      const [bottom, top] = marker.data as Point[];
      assert.strictEqual(bottom!.x, top!.x);
      assert.ok(bottom!.x > 0 && bottom!.x <= base.histogram.upperUsd, 'the marker is on the chart');
      assert.strictEqual(bottom!.y, 0);
      assert.ok(top!.y >= Math.max(...base.histogram.counts));
    }
    assert.strictEqual(spec.options?.animation, false, 'drawn at once: no animation frames');
  });

  it('cost per turn: one bar per turn reached, and the share reaching it on its own axis', async () => {
    const base = (await resultMessage(agentSource(), 'r', 2000)).report.scenarios[0]!.runs[0]!;
    const spec = turnsSpec(base, colors);
    assert.deepStrictEqual(
      spec.data.labels,
      base.perTurn.map((t) => String(t.turn)),
    );
    assert.deepStrictEqual(
      spec.data.datasets[0]!.data,
      base.perTurn.map((t) => t.meanCostUsd),
    );
    assert.strictEqual(spec.data.datasets[1]!.data[0], 100, 'every session reaches turn 1');
  });

  it('takes its colours from the VS Code theme variables', () => {
    const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
    dom.window.document.documentElement.style.setProperty('--vscode-charts-red', '#ff0000');
    dom.window.document.documentElement.style.setProperty('--vscode-font-size', '15px');
    const theme = chartColors(dom.window.document);
    assert.strictEqual(theme.p99, '#ff0000');
    assert.strictEqual(theme.fontSize, 15);
    assert.strictEqual(theme.p50, '#89d185', 'a fallback outside VS Code');
    dom.window.close();
  });
});
