// Chart.js configurations for a result, built as plain data so they are tested without a canvas: the cost-per-session
// histogram with P50/P90/P99 drawn as vertical line datasets (no plugin, no hand drawing), and cost per turn with
// the share of sessions that reach each turn. Colours come from the VS Code theme (theme.ts).
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { usd } from '../core/present/money';
import type { ScenarioResult } from '../core/simulate/result';

export interface ChartColors {
  foreground: string;
  grid: string;
  bars: string;
  line: string;
  p50: string;
  p90: string;
  p99: string;
  fontFamily: string;
  fontSize: number;
}

export interface Point {
  x: number;
  y: number;
}

export type HistogramSpec = ChartConfiguration<'bar' | 'line', Point[]>;
export type TurnsSpec = ChartConfiguration<'bar' | 'line', number[], string>;

/** A drawn chart; `ink` is the share of its canvas with paint on it (a check that something was drawn). */
export interface ChartHandle {
  ink(): number;
  destroy(): void;
}

/** Draws a configuration on a canvas; undefined when the canvas has no 2D context (e.g. jsdom). */
export interface ChartFactory {
  histogram(canvas: HTMLCanvasElement, spec: HistogramSpec): ChartHandle | undefined;
  turns(canvas: HTMLCanvasElement, spec: TurnsSpec): ChartHandle | undefined;
}

export interface Marker {
  label: 'P50' | 'P90' | 'P99';
  usd: number;
  color: string;
}

export function histogramMarkers(result: ScenarioResult, colors: ChartColors): Marker[] {
  return [
    { label: 'P50', usd: result.perSession.p50, color: colors.p50 },
    { label: 'P90', usd: result.perSession.p90, color: colors.p90 },
    { label: 'P99', usd: result.perSession.p99, color: colors.p99 },
  ];
}

const DASHES: Record<Marker['label'], number[]> = { P50: [], P90: [6, 3], P99: [2, 3] };

export function histogramSpec(result: ScenarioResult, colors: ChartColors): HistogramSpec {
  const h = result.histogram;
  const bars: Point[] = h.counts.map((count, i) => ({ x: (h.lowerUsd[i] ?? 0) + h.binWidthUsd / 2, y: count }));
  const top = Math.max(1, ...h.counts) * 1.05;
  const axis = axisStyle(colors);
  return {
    type: 'bar',
    data: {
      datasets: [
        {
          type: 'bar',
          label: 'sessions',
          data: bars,
          backgroundColor: colors.bars,
          barPercentage: 1,
          categoryPercentage: 1,
          grouped: false,
          order: 2,
        },
        ...histogramMarkers(result, colors).map((marker) => ({
          type: 'line' as const,
          label: `${marker.label} ${usd(marker.usd)}`,
          data: [
            { x: marker.usd, y: 0 },
            { x: marker.usd, y: top },
          ],
          borderColor: marker.color,
          backgroundColor: marker.color,
          borderWidth: 2,
          borderDash: DASHES[marker.label],
          pointRadius: 0,
          pointHitRadius: 8,
          order: 1,
        })),
      ],
    },
    options: {
      ...chartFrame(colors),
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: h.upperUsd,
          offset: false,
          title: axis.title('cost per session'),
          ticks: { ...axis.ticks, callback: (value) => usd(Number(value)) },
          grid: axis.grid,
        },
        y: {
          beginAtZero: true,
          title: axis.title('sessions'),
          ticks: { ...axis.ticks, precision: 0 },
          grid: axis.grid,
        },
      },
      plugins: {
        legend: { labels: { color: colors.foreground, boxWidth: 14 } },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar' | 'line'>[]) => {
              const item = items[0];
              if (!item || item.dataset.type === 'line') return item?.dataset.label ?? '';
              const x = (item.raw as Point).x;
              return `${usd(x - h.binWidthUsd / 2)} – ${usd(x + h.binWidthUsd / 2)}`;
            },
            label: (item: TooltipItem<'bar' | 'line'>) =>
              item.dataset.type === 'line' ? '' : `${(item.raw as Point).y.toLocaleString('en-US')} sessions`,
          },
        },
      },
    },
  };
}

export function turnsSpec(result: ScenarioResult, colors: ChartColors): TurnsSpec {
  const turns = result.perTurn;
  const axis = axisStyle(colors);
  return {
    type: 'bar',
    data: {
      labels: turns.map((t) => String(t.turn)),
      datasets: [
        {
          type: 'bar',
          label: 'mean cost of the turn',
          data: turns.map((t) => t.meanCostUsd),
          backgroundColor: colors.bars,
          yAxisID: 'y',
          order: 2,
        },
        {
          type: 'line',
          label: 'sessions reaching it',
          data: turns.map((t) => t.reachedShare * 100),
          borderColor: colors.line,
          backgroundColor: colors.line,
          borderWidth: 2,
          pointRadius: turns.length > 30 ? 0 : 2,
          yAxisID: 'share',
          order: 1,
        },
      ],
    },
    options: {
      ...chartFrame(colors),
      scales: {
        x: { title: axis.title('turn'), ticks: axis.ticks, grid: axis.grid },
        y: {
          beginAtZero: true,
          position: 'left',
          title: axis.title('mean cost'),
          ticks: { ...axis.ticks, callback: (value) => usd(Number(value)) },
          grid: axis.grid,
        },
        share: {
          min: 0,
          max: 100,
          position: 'right',
          title: axis.title('sessions reaching it'),
          ticks: { ...axis.ticks, callback: (value) => `${value}%` },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        legend: { labels: { color: colors.foreground, boxWidth: 14 } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar' | 'line'>) =>
              item.dataset.yAxisID === 'share'
                ? `${Number(item.raw).toFixed(1)}% of sessions reach it`
                : `${usd(Number(item.raw))} mean cost`,
          },
        },
      },
    },
  };
}

export function axisStyle(colors: ChartColors) {
  return {
    ticks: { color: colors.foreground },
    grid: { color: colors.grid },
    title: (text: string) => ({ display: true, text, color: colors.foreground }),
  };
}

/** Every chart of the panel: drawn once (no animation), sized by its box, in the editor's font. */
export function chartFrame(colors: ChartColors) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    font: { family: colors.fontFamily, size: colors.fontSize },
  };
}
