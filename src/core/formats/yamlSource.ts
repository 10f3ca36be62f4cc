// YAML (and JSON, which the `yaml` package reads as YAML 1.2) parsed into plain values, with a way back from a value's
// path to its lines in the file. Parsers read plain values and ask for lines only where they record them.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { LineRange } from '../types';
import { err, ok, type Result } from '../result';
import type { SourceLines } from './lines';
import type { Positions } from './values';

export type YamlPath = readonly (string | number)[];

/** The parsed YAML, or where (0-based line) and why it is not YAML. */
export type YamlParse = Result<YamlSource, { line: number; message: string }>;

/**
 * Parse `text`, which starts at file line `firstLine` (non-zero for frontmatter). Duplicate keys are accepted, last one
 * winning, as the Python and JS loaders these files are written for do.
 */
export function parseYaml(text: string, lines: SourceLines, firstLine = 0): YamlParse {
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    uniqueKeys: false,
    merge: true,
    prettyErrors: true,
    logLevel: 'error',
  });
  const error = doc.errors[0];
  if (error) {
    // An error "at the end of input" points one line past the last; keep it on a line the editor has.
    const line = Math.min((error.linePos?.[0].line ?? 1) - 1 + firstLine, lines.lastLine);
    return err({ line, message: firstSentence(error.message) });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return err({ line: firstLine, message: e instanceof Error ? e.message : String(e) });
  }
  return ok(new YamlSource(doc, value, counter, lines, firstLine));
}

export class YamlSource implements Positions {
  // Key lookups per map, built on first use: a CrewAI file with thousands of agents would be quadratic otherwise.
  private readonly pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    private readonly doc: Document,
    /** The document as plain JS values. */
    readonly value: unknown,
    private readonly counter: LineCounter,
    private readonly lines: SourceLines,
    private readonly firstLine: number,
  ) {}

  /** Line of a map entry's key (or a list item's start); undefined when the path isn't in the document as written. */
  lineAt(path: YamlPath): number | undefined {
    const found = this.find(path);
    if (!found) return undefined;
    const start = found.key?.range?.[0] ?? found.node?.range?.[0];
    return start === undefined ? undefined : this.lineOfOffset(start);
  }

  /** From a map entry's key (or a list item's start) to the last non-blank line of its value. */
  rangeAt(path: YamlPath): LineRange | undefined {
    const found = this.find(path);
    if (!found) return undefined;
    const start = found.key?.range?.[0] ?? found.node?.range?.[0];
    const end = found.node?.range?.[1] ?? found.key?.range?.[1];
    if (start === undefined || end === undefined) return undefined;
    const startLine = this.lineOfOffset(start);
    let endLine = Math.max(startLine, this.lineOfOffset(Math.max(start, end - 1)));
    while (endLine > startLine && this.lines.isBlank(endLine)) endLine--;
    return { startLine, endLine };
  }

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let index = this.pairIndex.get(map);
    if (!index) {
      index = new Map();
      // Later duplicates win, as they do in the parsed values.
      for (const pair of map.items) if (isScalar(pair.key)) index.set(String(pair.key.value), pair);
      this.pairIndex.set(map, index);
    }
    return index;
  }

  private lineOfOffset(offset: number): number {
    return this.counter.linePos(offset).line - 1 + this.firstLine;
  }

  private find(path: YamlPath): { key?: Node; node?: Node } | undefined {
    let current: unknown = this.doc.contents;
    let key: Node | undefined;
    for (const step of path) {
      key = undefined;
      if (isMap(current)) {
        const pair = this.pairsOf(current).get(String(step));
        if (!pair) return undefined;
        key = isScalar(pair.key) ? pair.key : undefined;
        current = pair.value;
      } else if (isSeq(current) && typeof step === 'number') {
        current = current.items[step];
        if (current === undefined) return undefined;
        if (isPair(current)) current = current.value;
      } else {
        return undefined;
      }
    }
    const node = current !== null && typeof current === 'object' && 'range' in current ? (current as Node) : undefined;
    return { ...(key ? { key } : {}), ...(node ? { node } : {}) };
  }
}

function firstSentence(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
