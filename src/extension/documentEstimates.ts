// The estimate of each open prompt document, computed off the editor's path: cached per document version, recomputed
// after a pause in typing (debounced per document, with a ceiling so a long burst still updates), and thrown away
// when settings, the usage file or a file choice change. The estimate runs in a worker thread within a time budget, so
// no file can keep the extension host from answering; past the budget the lens says the file is too large to count
// here. In the worker each open prompt document has a `DocumentCounter` that follows every content change (sent with
// the next request) with exact incremental counts, so after a keystroke the body and each section are recounted from
// stored chunk counts (only the edited stretch is encoded again); a re-estimate then costs the parse plus prefix-sum
// look-ups.
// The same model holds the document's delta against HEAD (in a trusted workspace with git): HEAD's side is estimated in
// the worker once per commit and inputs and kept there, so after a pause in typing the file is parsed and counted once,
// for every lens, the hover, the status bar and the language-model tools.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { relabelFlagSources } from '../core/estimate/choiceLabels';
import type { SourceEstimate } from '../core/estimate/estimateSource';
import { skippedFile } from '../core/problems/skipText';
import { checkReadable } from '../core/files/readableFile';
import { nodeFileProbe } from '../host/fileProbe';
import { detectFormat, isPromptPath } from '../core/formats';
import { sourceLanguageOf } from '../core/sourceCalls/grammars';
import { importsAnSdk } from '../core/sourceCalls/sdks';
import { companionsOf } from '../core/diff/companions';
import type { DocumentDelta } from '../core/editor/documentDelta';
import type { TextChange } from '../core/tokenize/incremental';
import { ESTIMATE_BUDGET_MS } from './worker/budget';
import { EstimateRunner, type ContextOutcome } from './worker/estimateRunner';
import { hasContextFileName } from '../core/runtimes/contextFileNames';
import type { ExactCountsSource, PriceDataSource, RuntimeSource } from './worker/protocol';
import { Config } from './config';
import { Disposable } from './disposable';
import type { AgentContexts } from './agentContexts';
import type { HeadBases } from './diff/headBases';
import type { FileChoices } from './fileChoices';
import type { Log } from './log';
import type { UsageFiles } from './usageFileWatcher';

const DEBOUNCE_MS = 200;
const MAX_WAIT_MS = 1000;
const SLOW_ESTIMATE_MS = 50;
// CrewAI tasks read their agents from the sibling agents.yaml; an edit there re-estimates open task files.
const COMPANION_GLOB = '**/agents.{yaml,yml}';

/** Where the worker finds exact counts ("Burnrate: Check Claude Counts" stores them), and when they change. */
export interface ExactCountsFiles {
  source(): ExactCountsSource | undefined;
  onDidChange: vscode.Event<void>;
}

export interface DocumentEstimate {
  uri: vscode.Uri;
  version: number;
  /** Workspace-relative path with `/` (what format detection and the usage file's globs see). */
  relativePath: string;
  folder: vscode.WorkspaceFolder | undefined;
  result: SourceEstimate;
  /** Against HEAD; absent when there is nothing to compare with (Restricted Mode, no repository, an ignored file). */
  delta?: DeltaAgainstHead;
  millis: number;
}

export interface DeltaAgainstHead {
  root: vscode.Uri;
  commit: string;
  /** Repository paths now and at HEAD. */
  path: string;
  basePath: string;
  outcome: DocumentDelta;
}

interface CacheEntry {
  version: number;
  generation: number;
  estimate: DocumentEstimate;
}

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  firstScheduled: number;
  waiters: ((estimate: DocumentEstimate | undefined) => void)[];
}

