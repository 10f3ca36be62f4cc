// Each workspace folder's agent-runtime context (what every request of each runtime carries), built from disk when
// first asked for and rebuilt after a runtime file or the usage file changes. The estimates read it (imports, shares,
// agent sessions) and the Agent Context view shows it: one computation, as in `burnrate context`. It is built in the
// estimate worker — the thread that builds the same context for the lenses — so walking the folder and counting its
// runtime files never holds the extension host; the view and the status bar show it when it arrives.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Result } from '../core/result';
import type { WorkspaceContext } from '../core/runtimes/context';
import {
  GEMINI_SETTINGS,
  hasContextFileName,
  readContextFileNames,
  type ContextFileNames,
} from '../core/runtimes/contextFileNames';
import { isRuntimePath } from '../core/runtimes/loading';
import type { RuntimeSource } from './worker/protocol';
import { diskReader } from '../host/diskSnapshot';
import { diskRuntimeEnvironment } from '../host/runtimeEnvironment';
import { Config } from './config';
import { Disposable } from './disposable';
import { errorMessage, type Log } from './log';
import type { UsageFiles } from './usageFileWatcher';

const REBUILD_DELAY_MS = 300;
/**
 * Only when the worker cannot build a context (it failed, or ran out of its time budget) is it built here, on the
 * extension host's thread, and then each runtime file it reads is bounded: counting is O(n log n), but a 2 MB
 * pathological agent file still took seconds. A larger file is left out of that context (the lenses, built in the
 * worker, and `burnrate context` count it); the log says the context was built here.
 */
const HOST_FILE_BYTES = 128 * 1024;

/** Builds a folder's context off the host's thread (the estimate worker); an error or undefined falls back to here. */
export type ContextBuilder = (
  folder: vscode.WorkspaceFolder,
  source: RuntimeSource,
) => Promise<Result<WorkspaceContext> | undefined>;

interface Built {
  version: number;
  /** Undefined: the build failed (logged); not tried again until the files or the prices change. */
  context: WorkspaceContext | undefined;
}

export class AgentContexts extends Disposable {
  private readonly built = new Map<string, Built>();
  private readonly building = new Map<string, { version: number; done: Promise<WorkspaceContext | undefined> }>();
  /** Per folder root: context files its settings rename (a change to one is a runtime change). */
  private readonly renamed = new Map<string, { stamp: string; names: ContextFileNames | undefined }>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** A folder's context was thrown away: ask again. */
  readonly onDidChange = this.changed.event;
  private readonly arrived = this.register(new vscode.EventEmitter<void>());
  /** A context asked for has been built: what shows it can draw it now. */
  readonly onDidBuild = this.arrived.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private version = 0;
  private builder: ContextBuilder | undefined;

  constructor(
    private readonly usage: UsageFiles,
    private readonly log: Log,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*'));
    const touched = (uri: vscode.Uri) => {
      const relative = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
      const renamed = [...this.renamed.values()].some((kept) => hasContextFileName(relative, kept.names));
      if (renamed || isRuntimePath(relative)) this.invalidateSoon();
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

  /** Where contexts are built from now on (the estimate worker, once it exists). */
  buildWith(builder: ContextBuilder): void {
    this.builder = builder;
  }

  /**
   * The folder's runtimes if built (undefined outside a folder, for non-file folders, and until the build asked for
   * here arrives — onDidBuild says when).
   */
  contextFor(folder: vscode.WorkspaceFolder | undefined): WorkspaceContext | undefined {
    const source = this.sourceFor(folder);
    if (!source || !folder) return undefined;
    const built = this.built.get(source.root);
    if (built?.version === source.version) return built.context;
    void this.build(folder, source);
    return undefined;
  }

  /** The folder's runtimes, built first if need be (undefined: no folder on disk, or the build failed — logged). */
  async context(folder: vscode.WorkspaceFolder | undefined): Promise<WorkspaceContext | undefined> {
    const source = this.sourceFor(folder);
    if (!source || !folder) return undefined;
    const built = this.built.get(source.root);
    if (built?.version === source.version) return built.context;
    return this.build(folder, source);
  }

  /**
   * The price data changed: every context is priced again. A new version, so the worker, which keeps each folder's
   * environment by version, builds it again too.
   */
  repriced(): void {
    this.version++;
    this.built.clear();
    this.building.clear();
    this.arrived.fire();
  }

  private build(folder: vscode.WorkspaceFolder, source: RuntimeSource): Promise<WorkspaceContext | undefined> {
    const pending = this.building.get(source.root);
    if (pending?.version === source.version) return pending.done;
    const done = this.buildOnce(folder, source).then((context) => {
      if (this.building.get(source.root)?.done !== done) return context;
      this.building.delete(source.root);
      // Kept, a failure too, only if nothing changed while it was built (else the next ask builds the new version).
      if (source.version === this.version) {
        this.built.set(source.root, { version: source.version, context });
        this.arrived.fire();
      }
      return context;
    });
    this.building.set(source.root, { version: source.version, done });
    return done;
  }

  /**
   * The context files the folder's settings rename (Gemini's context.fileName): read here, a small settings file, so
   * that a renamed file gets its lens like GEMINI.md. Read again when the file's size or time changes — checked on
   * every ask, not only on a watcher event, which can come late or not at all for a file written as the window opens;
   * a change then rebuilds the contexts, as a watched change does.
   */
  renamedFor(folder: vscode.WorkspaceFolder | undefined): ContextFileNames | undefined {
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    const root = folder.uri.fsPath;
    const stamp = settingsStamp(root);
    const kept = this.renamed.get(root);
    if (kept?.stamp === stamp) return kept.names;
    let names: ContextFileNames | undefined;
    try {
      // The size bound every read of the folder has, so the host and the worker read the same names.
      names = stamp === '' ? undefined : readContextFileNames(diskReader(root, new Config(folder.uri).maxSizeBytes));
    } catch {
      names = undefined;
    }
    this.renamed.set(root, { stamp, names });
    if (kept && JSON.stringify(kept.names?.names ?? []) !== JSON.stringify(names?.names ?? [])) this.invalidateSoon();
    return names;
  }

  /** Every workspace folder's renamed context file names (for the providers' document selector). */
  renamedNames(): string[] {
    const names = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => this.renamedFor(folder)?.names ?? []);
    return [...new Set(names)].sort();
  }

  private async buildOnce(
    folder: vscode.WorkspaceFolder,
    source: RuntimeSource,
  ): Promise<WorkspaceContext | undefined> {
    this.renamedFor(folder);
    const outcome = await this.builder?.(folder, source);
    if (outcome?.ok) return outcome.value;
    if (outcome) this.log.warn(`agent context of ${source.root}: built here (the estimate worker: ${outcome.error})`);
    try {
      return diskRuntimeEnvironment(source.root, this.usage.configFor(folder), {
        ...source.options,
        maxBytes: Math.min(source.options.maxBytes ?? HOST_FILE_BYTES, HOST_FILE_BYTES),
      }).context;
    } catch (error) {
      this.log.warn(`agent context of ${source.root}: ${errorMessage(error)}`);
      return undefined;
    }
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
      this.built.clear();
      this.building.clear();
      this.changed.fire();
    }, REBUILD_DELAY_MS);
  }
}

/** The settings file's size and modification time ('' when there is none): what says it must be read again. */
function settingsStamp(root: string): string {
  try {
    const stat = fs.statSync(path.join(root, GEMINI_SETTINGS));
    return stat.isFile() ? `${stat.size}:${stat.mtimeMs}` : '';
  } catch {
    return '';
  }
}
