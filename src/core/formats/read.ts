// The formats entry point: bytes of one file in, a ParsedFile (or the reason it was skipped) out. Pure: no I/O.
import type { FormatId, ReadResult } from '../types';
import { skippedFile } from '../problems/skipText';
import { err, ok } from '../result';
import { acceptText, decodeText, DEFAULT_MAX_BYTES } from './decode';
import { detectFormat, detectLooseFormat, matchesExtraGlobs, skipReasonFor } from './detect';
import type { DocumentLines } from './documentLines';
import { SourceLines } from './lines';
import type { FormatInput, FormatOutcome } from './parser';
import { formatSpec } from './registry';
import { loadingOf } from './registry/spec';

export interface ReadOptions {
  /** Larger files are skipped (default 5 MB). */
  maxBytes?: number;
  /** User globs for extra prompt files; matches that are no known format are read as plain prompts. */
  extraGlobs?: string[];
  /** The user named this file (not found by a walk): read it as a plain prompt when it is no known format. */
  namedByUser?: boolean;
  /** File names the workspace's own settings give a family (Gemini CLI's `context.fileName`), at any depth. */
  workspaceNames?: { names: readonly string[]; format: FormatId };
  /** The open document's lines as the editor's edits left them (the editor re-reads after every keystroke). */
  document?: DocumentLines;
}

/**
 * `source` is the file's bytes (from disk), or its text when an editor already holds it decoded — which spares a
 * megabyte-sized encode/decode round trip on every keystroke.
 */
export function readPromptFile(path: string, source: Uint8Array | string, options: ReadOptions = {}): ReadResult {
  const loose = detectFormat(path) === undefined ? detectLooseFormat(path) : undefined;
  const plain = options.namedByUser || matchesExtraGlobs(path, options.extraGlobs ?? []);
  let format =
    detectFormat(path) ??
    namedFormat(path, options.workspaceNames) ??
    loose?.format ??
    (plain ? 'plain-prompt' : undefined);
  if (!format) {
    const why = skipReasonFor(path);
    return err(skippedFile(path, why ? { code: 'known-folder', why } : { code: 'not-prompt' }));
  }

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const decoded = typeof source === 'string' ? acceptText(source, maxBytes) : decodeText(source, maxBytes);
  if (!decoded.ok) return err(skippedFile(path, decoded.error));
  let spec = formatSpec(format);
  const rejected = loose?.needsContentCheck ? spec.confirms?.(decoded.value.text) : undefined;
  if (rejected) {
    if (!options.namedByUser) return err(skippedFile(path, { code: 'not-this-format', why: rejected }));
    format = 'plain-prompt'; // a file the user named is always priced: as its format, else as a plain prompt
    spec = formatSpec(format);
  }

  const lines = options.document?.linesOf(decoded.value.text) ?? new SourceLines(decoded.value.text);
  const input: FormatInput = { path, lines };
  let outcome: FormatOutcome;
  try {
    outcome = spec.parse(input);
  } catch (error) {
    // A parser bug must not take down a lens or a CLI run over a whole tree: report it as this file's skip reason.
    const message = error instanceof Error ? error.message : String(error);
    return err(skippedFile(path, { code: 'parser-crashed', error: message }));
  }
  if (!outcome.ok) return err(skippedFile(path, { code: 'not-this-format', why: outcome.reason }));
  return ok({
    path,
    format,
    formatLabel: spec.label,
    units: outcome.units.map((unit) => (unit.loading ? unit : { ...unit, loading: loadingOf(unit, 'one-call') })),
    problems: [...decoded.value.problems, ...outcome.problems],
    ...(outcome.usageHints ? { usageHints: outcome.usageHints } : {}),
    ...(outcome.frontmatter ? { frontmatter: outcome.frontmatter } : {}),
  });
}

function namedFormat(path: string, named: ReadOptions['workspaceNames']): FormatId | undefined {
  const base = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1);
  return named?.names.includes(base) ? named.format : undefined;
}
