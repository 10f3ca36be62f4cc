// "Burnrate: Run Simulation": one panel at a time (the command reveals it again), restored after a window reload by
// a serializer registered for its view type (activation event onWebviewPanel:burnrate.simulation). Remembers the
// last prompt file the user had open, since the panel itself becomes the active editor once it is shown.
import * as vscode from 'vscode';
import {
  EXPORT_FORMATS,
  LEVER_KEYS,
  VIEW_TYPE,
  type ExportFormat,
  type Levers,
  type RenderedSummary,
} from '../../webview/protocol';
import { Disposable } from '../disposable';
import type { DocumentEstimates } from '../documentEstimates';
import type { Log } from '../log';
import type { UsageFiles } from '../usageFileWatcher';
import { exportRun } from './exporter';
import { SimulationPanel, type Selection } from './panel';

export interface SimulationDeps {
  extensionUri: vscode.Uri;
  usage: UsageFiles;
  estimates: DocumentEstimates;
  log: Log;
}

/** Arguments of burnrate.runSimulation (all optional; without them it opens the panel on the active file or the first scenario). */
export interface RunSimulationArgs {
  /** A scenario's name (or panel id). */
  scenario?: string;
  /** A prompt file to start a scenario from (its first unit, or `unit`). */
  file?: vscode.Uri | string;
  /** Which unit of `file` (its index in the file's estimate): the SDK call a "Run Simulation" lens sits over. */
  unit?: number;
  levers?: Partial<Levers>;
  /** Resolve with what the panel drew (for tests and other commands) instead of at once. */
  waitForRender?: boolean;
  timeoutMs?: number;
  /** After drawing, write this export of the drawn result to a file (no dialog). */
  exportTo?: { format: ExportFormat; uri: vscode.Uri | string };
}

export interface RunSimulationResult {
  rendered: RenderedSummary;
  exported?: vscode.Uri;
  /** Where the panel's batches ran so far (the host only when a worker thread failed). */
  batches: { inWorkers: number; here: number };
}

const DEFAULT_TIMEOUT_MS = 60_000;

export class SimulationPanels extends Disposable {
  private current: SimulationPanel | undefined;
  private promptFile: vscode.Uri | undefined;

  constructor(private readonly deps: SimulationDeps) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel) => {
          try {
            this.attach(panel);
          } catch (error) {
            deps.log.error('restoring the simulation panel', error);
          }
        },
      }),
    );
    const track = (editor: vscode.TextEditor | undefined) => {
      const document = editor?.document;
      if (
        !document ||
        !deps.estimates.isPromptDocument(document) ||
        document.uri.toString() === this.promptFile?.toString()
      )
        return;
      this.promptFile = document.uri;
      this.current?.refresh();
    };
    track(vscode.window.activeTextEditor);
    this.register(vscode.window.onDidChangeActiveTextEditor(track));
    this.register(deps.usage.onDidChange(() => this.current?.refresh()));
  }

  get panel(): SimulationPanel | undefined {
    return this.current;
  }

  /** The command: opens or reveals the panel, selects what the arguments name, and optionally waits for the drawing. */
  async open(rawArgs?: unknown): Promise<RunSimulationResult | undefined> {
    const args = readArgs(rawArgs);
    const active = vscode.window.activeTextEditor?.document;
    if (args.file) this.promptFile = args.file;
    else if (active && this.deps.estimates.isPromptDocument(active)) this.promptFile = active.uri;

    const existed = this.current !== undefined;
    const panel =
      this.current ??
      this.attach(
        vscode.window.createWebviewPanel(VIEW_TYPE, 'Burnrate Simulation', {
          viewColumn: vscode.ViewColumn.Beside,
          preserveFocus: false,
        }),
      );
    if (existed) panel.panel.reveal(undefined, false);

    // Run from a prompt file's editor, the command starts from that file; from anywhere else the panel keeps its
    // selection (or, when new, starts on the first scenario of .burnrate.yaml).
    let selection: Selection | undefined;
    if (args.scenario !== undefined || args.file || args.levers) {
      selection = {
        ...(args.scenario !== undefined ? { scenario: args.scenario } : {}),
        ...(args.file ? { file: args.file } : {}),
        ...(args.file && args.unit !== undefined ? { unit: args.unit } : {}),
        ...(args.levers ? { levers: args.levers } : {}),
      };
    } else if (active && this.deps.estimates.isPromptDocument(active)) {
      selection = { file: active.uri };
    }
    const waiting = args.waitForRender ? panel.nextRender(args.timeoutMs ?? DEFAULT_TIMEOUT_MS, selection) : undefined;
    if (selection) panel.select(selection);
    if (!waiting) return undefined;
    const rendered = await waiting;
    const result: RunSimulationResult = { rendered, batches: panel.batchesRan };
    if (args.exportTo) {
      const run = panel.finishedRun(rendered.requestId);
      if (!run)
        throw new Error('the drawn result is not held by the extension (it was restored from the webview state)');
      const outcome = await exportRun(run, args.exportTo.format, args.exportTo.uri);
      if (outcome.uri) result.exported = outcome.uri;
    }
    return result;
  }

  override dispose(): void {
    this.current?.dispose();
    super.dispose();
  }

  private attach(webviewPanel: vscode.WebviewPanel): SimulationPanel {
    this.current?.dispose();
    const panel = new SimulationPanel(webviewPanel, {
      ...this.deps,
      promptFiles: () => (this.promptFile ? [this.promptFile] : []),
    });
    this.current = panel;
    panel.onDidDispose(() => {
      if (this.current === panel) this.current = undefined;
    });
    return panel;
  }
}

function readArgs(raw: unknown): {
  scenario?: string;
  file?: vscode.Uri;
  unit?: number;
  levers?: Partial<Levers>;
  waitForRender?: boolean;
  timeoutMs?: number;
  exportTo?: { format: ExportFormat; uri: vscode.Uri };
} {
  // From the Explorer or an editor title menu the argument is the file's URI.
  if (raw instanceof vscode.Uri) return { file: raw };
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const args: ReturnType<typeof readArgs> = {};
  if (typeof r.scenario === 'string') args.scenario = r.scenario;
  const file = toUri(r.file);
  if (file) args.file = file;
  if (typeof r.unit === 'number' && Number.isInteger(r.unit) && r.unit >= 0) args.unit = r.unit;
  if (typeof r.levers === 'object' && r.levers !== null) {
    const given = r.levers as Record<string, unknown>;
    const levers: Record<string, string | number> = {};
    for (const key of LEVER_KEYS) {
      const value = given[key];
      const text = key === 'model' || key === 'routingModel';
      if (text ? typeof value === 'string' && value.trim() !== '' : typeof value === 'number' && Number.isFinite(value))
        levers[key] = value as string | number;
    }
    if (Object.keys(levers).length > 0) args.levers = levers as Partial<Levers>;
  }
  if (r.waitForRender === true) args.waitForRender = true;
  if (typeof r.timeoutMs === 'number' && r.timeoutMs > 0) args.timeoutMs = r.timeoutMs;
  const exportTo = r.exportTo as { format?: unknown; uri?: unknown } | undefined;
  const exportUri = toUri(exportTo?.uri);
  if (exportUri && (EXPORT_FORMATS as readonly unknown[]).includes(exportTo?.format))
    args.exportTo = { format: exportTo!.format as ExportFormat, uri: exportUri };
  return args;
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value)
    return value.includes('://') || value.startsWith('file:') ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}
