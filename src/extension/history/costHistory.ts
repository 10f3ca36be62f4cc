// "Burnrate: Show Cost History": the active file's $/month at every commit that changed it, in one panel (shown
// again for the next file). Git is the Git extension's: its repository for the file and its git executable, driven
// by the same reads and engine as `burnrate history`, in a worker thread. Refused in Restricted Mode.
import * as vscode from 'vscode';
import { isMarkedStep } from '../../core/history/markedSteps';
import { DEFAULT_MAX_COMMITS } from '../../core/history/logRecords';
import { err, ok, type Result } from '../../core/result';
import { HISTORY_VIEW_TYPE, type RenderedHistory } from '../../webview/history/protocol';
import { Config } from '../config';
import { gitAccess } from '../diff/gitAccess';
import type { Opened } from '../diff/openChange';
import { repoPathOf } from '../diff/repoPaths';
import { Disposable } from '../disposable';
import type { Log } from '../log';
import { HistoryPanel } from './historyPanel';
import { runHistory } from './runHistory';

export const UNTRUSTED_HISTORY_MESSAGE =
  'Burnrate reads the cost history from git only in a trusted workspace (Restricted Mode runs no git). Trust this folder to see it.';

/** Arguments of burnrate.showCostHistory, all optional (default: the active editor's file). */
export interface ShowHistoryArgs {
  file?: vscode.Uri | string;
  /** Resolve with what the panel drew (for tests and other commands) instead of at once. */
  waitForRender?: boolean;
  /** After drawing, click this point (an index into the points) and report the diff it opened. */
  clickPoint?: number;
  timeoutMs?: number;
}

/** What the panel drew and the diff a click opened (when asked for), or why there is no history to show. */
export type ShowHistoryResult = Result<{ rendered?: RenderedHistory; opened?: Opened }>;

const DEFAULT_TIMEOUT_MS = 120_000;

export class CostHistoryPanels extends Disposable {
  private current: HistoryPanel | undefined;

  constructor(private readonly deps: { log: Log; extensionUri: vscode.Uri }) {
    super();
  }

  async show(raw: unknown): Promise<ShowHistoryResult> {
    const args = (
      raw instanceof vscode.Uri || typeof raw === 'string' ? { file: raw } : (raw ?? {})
    ) as ShowHistoryArgs;
    const refuse = (message: string): ShowHistoryResult => {
      void vscode.window.showWarningMessage(`Burnrate: ${message}`);
      return err(message);
    };
    if (!vscode.workspace.isTrusted) return refuse(UNTRUSTED_HISTORY_MESSAGE);
    const uri =
      args.file instanceof vscode.Uri
        ? args.file
        : typeof args.file === 'string'
          ? vscode.Uri.parse(args.file)
          : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file') return refuse('open a prompt or agent file (on disk) to see its cost history.');
    const access = await gitAccess();
    if (!access.ok) return refuse(access.error.message);
    const repository = access.value.getRepository(uri);
    const repoPath = repository ? repoPathOf(repository.rootUri, uri) : undefined;
    if (!repository || repoPath === undefined)
      return refuse(
        `${vscode.workspace.asRelativePath(uri)} is not in a git repository VS Code's Git extension has open.`,
      );

    const panel = this.panel({ root: repository.rootUri, file: repoPath });
    const timeoutMs = args.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const rendered = args.waitForRender || args.clickPoint !== undefined ? panel.nextRender(timeoutMs) : undefined;
    const response = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Burnrate: reading the cost history of ${repoPath}` },
      () =>
        runHistory({
          top: repository.rootUri.fsPath,
          executable: access.value.git.path,
          repoPath,
          maxCommits: DEFAULT_MAX_COMMITS,
        }),
    );
    const subject = { root: repository.rootUri, file: repoPath };
    if (!response.ok) {
      this.deps.log.warn(`cost history of ${repoPath}: ${response.error}`);
      panel.show(subject, { failed: response.error });
    } else {
      const thresholdPercent = new Config(uri).historyMarkPercent;
      const { points, commitsRead, limited, pricedWith } = response.value;
      const marked = points.map((point) => ({ ...point, marked: isMarkedStep(point, thresholdPercent) }));
      panel.show(subject, {
        view: { file: repoPath, points: marked, commitsRead, limited, pricedWith, thresholdPercent },
      });
    }
    if (!rendered) return response.ok ? ok({}) : err(response.error);
    const summary = await rendered;
    if (!response.ok) return err(response.error);
    const opened = args.clickPoint !== undefined ? await panel.click(args.clickPoint, timeoutMs) : undefined;
    return ok({ rendered: summary, ...(opened ? { opened } : {}) });
  }

  private panel(subject: { root: vscode.Uri; file: string }): HistoryPanel {
    if (this.current) {
      this.current.panel.reveal(undefined, true);
      return this.current;
    }
    const webview = vscode.window.createWebviewPanel(
      HISTORY_VIEW_TYPE,
      'Cost history',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { retainContextWhenHidden: true },
    );
    const panel = new HistoryPanel(webview, subject, this.deps);
    this.current = panel;
    panel.panel.onDidDispose(() => {
      if (this.current === panel) this.current = undefined;
    });
    return panel;
  }

  override dispose(): void {
    this.current?.dispose();
    super.dispose();
  }
}
