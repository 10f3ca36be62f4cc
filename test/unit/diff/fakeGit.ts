// An in-memory GitSource: two maps of path → content. Ids are the content itself, so equal content has equal ids,
// as with git blob ids. Counts what is read, so tests can check that unchanged files are not.
import type { ChangedFile, FileRef, GitFailure, GitOutcome, GitSource, Side } from '../../../src/core/diff';
import { err } from '../../../src/core/result';

export type Tree = Record<string, string | Uint8Array>;

export interface FakeOptions {
  /** [from, to] pairs reported as renames (both must be in the trees: from at base, to at head). */
  renames?: [string, string][];
  /** Report changes without blob ids (like a working tree). */
  withoutIds?: boolean;
  /** Fail this operation with this failure. */
  fail?: { on: 'changes' | 'read' | 'listFiles'; failure: GitFailure };
  /** Report these paths as changed although their content is equal (mode changes). */
  modeChanges?: string[];
}

export class FakeGit implements GitSource {
  readonly baseLabel = 'HEAD';
  readonly headLabel = 'working tree';
  readonly reads: { side: Side; path: string }[] = [];
  listCalls = 0;

  constructor(
    private readonly base: Tree,
    private readonly head: Tree,
    private readonly options: FakeOptions = {},
  ) {}

  async changes(): Promise<GitOutcome<ChangedFile[]>> {
    if (this.options.fail?.on === 'changes') return err(this.options.fail.failure);
    const renamedFrom = new Map((this.options.renames ?? []).map(([from, to]) => [to, from]));
    const renamedAway = new Set((this.options.renames ?? []).map(([from]) => from));
    const result: ChangedFile[] = [];
    for (const path of [...new Set([...Object.keys(this.base), ...Object.keys(this.head)])].sort()) {
      const from = renamedFrom.get(path);
      if (from !== undefined) {
        result.push(this.withIds({ status: 'renamed', path, basePath: from }, this.base[from], this.head[path]));
        continue;
      }
      if (renamedAway.has(path) && !(path in this.head)) continue;
      const b = this.base[path];
      const h = this.head[path];
      if (b === undefined) result.push(this.withIds({ status: 'added', path }, undefined, h));
      else if (h === undefined) result.push(this.withIds({ status: 'deleted', path }, b, undefined));
      else if (id(b) !== id(h) || this.options.modeChanges?.includes(path))
        result.push(this.withIds({ status: 'modified', path }, b, h));
    }
    return { ok: true, value: result };
  }

  async read(side: Side, files: readonly FileRef[]): Promise<GitOutcome<(Uint8Array | undefined)[]>> {
    if (this.options.fail?.on === 'read') return err(this.options.fail.failure);
    const tree = side === 'base' ? this.base : this.head;
    return {
      ok: true,
      value: files.map((file) => {
        this.reads.push({ side, path: file.path });
        const content = tree[file.path];
        return content === undefined ? undefined : bytes(content);
      }),
    };
  }

  async listFiles(): Promise<GitOutcome<string[]>> {
    this.listCalls++;
    if (this.options.fail?.on === 'listFiles') return err(this.options.fail.failure);
    return { ok: true, value: Object.keys(this.head).sort() };
  }

  private withIds(
    change: ChangedFile,
    b: string | Uint8Array | undefined,
    h: string | Uint8Array | undefined,
  ): ChangedFile {
    if (this.options.withoutIds) return change;
    if (b !== undefined) change.baseId = id(b);
    if (h !== undefined) change.headId = id(h);
    return change;
  }
}

export function bytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function id(content: string | Uint8Array): string {
  return typeof content === 'string' ? `s:${content}` : `b:${Array.from(content).join(',')}`;
}
