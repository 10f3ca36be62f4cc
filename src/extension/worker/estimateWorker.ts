// The estimate worker: the engine's estimate of an open document and its delta against HEAD, and each changed file of
// the cost review, off the extension host's thread, so that no file — a 2 MB pathological line, a turn cap of 1e9 —
// can keep the host from answering. The host gives each request a time budget and ends this thread when it is spent.
// HEAD's side of each document is estimated once per base key (commit, path, inputs) and kept; typing re-counts only
// the buffer, incrementally.
import { parentPort, workerData } from 'worker_threads';
import { exactCountsCounter, type ExactCounts } from '../../core/calibrate/exactCounts';
import { companionReader } from '../../core/diff/companions';
import { compareJob } from '../../core/diff/compareJob';
import {
  documentDelta,
  estimateBase,
  type BaseVersion,
  type DocumentDelta,
  type EstimatedBase,
} from '../../core/editor/documentDelta';
import { estimateSource, type SourceEstimate } from '../../core/estimate/estimateSource';
import { DocumentLines } from '../../core/formats/documentLines';
import type { RuntimeEnvironment } from '../../core/runtimes/runtimeEstimate';
import { DocumentCounter } from '../../core/tokenize/documentCounter';
import type { UsageConfig } from '../../core/usage/usageConfig';
import { diskRuntimeEnvironment } from '../../host/runtimeEnvironment';
import { readExactCountsFile } from '../../host/exactCountsFile';
import { companionBytesReader } from '../../host/diskSnapshot';
import type { CompanionReader } from '../../core/formats/registry/spec';
import { usePriceData } from '../../core/pricing/catalog';
import { applyPriceData, loadPinnedPriceData, loadStoredPriceData } from '../../core/pricing/priceDataStore';
import { loadSourceGrammars, sourceLanguageOf, useGrammarFolder } from '../../core/sourceCalls/grammars';
import { setSourceScope } from '../../core/sourceCalls/scope';
import type {
  EstimateRequest,
  EstimateResponse,
  ExactCountsSource,
  PriceDataSource,
  RuntimeSource,
  WorkerInit,
  WorkerMessage,
  WorkerRequest,
} from './protocol';

const counters = new Map<string, DocumentCounter>();
const documentLines = new Map<string, DocumentLines>();
const bases = new Map<string, EstimatedBase>();

function counterFor(
  key: string,
  text: string,
  changes: Parameters<DocumentCounter['applyChanges']>[0],
): DocumentCounter {
  let counter = counters.get(key);
  if (!counter) {
    counters.set(key, (counter = new DocumentCounter(text)));
    return counter;
  }
  if (changes.length > 0) counter.applyChanges(changes, text);
  counter.setText(text); // a missed edit: start over rather than answer from stale chunks
  return counter;
}

/** The document's lines, followed through its edits (a missed edit: read afresh from the text). */
function linesFor(key: string, text: string, changes: Parameters<DocumentLines['applyChanges']>[0]): DocumentLines {
  let lines = documentLines.get(key);
  if (!lines) documentLines.set(key, (lines = new DocumentLines()));
  else if (changes.length > 0) lines.applyChanges(changes, text);
  return lines;
}

/** HEAD's side of a document, estimated again only when its key (commit, path at HEAD, inputs) changed. */
function baseFor(key: string, base: BaseVersion, options: Parameters<typeof estimateBase>[1]): EstimatedBase {
  const kept = bases.get(key);
  if (kept?.key === base.key) return kept;
  const estimated = estimateBase(base, options);
  bases.set(key, estimated);
  return estimated;
}

const environments = new Map<string, { version: number; environment: RuntimeEnvironment }>();

/** The folder's runtimes, read from disk here the first time a version is asked for (the host's view rebuilds alike). */
function environmentFor(source: RuntimeSource | undefined, usage: UsageConfig): RuntimeEnvironment | undefined {
  if (!source) return undefined;
  const cached = environments.get(source.root);
  if (cached && cached.version === source.version) return cached.environment;
  const environment = diskRuntimeEnvironment(source.root, usage, source.options);
  environments.set(source.root, { version: source.version, environment });
  return environment;
}

let exact: (ExactCountsSource & { counts: ExactCounts }) | undefined;

