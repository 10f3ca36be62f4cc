// Entry of out/historyWebview.js, loaded by the cost history panel's page with the CSP nonce: wires the app to VS
// Code's webview API and Chart.js, and records CSP violations from the first moment so the app can report them.
import { draw } from '../chartJs';
import { Chart } from 'chart.js';
import { HistoryApp, type HistoryWebviewApi } from './historyApp';

declare function acquireVsCodeApi(): HistoryWebviewApi;

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});

const api = acquireVsCodeApi();
const mount = document.getElementById('app');
if (mount) {
  try {
    const app = new HistoryApp({
      api,
      document,
      mount,
      chart: (canvas, spec) =>
        draw(canvas, (context) => new Chart(context, spec) as unknown as Chart<'bar' | 'line', unknown>),
      cspViolations: () => [...violations],
    });
    window.addEventListener('message', (event: MessageEvent<unknown>) => app.receive(event.data));
    app.start();
  } catch (error) {
    mount.textContent = `The cost history panel failed to start: ${error instanceof Error ? error.message : String(error)}`;
    api.postMessage({
      type: 'webviewError',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}
