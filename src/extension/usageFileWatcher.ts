// Each workspace folder's `.burnrate.yaml`, parsed and kept current: reloaded when it is created, changed, saved or
// deleted, with its problems shown as diagnostics on the file itself. Listeners hear when any folder's usage changed.
import * as vscode from 'vscode';
import type { Problem } from '../core/types';
import { parseUsageFile } from '../core/usage/parseUsageFile';
import { EMPTY_USAGE, USAGE_FILE_NAME, type UsageConfig } from '../core/usage/usageConfig';
import { Disposable } from './disposable';
import { guarded, type Log } from './log';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class UsageFiles extends Disposable {
  private readonly configs = new Map<string, UsageConfig>();
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('burnrate'));
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  /** Resolves once every folder's usage file has been read the first time. */
  readonly ready: Promise<void>;

  constructor(private readonly log: Log) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${USAGE_FILE_NAME}`));
    const reload = (uri: vscode.Uri) => void this.reloadFor(uri);
    this.register(watcher.onDidCreate(reload));
    this.register(watcher.onDidChange(reload));
    this.register(watcher.onDidDelete(reload));
    // Saves inside the editor are also seen here, in case the file watcher is slow or excluded by files.watcherExclude.
    this.register(vscode.workspace.onDidSaveTextDocument((document) => reload(document.uri)));
    this.register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.loadAll().then(() => this.changed.fire())),
    );
    this.ready = this.loadAll();
  }

  /** The usage config that applies to a file in `folder` (empty outside any folder or without a usage file). */
  configFor(folder: vscode.WorkspaceFolder | undefined): UsageConfig {
    return (folder && this.configs.get(folder.uri.toString())) ?? EMPTY_USAGE;
  }

  static uriIn(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, USAGE_FILE_NAME);
  }

  private async loadAll(): Promise<void> {
    this.configs.clear();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.load(folder)));
  }

  private async reloadFor(uri: vscode.Uri): Promise<void> {
    const folder = (vscode.workspace.workspaceFolders ?? []).find(
      (f) => UsageFiles.uriIn(f).toString() === uri.toString(),
    );
    if (!folder) return; // a usage file in a subfolder, or some other saved file
    await this.load(folder);
    this.changed.fire();
  }

  private load(folder: vscode.WorkspaceFolder): Promise<void> {
    const uri = UsageFiles.uriIn(folder);
    return guarded(this.log, `reading ${uri.fsPath}`, undefined, async () => {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        this.configs.delete(folder.uri.toString());
        this.diagnostics.delete(uri);
        return; // no usage file: built-in defaults and settings apply
      }
      const { config, problems } = parseUsageFile(text, USAGE_FILE_NAME);
      this.configs.set(folder.uri.toString(), config);
      this.diagnostics.set(
        uri,
        problems.map((p) => {
          const line = p.line ?? 0;
          const diagnostic = new vscode.Diagnostic(
            new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
            p.message,
            SEVERITY[p.severity],
          );
          diagnostic.source = 'Burnrate';
          return diagnostic;
        }),
      );
      this.log.info(`${uri.fsPath}: read${problems.length > 0 ? ` with ${problems.length} problem(s)` : ''}`);
    });
  }
}
