// The real chart factory: Chart.js 4, only the pieces the panel uses, registered once and bundled into
// out/webview.js (no remote script, no eval). Animations are off, so a chart is fully drawn when its constructor
// returns and the ink check can read the pixels at once.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartFactory, ChartHandle } from './charts';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

export const chartJsFactory: ChartFactory = {
  histogram: (canvas, spec) => draw(canvas, (context) => new Chart(context, spec)),
  turns: (canvas, spec) => draw(canvas, (context) => new Chart(context, spec)),
};

/** Draws any configuration with the panel's registered pieces: the cost history chart uses it too. */
export function draw(
  canvas: HTMLCanvasElement,
  create: (context: CanvasRenderingContext2D) => Chart<'bar' | 'line', unknown>,
): ChartHandle | undefined {
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  const chart = create(context);
  return { ink: () => inkOf(canvas, context), destroy: () => chart.destroy() };
}

/** Share of the canvas's pixels that are not fully transparent (sampled every 4th pixel). */
function inkOf(canvas: HTMLCanvasElement, context: CanvasRenderingContext2D): number {
  if (canvas.width === 0 || canvas.height === 0) return 0;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  let sampled = 0;
  for (let i = 3; i < pixels.length; i += 16) {
    sampled++;
    if (pixels[i]! > 0) painted++;
  }
  return sampled === 0 ? 0 : painted / sampled;
}
