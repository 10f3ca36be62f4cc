// One simulation panel: its webview (strict CSP, fresh nonce per render, resources only from out/ and media/), the
// message loop, and the host session that runs the engine. Nothing is posted before the webview's `ready`; a webview
// that was hidden is rebuilt by VS Code and says `ready` again. Every failure is logged and shown in the panel,
// never thrown into the extension host.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BatchRunner } from '../../core/simulate/batches';
import { createWorkerPool, defaultWorkerCount, type WorkerPool } from '../../host/simulate/workerPool';
import { modelChoices } from '../../core/present/modelChoices';
import {
  parseWebviewMessage,
  type HostMessage,
  type Levers,
  type RenderedSummary,
  type WebviewMessage,
} from '../../webview/protocol';
import { Disposable } from '../disposable';
import { errorMessage, type Log } from '../log';
import { exportRun } from './exporter';
import { newNonce, panelHtml } from './html';
import { PanelSession, type FinishedRun } from './panelSession';
import { loadScenarioSources, type SourceDeps } from './workspaceSources';

export interface PanelDeps extends SourceDeps {
  log: Log;
  extensionUri: vscode.Uri;
  /** Prompt files to offer as scenarios (the one the user started from, the last one active). */
  promptFiles(): vscode.Uri[];
}

/** What a command asks the panel to show: a scenario by id or name, or a unit of a prompt file (the first by default). */
export interface Selection {
  scenario?: string;
  file?: vscode.Uri;
  /** The unit of `file` (an SDK call of a source file) to start from, by its index in the file's estimate. */
  unit?: number;
  levers?: Partial<Levers>;
}

type InitMessage = Extract<HostMessage, { type: 'init' }>;

interface RenderWaiter {
  /** Resolve on the next drawing of any kind. */
  any: boolean;
  /** Else: the selection whose run to wait for, then its scenario id and the id of its run request. */
  selection?: Selection;
  scenarioId?: string;
  requestId?: string;
  resolve(summary: RenderedSummary): void;
  reject(error: Error): void;
}

