// An open document against HEAD: the editor's working estimate of its buffer (counted incrementally) against HEAD's
// version, estimated once per commit and inputs and kept. Pure; the estimate worker runs it beside the working estimate.
import { companionReader } from '../diff/companions';
import {
  compareSides,
  estimatedSide,
  estimateSide,
  type CompareInputs,
  type EstimatedSide,
  type FileComparison,
  type SideOptions,
} from '../diff/compareFile';
import type { SourceEstimate } from '../estimate/estimateSource';

export const BASE_NAME = 'HEAD';
const HEAD_LABEL = 'this editor';

/** HEAD's side of one open document, as data (the host reads it through git; the worker estimates it). */
export interface BaseVersion {
  /** Changes with the commit, the path at HEAD and the pricing inputs: HEAD's side is estimated again only then. */
  key: string;
  /** Repository paths now and at HEAD (they differ for a staged rename). */
  path: string;
  basePath: string;
  /** The same paths as format detection and the usage file's globs see them. */
  globPath: string;
  baseGlobPath: string;
  /** HEAD's bytes; absent for a file HEAD does not have (new). */
  bytes?: Uint8Array;
  /** HEAD's version of the files the format refers to, by glob path (a CrewAI tasks file's agents.yaml). */
  companions: [string, Uint8Array | undefined][];
}

/** HEAD's side, estimated: what the worker keeps per document until the base's key changes. */
export interface EstimatedBase {
  key: string;
  side: EstimatedSide;
  /** HEAD's text, to tell an unchanged buffer without counting anything. */
  text: string | undefined;
}

export type DocumentDelta =
  /** The buffer is HEAD's text: nothing changed. */
  { kind: 'identical' } | { kind: 'compared'; comparison: FileComparison };

export function estimateBase(base: BaseVersion, options: SideOptions): EstimatedBase {
  const inputs = compareInputs(
    base,
    { ...options, ...(base.companions.length > 0 ? { readCompanion: companionReader(new Map(base.companions)) } : {}) },
    options,
  );
  const text = base.bytes && new TextDecoder('utf-8').decode(base.bytes);
  return { key: base.key, side: estimateSide('base', base.basePath, base.bytes, inputs), text };
}

/** `working` is the working estimate of `text` (the document's whole buffer), made with `options`. */
export function documentDelta(
  base: BaseVersion,
  estimated: EstimatedBase,
  text: string,
  working: SourceEstimate,
  options: SideOptions,
): DocumentDelta {
  if (estimated.text !== undefined && base.basePath === base.path && estimated.text === text)
    return { kind: 'identical' };
  const inputs = compareInputs(base, options, options);
  const head = estimatedSide('head', base.path, text, working, inputs);
  const versions = {
    path: base.path,
    status: base.bytes === undefined ? 'added' : base.basePath !== base.path ? 'renamed' : 'modified',
    ...(base.basePath !== base.path ? { basePath: base.basePath } : {}),
  } as const;
  return { kind: 'compared', comparison: compareSides(versions, estimated.side, head) };
}

function compareInputs(base: BaseVersion, baseOptions: SideOptions, headOptions: SideOptions): CompareInputs {
  const globs = new Map([
    [base.path, base.globPath],
    [base.basePath, base.baseGlobPath],
  ]);
  return {
    base: baseOptions,
    head: headOptions,
    globPath: (path) => globs.get(path) ?? path,
    baseLabel: BASE_NAME,
    headLabel: HEAD_LABEL,
  };
}
