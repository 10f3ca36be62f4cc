// The cost history chart as plain Chart.js data, tested without a canvas: $/month per commit (oldest left), a marked
// step drawn as a larger triangle in the theme's red, and each point's tooltip lines (commit, date, author, message,
// change). Chart.js paints tooltip text on the canvas: a commit message never becomes markup.
import type { ChartConfiguration, ChartEvent, ActiveElement } from 'chart.js';
import { signedUsd, usd } from '../../core/present/money';
import { axisStyle, chartFrame, type ChartColors } from '../charts';
import type { ChartPoint } from './protocol';

export type HistorySpec = ChartConfiguration<'line', (number | null)[], string>;

const MAX_SUBJECT = 80;

export function tooltipLines(point: ChartPoint): string[] {
  const approx = point.exact === false ? '≈' : '';
  const month =
    point.perMonthUsd === null
      ? point.cost === 'unpriced'
        ? 'no price'
        : 'unknown'
      : `${approx}${usd(point.perMonthUsd)}/month`;
  const change = point.deltaPerMonthUsd === null ? '' : ` (${signedUsd(point.deltaPerMonthUsd)})`;
  const subject = point.subject.length > MAX_SUBJECT ? `${point.subject.slice(0, MAX_SUBJECT - 1)}…` : point.subject;
  return [
    `${point.commit.slice(0, 7)} · ${point.date.slice(0, 10)} · ${point.author}`,
    subject,
    `${month}${change}${point.marked ? ' ▲ marked' : ''}`,
    ...(point.status === 'renamed' && point.oldPath ? [`renamed from ${point.oldPath}`] : []),
    ...(point.reason ? [point.reason] : []),
  ];
}

export function historySpec(
  points: readonly ChartPoint[],
  colors: ChartColors,
  onPick: (index: number) => void,
): HistorySpec {
  const axis = axisStyle(colors);
  const tooltips = points.map(tooltipLines);
  return {
    type: 'line',
    data: {
      labels: points.map((p) => p.commit.slice(0, 7)),
      datasets: [
        {
          label: '$/month',
          data: points.map((p) => p.perMonthUsd),
          borderColor: colors.line,
          backgroundColor: points.map((p) => (p.marked ? colors.p99 : colors.line)),
          pointBorderColor: points.map((p) => (p.marked ? colors.p99 : colors.line)),
          pointStyle: points.map((p) => (p.marked ? 'triangle' : 'circle')),
          pointRadius: points.map((p) => (p.marked ? 7 : 4)),
          pointHoverRadius: points.map((p) => (p.marked ? 9 : 6)),
          borderWidth: 2,
          stepped: false,
          spanGaps: false,
        },
      ],
    },
    options: {
      ...chartFrame(colors),
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        const index = elements[0]?.index;
        if (index !== undefined) onPick(index);
      },
      scales: {
        x: { ticks: axis.ticks, grid: axis.grid, title: axis.title('commit (oldest first)') },
        y: {
          beginAtZero: true,
          ticks: { ...axis.ticks, callback: (value) => usd(Number(value)) },
          grid: axis.grid,
          title: axis.title('$/month'),
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: () => '', label: (item) => tooltips[item.dataIndex] ?? [] } },
      },
    },
  };
}