export class SimulationPanel extends Disposable {
  private ready = false;
  private disposedPanel = false;
  private pending: Selection | undefined;
  /** The prompt file of the scenario last run (or selected before a reload): kept in the list so the selection survives. */
  private selectedFile: vscode.Uri | undefined;
  private readonly session: PanelSession;
  private readonly pool: WorkerPool;
  private readonly waiters = new Set<RenderWaiter>();
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;
  lastRendered: RenderedSummary | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
  ) {
    super();
    // The engine runs in worker threads, one core left to the extension host and the window; a thread that fails
    // mid-run hands its batch back to this thread, with the same result (logged).
    const script = path.join(deps.extensionUri.fsPath, 'out', 'simulateWorker.js');
    this.pool = createWorkerPool({ workers: Math.max(1, defaultWorkerCount() - 1), script, offThread: true });
    // Without the worker's script (a broken install) the runs go in time slices here, which yield to other work,
    // rather than through the pool's fallback, which would run whole batches on this thread.
    const offThread = fs.existsSync(script);
    if (!offThread) deps.log.warn(`simulation panel: ${script} is missing; simulations run on the extension host`);
    const pool = this.pool;
    const batches: BatchRunner = async (jobs, options) => {
      const before = pool.ran.here;
      const raws = await pool.run(jobs, options);
      if (pool.ran.here > before)
        deps.log.warn(
          `simulation panel: ${pool.ran.here - before} batch(es) ran on the extension host: a worker thread failed`,
        );
      return raws;
    };
    this.session = new PanelSession({ post: (message) => this.post(message), ...(offThread ? { batches } : {}) });
    const webview = panel.webview;
    webview.options = {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(deps.extensionUri, 'out'),
        vscode.Uri.joinPath(deps.extensionUri, 'media'),
      ],
    };
    this.render();
    this.register(webview.onDidReceiveMessage((data: unknown) => void this.receive(data)));
    this.register(
      panel.onDidChangeViewState(() => {
        // Hidden without retainContextWhenHidden: the page is gone until VS Code rebuilds it and it says ready.
        if (!panel.visible) this.ready = false;
      }),
    );
    this.register(
      panel.onDidDispose(() => {
        this.disposedPanel = true;
        this.dispose();
      }),
    );
  }

  /** Shows `selection` once the webview is ready (now, if it is). */
  select(selection: Selection): void {
    this.pending = selection;
    if (this.ready) void this.sendInit();
  }

  /** Reads the scenarios again (the usage file or the active prompt file changed) and sends them, if ready. */
  refresh(): void {
    if (this.ready) void this.sendInit();
  }

  /**
   * The summary the webview posts after drawing: of the run that `selection` starts (select it first), or of the
   * next result drawn when there is no selection (e.g. the saved result drawn again after a reload).
   */
  nextRender(timeoutMs: number, selection?: Selection): Promise<RenderedSummary> {
    return new Promise((resolve, reject) => {
      const waiter: RenderWaiter = {
        any: selection === undefined,
        ...(selection ? { selection } : {}),
        resolve: (summary) => settle(() => resolve(summary)),
        reject: (error) => settle(() => reject(error)),
      };
      const timer = setTimeout(
        () => waiter.reject(new Error(`the simulation panel drew nothing within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const settle = (done: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        done();
      };
      this.waiters.add(waiter);
    });
  }

  finishedRun(requestId: string): FinishedRun | undefined {
    return this.session.finishedRun(requestId);
  }

  /** The scenario id a selection names, once the sources are loaded. */
  resolvedScenarioId(selection: Selection): string | undefined {
    if (selection.file) {
      const prefix = `file:${selection.file.toString()}#`;
      const wanted = selection.unit === undefined ? undefined : `${prefix}${selection.unit}`;
      return this.session.scenarios.find((s) => (wanted ? s.choice.id === wanted : s.choice.id.startsWith(prefix)))
        ?.choice.id;
    }
    return selection.scenario ? this.session.find(selection.scenario)?.choice.id : undefined;
  }

  /** Batches this panel's runs simulated in worker threads and on the extension host (a fallback). */
  get batchesRan(): { inWorkers: number; here: number } {
    return { ...this.pool.ran };
  }

  override dispose(): void {
    this.session.dispose();
    void this.pool.close();
    for (const waiter of this.waiters) waiter.reject(new Error('the simulation panel was closed'));
    this.disposeEmitter.fire();
    super.dispose();
    if (!this.disposedPanel) {
      this.disposedPanel = true;
      this.panel.dispose();
    }
  }

  private render(): void {
    const webview = this.panel.webview;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'out', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'simulation.css')).toString(),
    });
  }

  private async receive(data: unknown): Promise<void> {
    const message = parseWebviewMessage(data);
    if (!message) {
      this.deps.log.warn(`simulation panel: ignored a malformed message (${describe(data)})`);
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      this.deps.log.error(`simulation panel: ${message.type}`, error);
      if (message.type === 'run')
        this.post({
          type: 'runFailed',
          requestId: message.requestId,
          message: `internal error: ${errorMessage(error)}`,
          problems: [],
        });
      if (message.type === 'export')
        this.post({
          type: 'exported',
          requestId: message.requestId,
          ok: false,
          message: `Export failed: ${errorMessage(error)}`,
        });
      for (const waiter of this.waiters) waiter.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (message.restoredScenarioId?.startsWith('file:')) this.selectedFile = fileOf(message.restoredScenarioId);
        await this.sendInit();
        return;
      case 'reloadScenarios':
        await this.sendInit();
        return;
      case 'run':
        if (message.scenarioId.startsWith('file:')) this.selectedFile = fileOf(message.scenarioId);
        for (const waiter of this.waiters)
          if (waiter.scenarioId === message.scenarioId && !waiter.requestId) waiter.requestId = message.requestId;
        await this.session.run(message);
        return;
      case 'cancel':
        this.session.cancel(message.requestId);
        return;
      case 'export': {
        const run = this.session.finishedRun(message.runRequestId);
        if (!run) {
          this.post({
            type: 'exported',
            requestId: message.requestId,
            ok: false,
            message: 'That result is no longer held by the extension; let the run finish and export again.',
          });
          return;
        }
        const outcome = await exportRun(run, message.format, message.to);
        this.post({ type: 'exported', requestId: message.requestId, ok: true, message: outcome.message });
        return;
      }
      case 'rendered': {
        const summary = message.summary;
        this.lastRendered = summary;
        if (summary.cspViolations.length > 0)
          this.deps.log.warn(`simulation panel: CSP violations: ${summary.cspViolations.join('; ')}`);
        for (const waiter of this.waiters) {
          if (waiter.any || (waiter.requestId === summary.requestId && summary.source === 'run'))
            waiter.resolve(summary);
        }
        return;
      }
      case 'webviewError':
        this.deps.log.error('simulation webview', message.message);
        return;
    }
  }

  private async sendInit(): Promise<void> {
    const selection = this.pending;
    this.pending = undefined;
    const files = [...this.deps.promptFiles()];
    if (selection?.file) files.unshift(selection.file);
    if (this.selectedFile) files.push(this.selectedFile);
    const loaded = await loadScenarioSources(this.deps, files);
    this.session.setSources(loaded.sources);
    const message: InitMessage = {
      type: 'init',
      scenarios: loaded.sources.map((s) => s.choice),
      models: modelChoices(loaded.prices).map((m) => ({ id: m.id, detail: m.rates })),
      problems: loaded.problems,
    };
    if (selection) {
      const scenarioId = this.resolvedScenarioId(selection);
      const bound = [...this.waiters].filter((w) => w.selection === selection);
      if (scenarioId) {
        message.select = { scenarioId, ...(selection.levers ? { levers: selection.levers } : {}) };
        for (const waiter of bound) waiter.scenarioId = scenarioId;
      } else {
        const wanted = selection.file ? vscode.workspace.asRelativePath(selection.file) : selection.scenario;
        message.problems = [
          { severity: 'error', message: `No scenario "${wanted}" to simulate.` },
          ...message.problems,
        ];
        for (const waiter of bound)
          waiter.reject(
            new Error(
              `no scenario "${wanted}" (scenarios: ${message.scenarios.map((s) => s.label).join(', ') || 'none'})`,
            ),
          );
      }
    }
    this.post(message);
  }

  private post(message: HostMessage): void {
    if (message.type === 'runFailed' || message.type === 'cancelled') {
      const why = message.type === 'runFailed' ? message.message : 'the run was cancelled';
      for (const waiter of this.waiters) if (waiter.requestId === message.requestId) waiter.reject(new Error(why));
    }
    if (!this.ready || this.disposedPanel) return;
    void this.panel.webview
      .postMessage(message)
      .then(undefined, (error: unknown) =>
        this.deps.log.warn(`simulation panel: a message was not delivered (${errorMessage(error)})`),
      );
  }
}

function fileOf(scenarioId: string): vscode.Uri | undefined {
  const hash = scenarioId.lastIndexOf('#');
  try {
    return vscode.Uri.parse(scenarioId.slice('file:'.length, hash < 0 ? undefined : hash), true);
  } catch {
    return undefined;
  }
}

function describe(data: unknown): string {
  const text = JSON.stringify(data) ?? String(data);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
