// Bytes of a file → its estimate. The one entry point both shells use, so a file reads and prices the same in the
// editor, the CLI and the diff.
import { readPromptFile, type ReadOptions } from '../formats';
import type { DocumentLines } from '../formats/documentLines';
import { prepareForRuntimes, withRuntimes, type RuntimeEnvironment } from '../runtimes/runtimeEstimate';
import type { SkippedFile } from '../types';
import { withCompanions, type CompanionReader } from './crewCompanion';
import { estimateFile } from './estimateFile';
import type { EstimateOptions } from './estimateUnit';
import type { FileEstimate } from './types';

export type SourceEstimate = { ok: true; estimate: FileEstimate } | { ok: false; skipped: SkippedFile };

export interface SourceOptions extends EstimateOptions {
  maxBytes?: number;
  extraGlobs?: string[];
  /** The user named this file: priced as a plain prompt when it is no known format (see ReadOptions). */
  namedByUser?: boolean;
  /** Reads sibling files a format refers to (CrewAI tasks → agents.yaml). */
  readCompanion?: CompanionReader;
  /** The workspace's agent runtimes (imports, per-request shares, agent sessions); absent = the file on its own. */
  runtimes?: RuntimeEnvironment;
  /** The open document's lines, followed through its edits (the editor's worker keeps one per document). */
  document?: DocumentLines;
}

/** `source` is the file's bytes, or its text as an editor holds it. `path` is shown to the user; `options.relativePath` (workspace-relative) is what format detection and globs see. */
export function estimateSource(path: string, source: Uint8Array | string, options: SourceOptions): SourceEstimate {
  const readOptions: ReadOptions = {};
  if (options.maxBytes !== undefined) readOptions.maxBytes = options.maxBytes;
  if (options.extraGlobs) readOptions.extraGlobs = options.extraGlobs;
  if (options.namedByUser) readOptions.namedByUser = true;
  const renamed = options.runtimes?.options.contextFileNames;
  if (renamed) readOptions.workspaceNames = renamed;
  if (options.document) readOptions.document = options.document;
  const read = readPromptFile(options.relativePath, source, readOptions);
  if (!read.ok) return { ok: false, skipped: { ...read.error, path } };
  const file = prepareForRuntimes(
    withCompanions({ ...read.value, path }, options.relativePath, options.readCompanion),
    options.relativePath,
    options.runtimes,
  );
  const estimate = estimateFile(file, options);
  if (!options.runtimes) return { ok: true, estimate };
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const layers = {
    ...(options.flags ? { flags: options.flags } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  };
  return { ok: true, estimate: withRuntimes(estimate, options.relativePath, text, options.runtimes, layers) };
}
