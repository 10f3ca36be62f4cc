// Messages between the extension host and the estimate worker. Everything here is structured-cloneable data: the
// engine's options without its callbacks (companion files are read by the host and sent along). Three kinds of
// request: an open document's estimate, one changed file of the review (both sides' bytes, read by the host through
// git), and a folder's agent-runtime context (for the Agent Context view and the runtime status bar).
import type { CompareJob, FileComparison } from '../../core/diff';
import type { BaseVersion, DocumentDelta } from '../../core/editor/documentDelta';
import type { SourceEstimate, SourceOptions } from '../../core/estimate/estimateSource';
import type { ContextOptions, WorkspaceContext } from '../../core/runtimes/context';
import type { UsageConfig } from '../../core/usage/usageConfig';
import type { TextChange } from '../../core/tokenize/incremental';

export type WorkerOptions = Omit<SourceOptions, 'counter' | 'readCompanion' | 'runtimes'>;

/** A workspace folder's agent runtimes, as data: the worker reads the folder and builds them itself, once per version. */
export interface RuntimeSource {
  root: string;
  version: number;
  options: Omit<ContextOptions, 'usage' | 'only'>;
}

export interface EstimateRequest {
  kind: 'estimate';
  id: number;
  /** The document's key (its URI): the worker keeps one incremental counter per document. */
  key: string;
  path: string;
  text: string;
  /** The edits since this document's previous request, in order; the worker's counter follows them. */
  changes: TextChange[];
  options: WorkerOptions;
  /** Companion files by the workspace path the engine asks for (a CrewAI tasks file's agents.yaml). */
  companions: [string, Uint8Array | undefined][];
  /**
   * The document's workspace folder on disk: a source file's one-hop imports and file-loaded prompts are known only
   * once it is parsed, so the worker reads them from there (inside the folder only), as the CLI does.
   */
  root?: string;
  runtimes?: RuntimeSource;
  /** HEAD's side of the document (a trusted workspace, a file git tracks or a new one): the delta runs here too. */
  base?: BaseVersion;
  exactCounts?: ExactCountsSource;
  priceData?: PriceDataSource;
}

/** The file of exact Claude counts the worker answers from (by content hash), re-read when `version` changes. */
export interface ExactCountsSource {
  file: string;
  version: number;
}

/** The price data the worker prices with (absent: the bundled data); re-read when it differs from the last one. */
export type PriceDataSource =
  { kind: 'stored'; dir: string; version: number } | { kind: 'pinned'; file: string; shownAs: string; version: number };

/** The worker's `workerData`: what it needs from the extension's install before the first request. */
export interface WorkerInit {
  /** The extension's out/grammars/ (the source-code parser's WASM), loaded on the first source file. */
  grammarDir: string;
}

/** One changed file of the "Prompt Cost Changes" review, compared in the worker. */
export interface CompareRequest {
  kind: 'compare';
  id: number;
  job: CompareJob;
  priceData?: PriceDataSource;
}

/**
 * A folder's agent-runtime context, built here from disk (every runtime file counted, whatever its size) and kept for
 * the estimates of that folder, which read the same one.
 */
export interface ContextRequest {
  kind: 'context';
  id: number;
  runtimes: RuntimeSource;
  usage: UsageConfig;
  priceData?: PriceDataSource;
}

export type WorkerRequest = EstimateRequest | CompareRequest | ContextRequest;

export type WorkerMessage = WorkerRequest | { forget: string };

/** `started` comes first, when the thread takes the request up: its time budget counts from then. */
export type EstimateResponse =
  | { id: number; started: true }
  | { id: number; result: SourceEstimate; delta?: DocumentDelta }
  | { id: number; comparison: FileComparison }
  | { id: number; context: WorkspaceContext }
  | { id: number; error: string };
