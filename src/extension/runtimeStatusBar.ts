// A second status bar item: the per-request overhead of the runtime that loads the active file (its system prompt,
// tool schemas and always-on files), from the folder's agent context — the object the Agent Context view lists, so
// both always say the same. A click opens that view; `burnrate.statusBar.runtimeOverhead` turns it off.
import * as vscode from 'vscode';
import { runtimeOfFile, runtimeStatusText, type RuntimeStatusText } from '../core/present/runtimeStatusText';
import type { RuntimeContext } from '../core/runtimes/context';
import type { AgentContexts } from './agentContexts';
import { Config } from './config';
import { Disposable } from './disposable';
import { guarded, type Log } from './log';

export class RuntimeStatusBar extends Disposable {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('burnrate.runtimeStatus', vscode.StatusBarAlignment.Right, 99),
  );
  /** What is shown, for tests: the runtime and the text. */
  current: { runtime: RuntimeContext; status: RuntimeStatusText } | undefined;

  constructor(
    private readonly contexts: AgentContexts,
    private readonly log: Log,
  ) {
    super();
    this.item.name = 'Burnrate: runtime overhead';
    this.item.command = 'burnrate.agentContext.focus';
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
    this.register(contexts.onDidChange(() => this.refresh()));
    this.register(contexts.onDidBuild(() => this.refresh()));
    this.register(
      vscode.workspace.onDidChangeConfiguration(
        (event) => Config.affects(event, 'statusBar.runtimeOverhead') && this.refresh(),
      ),
    );
    this.refresh();
  }

  private refresh(): void {
    void guarded(this.log, 'runtime status bar', undefined, () => {
      this.current = this.shown();
      if (!this.current) {
        this.item.hide();
        return;
      }
      this.item.text = `$(server-process) ${this.current.status.text}`;
      this.item.tooltip = this.current.status.tooltip;
      this.item.show();
    });
  }

  private shown(): RuntimeStatusBar['current'] {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    if (!uri || !folder || !new Config(uri).runtimeOverheadInStatusBar) return undefined;
    const relativePath = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    const found = runtimeOfFile(this.contexts.contextFor(folder)?.runtimes ?? [], relativePath);
    return found && { runtime: found.runtime, status: runtimeStatusText(found.runtime, found.kind) };
  }
}