export class DocumentEstimates extends Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  /** Edits since each document's last estimate: the worker's incremental counter follows them. */
  private readonly edits = new Map<string, TextChange[]>();
  private readonly runner = new EstimateRunner(ESTIMATE_BUDGET_MS);
  private readonly computing = new Map<
    string,
    { version: number; generation: number; promise: Promise<DocumentEstimate> }
  >();
  private readonly pending = new Map<string, Pending>();
  private generation = 0;
  /** Bumped when what prices a file changes (not when git's state does): HEAD's side is estimated again then. */
  private inputs = 0;
  private readonly invalidated = this.register(new vscode.EventEmitter<void>());
  private readonly updated = this.register(new vscode.EventEmitter<DocumentEstimate>());
  /** Every estimate is stale (settings, usage file or a file choice changed): providers should ask again. */
  readonly onDidInvalidate = this.invalidated.event;
  /** A document's estimate was recomputed. */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly usage: UsageFiles,
    private readonly choices: FileChoices,
    private readonly log: Log,
    private readonly agentContexts?: AgentContexts,
    private readonly bases?: HeadBases,
    private readonly exactCounts?: ExactCountsFiles,
  ) {
    super();
    if (bases) this.register(bases.onDidChange(() => this.invalidate('git state changed', { inputs: false })));
    if (exactCounts) this.register(exactCounts.onDidChange(() => this.invalidate('exact Claude counts changed')));
    if (agentContexts) this.register(agentContexts.onDidChange(() => this.invalidate('agent runtime files changed')));
    this.register(usage.onDidChange(() => this.invalidate('usage file changed')));
    this.register(choices.onDidChange(() => this.invalidate('file choice changed')));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        const inputs = [
          'defaults.model',
          'defaults.callsPerDay',
          'defaults.outputTokens',
          'files.extraGlobs',
          'files.maxSizeBytes',
          'prices.overrides',
        ] as const;
        if (Config.affects(event, ...inputs)) this.invalidate('settings changed');
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        const key = event.document.uri.toString();
        // Only documents the worker counts: their counter there follows the edits.
        const edits = this.cache.has(key) || this.computing.has(key) ? (this.edits.get(key) ?? []) : undefined;
        if (edits) {
          for (const change of event.contentChanges)
            edits.push({ rangeOffset: change.rangeOffset, rangeLength: change.rangeLength, text: change.text });
          this.edits.set(key, edits);
        }
        if (this.cache.has(key)) this.schedule(event.document);
        if (detectFormat(relativePathOf(event.document.uri)) === 'crewai-agents')
          this.invalidateSoon('agents.yaml edited');
      }),
    );
    const companions = this.register(vscode.workspace.createFileSystemWatcher(COMPANION_GLOB));
    for (const event of [companions.onDidChange, companions.onDidCreate, companions.onDidDelete]) {
      this.register(event(() => this.invalidateSoon('agents.yaml changed on disk')));
    }
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    this.register({
      dispose: () => {
        this.runner.dispose();
        this.pending.forEach((p) => clearTimeout(p.timer));
        clearTimeout(this.invalidateTimer);
      },
    });
  }

  /** Per source document, whether its text (at that version) imports an SDK: asked on every lens and status refresh. */
  private readonly sdkImports = new Map<string, { version: number; imports: boolean }>();

  /**
   * Is this a file Burnrate reads: a known prompt format, one of the user's extra globs, or a source file that imports
   * an SDK (the same pre-check as the CLI's; a source file without one gets no lens, no status, no skip).
   */
  isPromptDocument(document: vscode.TextDocument): boolean {
    if (document.uri.scheme !== 'file') return false;
    const relativePath = relativePathOf(document.uri);
    if (isPromptPath(relativePath, new Config(document.uri).extraGlobs)) return true;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (hasContextFileName(relativePath, this.agentContexts?.renamedFor(folder))) return true;
    if (!sourceLanguageOf(relativePath)) return false;
    const key = document.uri.toString();
    const known = this.sdkImports.get(key);
    if (known?.version === document.version) return known.imports;
    const imports = importsAnSdk(document.getText());
    this.sdkImports.set(key, { version: document.version, imports });
    return imports;
  }

  /** The latest estimate, if one was computed for this exact version and inputs. Never computes. */
  peek(document: vscode.TextDocument): DocumentEstimate | undefined {
    const entry = this.cache.get(document.uri.toString());
    return entry && entry.version === document.version && entry.generation === this.generation
      ? entry.estimate
      : undefined;
  }

  /**
   * The estimate of the document as it is (undefined for files Burnrate does not read, or when `token` is cancelled
   * first). While the user types, this waits for the debounce instead of counting every keystroke.
   */
  async get(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentEstimate | undefined> {
    if (!this.isPromptDocument(document)) return undefined;
    await this.usage.ready;
    const fresh = this.peek(document);
    if (fresh) return fresh;
    const key = document.uri.toString();
    const typing =
      this.pending.has(key) ||
      (this.cache.get(key)?.generation === this.generation && this.cache.get(key)!.version !== document.version);
    if (!typing) return this.compute(document);
    return new Promise((resolve) => {
      const cancelled = token?.onCancellationRequested(() => resolve(undefined));
      this.schedule(document).waiters.push((estimate) => {
        cancelled?.dispose();
        resolve(estimate);
      });
    });
  }

  private schedule(document: vscode.TextDocument): Pending {
    const key = document.uri.toString();
    const now = Date.now();
    const existing = this.pending.get(key);
    if (existing) clearTimeout(existing.timer);
    const firstScheduled = existing?.firstScheduled ?? now;
    const delay = Math.max(0, Math.min(DEBOUNCE_MS, firstScheduled + MAX_WAIT_MS - now));
    const pending: Pending = {
      firstScheduled,
      waiters: existing?.waiters ?? [],
      timer: setTimeout(() => {
        this.pending.delete(key);
        // Estimate the text as it is now; stale intermediate versions were never counted.
        const estimate = document.isClosed ? Promise.resolve(undefined) : this.compute(document);
        estimate.then(
          (result) => pending.waiters.forEach((resolve) => resolve(result)),
          (error: unknown) => {
            this.log.error(`estimating ${document.uri.fsPath}`, error);
            pending.waiters.forEach((resolve) => resolve(undefined));
          },
        );
      }, delay),
    };
    this.pending.set(key, pending);
    return pending;
  }

  /** One estimate per document version and inputs at a time: a hover and a lens asking together share it. */
  private compute(document: vscode.TextDocument): Promise<DocumentEstimate> {
    const key = document.uri.toString();
    const running = this.computing.get(key);
    if (running && running.version === document.version && running.generation === this.generation)
      return running.promise;
    const entry = { version: document.version, generation: this.generation, promise: this.estimateInWorker(document) };
    this.computing.set(key, entry);
    const done = () => {
      if (this.computing.get(key) === entry) this.computing.delete(key);
    };
    entry.promise.then(done, done);
    return entry.promise;
  }

  private async estimateInWorker(document: vscode.TextDocument): Promise<DocumentEstimate> {
    const started = performance.now();
    const key = document.uri.toString();
    const generation = this.generation;
    const base = await this.bases?.baseFor(document, this.inputs);
    // Read after the wait: the text, its version and the edits leading to it belong together.
    const version = document.version;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const relativePath = relativePathOf(document.uri);
    const config = new Config(document.uri);
    const prices = config.priceOverrides;
    for (const problem of prices.problems) this.log.warn(problem);
    const flags = this.choices.get(document.uri);
    const text = document.getText();
    const changes = this.edits.get(key) ?? [];
    this.edits.delete(key);
    const runtimes = this.agentContexts?.sourceFor(folder);
    const exactCountsSource = this.exactCounts?.source();
    const priceData = this.priceDataSource?.(folder);
    const outcome = await this.runner.run({
      key,
      path: relativePath,
      text,
      changes,
      options: {
        relativePath,
        usage: this.usage.configFor(folder),
        settings: config.usageDefaults,
        settingsPrices: prices.prices,
        maxBytes: config.maxSizeBytes,
        extraGlobs: config.extraGlobs,
        ...(flags ? { flags } : {}),
      },
      companions: companionsOf(relativePath).map((companion) => [companion, readCompanion(folder, companion)]),
      ...(folder?.uri.scheme === 'file' ? { root: folder.uri.fsPath } : {}),
      ...(runtimes ? { runtimes } : {}),
      ...(base ? { base: base.base } : {}),
      ...(exactCountsSource ? { exactCounts: exactCountsSource } : {}),
      ...(priceData ? { priceData } : {}),
    });
    let result: SourceEstimate;
    let delta: DeltaAgainstHead | undefined;
    if (outcome.ok) {
      result = outcome.value.result;
      if (result.ok && flags) {
        const origin = (key: string) => `${key} chosen with a Burnrate command (kept in workspace state)`;
        result = { ok: true, estimate: relabelFlagSources(result.estimate, origin) };
      }
      if (base && outcome.value.delta)
        delta = {
          root: base.root,
          commit: base.commit,
          path: base.base.path,
          basePath: base.base.basePath,
          outcome: outcome.value.delta,
        };
    } else if (outcome.error.kind === 'timedOut') {
      this.log.warn(
        `${relativePath} v${version}: not estimated within ${ESTIMATE_BUDGET_MS} ms; the worker was restarted`,
      );
      result = {
        ok: false,
        skipped: skippedFile(relativePath, { code: 'not-counted-in-time', seconds: ESTIMATE_BUDGET_MS / 1000 }),
      };
    } else {
      // The engine returns failures as values; reaching this is a bug, shown as a lens rather than an exception.
      this.log.warn(`estimating ${relativePath}: ${outcome.error.message}`);
      result = {
        ok: false,
        skipped: skippedFile(relativePath, { code: 'estimate-failed', error: outcome.error.message }),
      };
    }
    const millis = performance.now() - started;
    if (millis > SLOW_ESTIMATE_MS) this.log.info(`${relativePath} v${version}: estimated in ${millis.toFixed(0)} ms`);
    const estimate: DocumentEstimate = {
      uri: document.uri,
      version,
      relativePath,
      folder,
      result,
      millis,
      ...(delta ? { delta } : {}),
    };
    if (generation === this.generation && !document.isClosed) {
      this.cache.set(key, { version, generation, estimate });
      this.updated.fire(estimate);
    }
    return estimate;
  }

  private invalidateTimer: ReturnType<typeof setTimeout> | undefined;

  private invalidateSoon(why: string): void {
    clearTimeout(this.invalidateTimer);
    this.invalidateTimer = setTimeout(() => this.invalidate(why), DEBOUNCE_MS);
  }

  private priceDataSource: ((folder: vscode.WorkspaceFolder | undefined) => PriceDataSource | undefined) | undefined;

  /** The price data each folder's estimates use (the worker loads it); set once by the price data owner. */
  usePriceDataFrom(source: (folder: vscode.WorkspaceFolder | undefined) => PriceDataSource | undefined): void {
    this.priceDataSource = source;
    this.invalidate('price data source set');
  }

  /** The price data a folder's files are priced with in the worker (the cost review's too). */
  priceDataFor(folder: vscode.WorkspaceFolder | undefined): PriceDataSource | undefined {
    return this.priceDataSource?.(folder);
  }

  /**
   * A folder's agent-runtime context, built by the estimate worker with the folder's price data — the thread that
   * builds the same context for the lenses, which then need not build it again.
   */
  runtimeContext(folder: vscode.WorkspaceFolder, runtimes: RuntimeSource): Promise<ContextOutcome> {
    const priceData = this.priceDataSource?.(folder);
    return this.runner.context({ runtimes, usage: this.usage.configFor(folder), ...(priceData ? { priceData } : {}) });
  }

  /** Every estimate is stale for a reason outside the documents (the price data changed). */
  invalidateAll(why: string): void {
    this.agentContexts?.repriced();
    this.invalidate(why);
  }

  private invalidate(why: string, { inputs = true } = {}): void {
    this.generation++;
    if (inputs) this.inputs++;
    this.log.debug(`estimates invalidated: ${why}`);
    this.invalidated.fire();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cache.delete(key);
    this.sdkImports.delete(key);
    this.edits.delete(key);
    this.runner.forget(key);
    const pending = this.pending.get(key);
    if (pending) {
      clearTimeout(pending.timer);
      this.pending.delete(key);
      for (const resolve of pending.waiters) resolve(undefined);
    }
  }
}

/** A file the estimate refers to, as the editor has it (unsaved edits included), else as it is on disk. */
function readCompanion(folder: vscode.WorkspaceFolder | undefined, relativePath: string): Uint8Array | undefined {
  const uri = folder ? vscode.Uri.joinPath(folder.uri, relativePath) : vscode.Uri.file(relativePath);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return new TextEncoder().encode(open.getText());
  // As the CLI reads: never a symlink out of the workspace, a FIFO or a device.
  const roots = (vscode.workspace.workspaceFolders ?? [])
    .filter((f) => f.uri.scheme === 'file')
    .map((f) => f.uri.fsPath);
  if (!checkReadable(nodeFileProbe, uri.fsPath, roots).ok) return undefined;
  try {
    // Synchronous because the engine's estimate is: a small sibling file, read once per estimate.
    return fs.readFileSync(uri.fsPath);
  } catch {
    return undefined;
  }
}

/** Workspace-relative with `/`; the full path for files outside every folder. */
export function relativePathOf(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}
