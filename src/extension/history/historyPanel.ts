// The cost history panel of one file: its webview (strict CSP, fresh nonce, resources only from out/ and media/), the
// message loop, and the diff a clicked point opens. Nothing is posted before the webview's `ready`; a failure is shown
// in the panel and logged, never thrown into the extension host.
import * as vscode from 'vscode';
import {
  parseHistoryWebviewMessage,
  type HistoryHostMessage,
  type HistoryView,
  type HistoryWebviewMessage,
  type RenderedHistory,
} from '../../webview/history/protocol';
import type { Opened } from '../diff/openChange';
import { OPEN_CHANGE_COMMAND, type OpenChangeArgs } from '../diff/openChange';
import { Disposable } from '../disposable';
import { errorMessage, type Log } from '../log';
import { newNonce, panelHtml } from '../simulation/html';

export interface HistoryPanelDeps {
  log: Log;
  extensionUri: vscode.Uri;
}

/** The file the panel shows and where its repository is, so a point can open its commit's diff. */
export interface HistorySubject {
  root: vscode.Uri;
  file: string;
}

type Content = { view: HistoryView } | { failed: string };

export class HistoryPanel extends Disposable {
  private ready = false;
  private content: Content | undefined;
  private readonly renderWaiters = new Set<(summary: RenderedHistory) => void>();
  private readonly openWaiters = new Set<(opened: Opened | undefined) => void>();
  lastRendered: RenderedHistory | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private subject: HistorySubject,
    private readonly deps: HistoryPanelDeps,
  ) {
    super();
    const webview = panel.webview;
    webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(deps.extensionUri, 'out'),
        vscode.Uri.joinPath(deps.extensionUri, 'media'),
      ],
    };
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'out', 'historyWebview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'media', 'history.css')).toString(),
      title: 'Burnrate cost history',
      loading: 'Reading the cost history…',
    });
    this.register(webview.onDidReceiveMessage((data: unknown) => void this.receive(data)));
    // No reset of `ready` when the panel is hidden: with retainContextWhenHidden the page stays alive (it never says
    // `ready` again) and still takes messages, so a reset would drop every later message for good.
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  show(subject: HistorySubject, content: Content): void {
    this.subject = subject;
    this.content = content;
    this.panel.title = `Cost history: ${subject.file.split('/').pop() ?? subject.file}`;
    this.sendContent();
  }

  nextRender(timeoutMs: number): Promise<RenderedHistory> {
    return waitFor(this.renderWaiters, timeoutMs, 'the cost history panel drew nothing');
  }

  /** Clicks point `index` in the webview (as a user would) and resolves with the diff it opened. */
  click(index: number, timeoutMs: number): Promise<Opened | undefined> {
    const opened = waitFor(this.openWaiters, timeoutMs, 'no diff was opened');
    this.post({ type: 'clickPoint', index });
    return opened;
  }

  private async receive(data: unknown): Promise<void> {
    const message = parseHistoryWebviewMessage(data);
    if (!message) {
      this.deps.log.warn('cost history panel: ignored a malformed message');
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      this.deps.log.error(`cost history panel: ${message.type}`, error);
      void vscode.window.showErrorMessage(`Burnrate: ${errorMessage(error)}`);
    }
  }

  private async handle(message: HistoryWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendContent();
        return;
      case 'openDiff': {
        const opened = await this.openDiff(message.commit);
        for (const resolve of [...this.openWaiters]) resolve(opened);
        return;
      }
      case 'rendered':
        this.lastRendered = message.summary;
        if (message.summary.cspViolations.length > 0)
          this.deps.log.warn(`cost history panel: CSP violations: ${message.summary.cspViolations.join('; ')}`);
        for (const resolve of [...this.renderWaiters]) resolve(message.summary);
        return;
      case 'webviewError':
        this.deps.log.error('cost history webview', message.message);
        return;
    }
  }

  /** Only a commit the panel was given: the webview names it, the host decides what that opens. */
  private async openDiff(commit: string): Promise<Opened | undefined> {
    const point =
      this.content && 'view' in this.content ? this.content.view.points.find((p) => p.commit === commit) : undefined;
    if (!point) return undefined;
    const args: OpenChangeArgs = {
      root: this.subject.root.toString(),
      commit: `${commit}^`,
      headCommit: commit,
      path: point.path,
      ...(point.oldPath ? { basePath: point.oldPath } : {}),
      status: point.status,
    };
    return vscode.commands.executeCommand<Opened | undefined>(OPEN_CHANGE_COMMAND, args);
  }

  private sendContent(): void {
    const content = this.content;
    if (!content) return;
    this.post(
      'view' in content
        ? { type: 'show', view: content.view }
        : { type: 'failed', file: this.subject.file, message: content.failed },
    );
  }

  private post(message: HistoryHostMessage): void {
    if (!this.ready) return;
    void this.panel.webview
      .postMessage(message)
      .then(undefined, (error: unknown) =>
        this.deps.log.warn(`cost history panel: a message was not delivered (${errorMessage(error)})`),
      );
  }

  override dispose(): void {
    super.dispose();
    this.panel.dispose();
  }
}

function waitFor<T>(waiters: Set<(value: T) => void>, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const waiter = (value: T) => {
      clearTimeout(timer);
      waiters.delete(waiter);
      resolve(value);
    };
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      reject(new Error(`${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    waiters.add(waiter);
  });
}
