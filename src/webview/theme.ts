// Chart colours and font from the VS Code theme's CSS variables (set on the webview's document by VS Code and
// updated in place when the theme changes), with neutral fallbacks for a document outside VS Code (tests).
import type { ChartColors } from './charts';

export function chartColors(doc: Document): ChartColors {
  const style = doc.defaultView?.getComputedStyle(doc.documentElement);
  const read = (name: string, fallback: string) => style?.getPropertyValue(name).trim() || fallback;
  const size = Number.parseFloat(read('--vscode-font-size', '13'));
  return {
    foreground: read('--vscode-charts-foreground', read('--vscode-foreground', '#888888')),
    grid: read('--vscode-charts-lines', 'rgba(128, 128, 128, 0.3)'),
    bars: read('--vscode-charts-blue', '#3794ff'),
    line: read('--vscode-charts-purple', '#b180d7'),
    p50: read('--vscode-charts-green', '#89d185'),
    p90: read('--vscode-charts-yellow', '#cca700'),
    p99: read('--vscode-charts-red', '#f14c4c'),
    fontFamily: read('--vscode-font-family', 'sans-serif'),
    fontSize: Number.isFinite(size) && size > 0 ? size : 13,
  };
}

/** Calls `onChange` when VS Code switches theme (it swaps the body's vscode-light/dark/high-contrast class). */
export function watchTheme(doc: Document, onChange: () => void): () => void {
  const View = doc.defaultView;
  if (!View || typeof View.MutationObserver !== 'function') return () => undefined;
  const observer = new View.MutationObserver(() => onChange());
  observer.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
