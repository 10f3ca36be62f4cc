// Each workspace folder's agent-runtime context (what every request of each runtime carries), built from disk when
// first asked for and rebuilt after a runtime file or the usage file changes. The estimates read it (imports, shares,
// agent sessions) and the Agent Context view shows it: one computation, as in `burnrate context`.
import * as vscode from 'vscode';
import { hasContextFileName } from '../core/runtimes/contextFileNames';
import { isRuntimePath } from '../core/runtimes/loading';
import type { RuntimeEnvironment } from '../core/runtimes/runtimeEstimate';
import type { RuntimeSource } from './worker/protocol';
import { diskRuntimeEnvironment } from '../host/runtimeEnvironment';
import { Config } from './config';
import { Disposable } from './disposable';
import { errorMessage, type Log } from './log';
import type { UsageFiles } from './usageFileWatcher';

const REBUILD_DELAY_MS = 300;
/**
 * This context is built on the extension host's thread (the Agent Context view and the status bar read it at once),
 * so each runtime file it counts is bounded: counting is O(n log n) but a 2 MB pathological agent file still took
 * seconds, and no file may block the host. A larger file is listed here as over the limit, not counted; the estimate
 * worker, which builds its own context for the lenses, and `burnrate context` count it.
 */
const HOST_FILE_BYTES = 128 * 1024;

export class AgentContexts extends Disposable {
  private readonly environments = new Map<string, RuntimeEnvironment>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** A folder's context was thrown away: ask again. */
  readonly onDidChange = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private version = 0;

  constructor(
    private readonly usage: UsageFiles,
    private readonly log: Log,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*'));
    const touched = (uri: vscode.Uri) => {
      const path = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
      const renamed = [...this.environments.values()].some((e) => hasContextFileName(path, e.options.contextFileNames));
      if (renamed || isRuntimePath(path)) this.invalidateSoon();
    };
    for (const event of [watcher.onDidCreate, watcher.onDidChange, watcher.onDidDelete]) this.register(event(touched));
    this.register(vscode.workspace.onDidSaveTextDocument((document) => touched(document.uri)));
    this.register(usage.onDidChange(() => this.invalidateSoon()));
    this.register(
      vscode.workspace.onDidChangeConfiguration(
        (event) => Config.affects(event, 'runtimes', 'prices.overrides') && this.invalidateSoon(),
      ),
    );
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  /** The folder's runtimes (undefined outside a folder or for non-file folders). */
  environmentFor(folder: vscode.WorkspaceFolder | undefined): RuntimeEnvironment | undefined {
    const source = this.sourceFor(folder);
    if (!source) return undefined;
    let environment = this.environments.get(source.root);
    if (!environment) {
      try {
        environment = diskRuntimeEnvironment(source.root, this.usage.configFor(folder), {
          ...source.options,
          maxBytes: Math.min(source.options.maxBytes ?? HOST_FILE_BYTES, HOST_FILE_BYTES),
        });
      } catch (error) {
        this.log.warn(`agent context of ${source.root}: ${errorMessage(error)}`);
        return undefined;
      }
      this.environments.set(source.root, environment);
    }
    return environment;
  }

  /**
   * What the estimate worker needs to build the same environment on its own thread (an environment holds a reader,
   * which cannot be posted): the folder, the options as plain data, and a version that changes when it must rebuild.
   */
  sourceFor(folder: vscode.WorkspaceFolder | undefined): RuntimeSource | undefined {
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    const config = new Config(folder.uri);
    const settings = config.runtimeOverrides;
    for (const problem of settings.problems) this.log.warn(problem);
    const usage = this.usage.configFor(folder);
    return {
      root: folder.uri.fsPath,
      version: this.version,
      options: {
        overrides: [...(usage.runtimes ? [usage.runtimes] : []), settings.overrides],
        settingsPrices: config.priceOverrides.prices,
        maxBytes: config.maxSizeBytes,
        ...(config.usageDefaults.callsPerDay !== undefined
          ? { settingsCallsPerDay: config.usageDefaults.callsPerDay }
          : {}),
      },
    };
  }

  private invalidateSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.version++;
      this.environments.clear();
      this.changed.fire();
    }, REBUILD_DELAY_MS);
  }
}