/** The stored exact counts, read once per version of the file. */
function exactCountsFor(source: ExactCountsSource | undefined): ExactCounts | undefined {
  if (!source) return undefined;
  if (exact?.file !== source.file || exact.version !== source.version)
    exact = { ...source, counts: readExactCountsFile(source.file).counts };
  return exact.counts;
}

let priceDataKey: string | undefined;

/** The worker's own copy of the price data (a separate module instance from the host's), switched only on change. */
function usePriceSource(source: PriceDataSource | undefined): void {
  const key = source ? JSON.stringify(source) : '';
  if (key === priceDataKey) return;
  priceDataKey = key;
  const loaded =
    source === undefined
      ? undefined
      : source.kind === 'stored'
        ? loadStoredPriceData(source.dir)
        : loadPinnedPriceData(source.file, source.shownAs);
  if (!loaded || !applyPriceData(loaded).ok) usePriceData();
}

const diskReaders = new Map<string, { maxBytes: number | undefined; read: (path: string) => Uint8Array | undefined }>();

/** What the host fetched (open documents first), else for a source file the folder's files on disk. */
function companionsFor(message: EstimateRequest): CompanionReader {
  const fetched = companionReader(new Map(message.companions));
  const root = message.root;
  if (root === undefined || !sourceLanguageOf(message.path)) return fetched;
  const maxBytes = message.options.maxBytes;
  let disk = diskReaders.get(root);
  if (!disk || disk.maxBytes !== maxBytes) {
    disk = { maxBytes, read: companionBytesReader(root, maxBytes) };
    diskReaders.set(root, disk);
  }
  const { read } = disk;
  const known = new Set(message.companions.map(([path]) => path));
  return (path) => (known.has(path) ? fetched(path) : read(path));
}

const init = workerData as WorkerInit | undefined;
if (init?.grammarDir) useGrammarFolder(init.grammarDir);
// The host sends a source file only when it is shown and imports an SDK (core's `importsAnSdk`): every source file
// that reaches this thread is one to read.
setSourceScope({ all: true, globs: [] });

/** Source files need the parser's WASM, loaded once on the first of them (asynchronously; parsing is synchronous). */
async function ready(message: WorkerRequest): Promise<void> {
  const paths =
    message.kind === 'compare'
      ? message.job.globPaths.flat()
      : message.kind === 'context'
        ? []
        : [message.path, ...(message.base ? [message.base.basePath] : [])];
  if (paths.some((path) => sourceLanguageOf(path))) await loadSourceGrammars();
}

// One request at a time, in order: a source file waiting for the grammars holds the ones behind it.
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (message: WorkerMessage) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: WorkerMessage): Promise<void> {
  if ('forget' in message) {
    counters.delete(message.forget);
    documentLines.delete(message.forget);
    bases.delete(message.forget);
    return;
  }
  parentPort?.postMessage({ id: message.id, started: true } satisfies EstimateResponse);
  let response: EstimateResponse;
  try {
    await ready(message);
    usePriceSource(message.priceData);
    response =
      message.kind === 'compare'
        ? { id: message.id, comparison: compareJob(message.job) }
        : message.kind === 'context'
          ? { id: message.id, context: environmentFor(message.runtimes, message.usage)!.context }
          : { id: message.id, ...estimate(message) };
  } catch (error) {
    response = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
}

function estimate(message: EstimateRequest): { result: SourceEstimate; delta?: DocumentDelta } {
  const runtimes = environmentFor(message.runtimes, message.options.usage);
  const readCompanion = companionsFor(message);
  // HEAD's side of a source file reads its imports and prompt files as the buffer's side does (from the folder on
  // disk: which files they are is known only after parsing), so the delta is the file's own change, not placeholders
  // against texts.
  const { relativePath: _relativePath, ...side } = {
    ...message.options,
    ...(runtimes ? { runtimes } : {}),
    ...(sourceLanguageOf(message.path) ? { readCompanion } : {}),
  };
  const documentCounter = counterFor(message.key, message.text, message.changes);
  const counts = exactCountsFor(message.exactCounts);
  const result = estimateSource(message.path, message.text, {
    ...message.options,
    ...(runtimes ? { runtimes } : {}),
    counter: counts && counts.size > 0 ? exactCountsCounter(counts, documentCounter) : documentCounter,
    document: linesFor(message.key, message.text, message.changes),
    readCompanion,
  });
  const delta =
    message.base && documentDelta(message.base, baseFor(message.key, message.base, side), message.text, result, side);
  return { result, ...(delta ? { delta } : {}) };
}
