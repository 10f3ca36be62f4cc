// The estimate worker: the engine's estimate of an open document, off the extension host's thread, so that no file —
// a 2 MB pathological line, a turn cap of 1e9 — can keep the host from answering. The host gives each request a time
// budget and ends this thread when it is spent.
import { parentPort } from 'worker_threads';
import { companionReader } from '../../core/diff/companions';
import { estimateSource } from '../../core/estimate/estimateSource';
import { DocumentCounter } from '../../core/tokenize/documentCounter';
import type { EstimateResponse, WorkerMessage } from './protocol';

const counters = new Map<string, DocumentCounter>();

function counterFor(key: string, text: string, changes: Parameters<DocumentCounter['applyChanges']>[0]): DocumentCounter {
  let counter = counters.get(key);
  if (!counter) {
    counters.set(key, (counter = new DocumentCounter(text)));
    return counter;
  }
  if (changes.length > 0) counter.applyChanges(changes, text);
  counter.setText(text); // a missed edit: start over rather than answer from stale chunks
  return counter;
}

parentPort?.on('message', (message: WorkerMessage) => {
  if ('forget' in message) {
    counters.delete(message.forget);
    return;
  }
  parentPort?.postMessage({ id: message.id, started: true } satisfies EstimateResponse);
  let response: EstimateResponse;
  try {
    const result = estimateSource(message.path, message.text, {
      ...message.options,
      counter: counterFor(message.key, message.text, message.changes),
      readCompanion: companionReader(new Map(message.companions)),
    });
    response = { id: message.id, result };
  } catch (error) {
    response = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
