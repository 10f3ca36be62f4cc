// Entry of out/webview.js, loaded by the panel's page with the CSP nonce. Wires the app to VS Code's webview API,
// to Chart.js, and to the page's messages; records CSP violations from the first moment so the app can report them.
import { App, type WebviewApi } from './app';
import { chartJsFactory } from './chartJs';

declare function acquireVsCodeApi(): WebviewApi;

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}${event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : ''}`,
  );
});

const api = acquireVsCodeApi();
const mount = document.getElementById('app');
if (mount) {
  try {
    const app = new App({ api, document, mount, charts: chartJsFactory, cspViolations: () => [...violations] });
    window.addEventListener('message', (event: MessageEvent<unknown>) => app.receive(event.data));
    app.start();
  } catch (error) {
    // A bug in the app must not leave a silent blank panel: say so, and let the host log it.
    mount.textContent = `The simulation panel failed to start: ${error instanceof Error ? error.message : String(error)}`;
    api.postMessage({
      type: 'webviewError',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}
