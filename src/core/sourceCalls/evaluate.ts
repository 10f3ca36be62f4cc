// The value of an expression in a source file, as far as the file itself tells: literals and template literals
// exactly, constants of the same file followed, concatenation and `[...].join(sep)`, f-strings (with their format
// specs); a value imported from a sibling module or read from a file by a literal path becomes a reference the
// companions join resolves; anything else is a hole (a placeholder of the usage file's `placeholderTokens`).
// Recursion is bounded (`MAX_DEPTH`, with a problem), and so is the text built (`budget`: long constants re-used many
// times cannot grow it beyond a multiple of the file's size).
import { decodeEscape } from './escapes';
import { compact, hole, text, type Segments } from './segments';
import { argumentNodes, calleeOf, calleePath, keyText, unwrap, type Dialect, type Node } from './syntax';

export const MAX_DEPTH = 48;
const BUDGET_FACTOR = 8;
const MIN_BUDGET = 1 << 20;

export interface ImportRef {
  module: string;
  name: string;
}

export class Evaluator {
  readonly problems = new Set<string>();
  private constants?: Map<string, Node>;
  private imports?: Map<string, ImportRef>;
  private readonly memo = new Map<string, Segments>();
  private readonly resolving = new Set<string>();
  private budget: number;

  constructor(
    readonly root: Node,
    readonly source: string,
    readonly dialect: Dialect,
    /** Whether names imported from other modules become references (the file itself), or holes (a module one hop away). */
    private readonly followImports = true,
  ) {
    this.budget = Math.max(MIN_BUDGET, source.length * BUDGET_FACTOR);
  }

  /** The text an expression evaluates to. */
  text(node: Node, depth = 0): Segments {
    if (depth > MAX_DEPTH) {
      this.problems.add(`an expression nests deeper than ${MAX_DEPTH} levels: its value is counted as a placeholder`);
      return [hole(shortName(node))];
    }
    const expr = unwrap(node, this.dialect);
    const segments = compact(this.evaluate(expr, depth));
    for (const segment of segments) if (segment.kind === 'text') this.budget -= segment.text.length;
    if (this.budget < 0) {
      this.problems.add(
        'the prompt texts of this file expand to more than 8× its size: the rest is counted as placeholders',
      );
      return [hole(shortName(expr))];
    }
    return segments;
  }

  private evaluate(expr: Node, depth: number): Segments {
    const d = this.dialect;
    if (d.strings.has(expr.type)) return this.stringValue(expr, depth);
    if (d.numbers.has(expr.type)) return [text(expr.text)];
    if (expr.type === 'identifier') return this.identifier(expr.text, depth);
    if (expr.type === d.binary || expr.type === 'boolean_operator') {
      const operator = expr.childForFieldName('operator')?.text ?? '';
      if (operator === '+') return this.concatenation(expr, depth);
      if (operator === '??' || operator === '||' || operator === 'or') return this.fallback(expr, depth);
    }
    if (d.calls.has(expr.type)) return this.call(expr, depth);
    return [hole(shortName(expr))];
  }

  /** `a + b + c` flattened with an explicit stack: long concatenations nest deeply on the left. */
  private concatenation(expr: Node, depth: number): Segments {
    const operands: Node[] = [];
    const stack: Node[] = [expr];
    while (stack.length > 0) {
      const current = stack.pop()!;
      const isPlus = current.type === this.dialect.binary && current.childForFieldName('operator')?.text === '+';
      if (!isPlus) {
        operands.push(current);
        continue;
      }
      const right = current.childForFieldName('right');
      const left = current.childForFieldName('left');
      if (right) stack.push(unwrap(right, this.dialect));
      if (left) stack.push(unwrap(left, this.dialect));
    }
    return operands.flatMap((operand) => this.text(operand, depth + 1));
  }

  /** `process.env.X ?? "default"`, `os.environ.get("X") or "default"`: the known side. */
  private fallback(expr: Node, depth: number): Segments {
    const left = expr.childForFieldName('left');
    const right = expr.childForFieldName('right');
    const leftValue = left ? this.text(left, depth + 1) : [];
    if (leftValue.every((s) => s.kind === 'text')) return leftValue;
    const rightValue = right ? this.text(right, depth + 1) : [];
    return rightValue.every((s) => s.kind === 'text') ? rightValue : leftValue;
  }

  private identifier(name: string, depth: number): Segments {
    const memo = this.memo.get(name);
    if (memo) return memo;
    const imported = this.importsByName().get(name);
    if (imported)
      return this.followImports ? [{ kind: 'import', module: imported.module, name: imported.name }] : [hole(name)];
    const value = this.constantsByName().get(name);
    if (!value || this.resolving.has(name)) return [hole(name)];
    this.resolving.add(name);
    const segments = this.text(value, depth + 1);
    this.resolving.delete(name);
    this.memo.set(name, segments);
    return segments;
  }

  /** The node a name is bound to in this file (`const NAME = …`, `NAME = …`), the first binding when there are several. */
  constant(name: string): Node | undefined {
    return this.constantsByName().get(name);
  }

  /** A node, or the value of the constant it names. */
  resolved(node: Node): Node {
    let current = unwrap(node, this.dialect);
    for (let i = 0; i < 8 && current.type === 'identifier'; i++) {
      const value = this.constantsByName().get(current.text);
      if (!value) break;
      current = unwrap(value, this.dialect);
    }
    return current;
  }

  private call(expr: Node, depth: number): Segments {
    const callee = calleeOf(expr);
    if (!callee) return [hole(shortName(expr))];
    const file = this.fileRead(expr);
    if (file) return [file];
    const args = argumentNodes(expr);
    const path = calleePath(callee, this.dialect);
    const method = path[path.length - 1] ?? '';
    const receiver = callee.type === this.dialect.member ? callee.childForFieldName('object') : null;
    if (
      receiver &&
      ['trim', 'strip', 'toString', 'trimEnd', 'trimStart', 'rstrip', 'lstrip'].includes(method) &&
      args.length === 0
    ) {
      const inner = this.text(receiver, depth + 1);
      return inner.length === 1 && inner[0]!.kind === 'text' ? [text(trimmed(inner[0]!.text, method))] : inner;
    }
    const env = this.environmentFallback(callee, args, depth);
    if (env) return env;
    if ((method === 'dedent' || method === 'cleandoc') && args[0]) {
      const inner = this.text(args[0], depth + 1);
      return inner.length === 1 && inner[0]!.kind === 'text' ? [text(dedent(inner[0]!.text))] : inner;
    }
    if (receiver && method === 'join' && args.length <= 1) {
      // JS: [a, b].join(sep); Python: sep.join([a, b])
      const listNode = this.dialect.python ? args[0] : receiver;
      const sepNode = this.dialect.python ? receiver : args[0];
      const items = listNode ? this.list(listNode) : undefined;
      const separator = sepNode ? this.text(sepNode, depth + 1) : [text(',')];
      if (items)
        return items.flatMap((item, i) =>
          i === 0 ? this.text(item, depth + 1) : [...separator, ...this.text(item, depth + 1)],
        );
    }
    return [hole(shortName(expr))];
  }

  /** `os.environ.get("X", "default")`, `os.getenv("X", "default")`: the default (the variable is unknown here). */
  private environmentFallback(callee: Node, args: Node[], depth: number): Segments | undefined {
    const name = calleePath(callee, this.dialect).join('.');
    if (!this.dialect.python || (name !== 'os.environ.get' && name !== 'os.getenv')) return undefined;
    const fallback = args[1];
    const value = fallback ? this.text(fallback, depth + 1) : undefined;
    return value && plainText(value) !== undefined
      ? value
      : [hole(args[0] ? `$${plainText(this.text(args[0], depth + 1)) ?? 'env'}` : 'env')];
  }

  /** `readFileSync('p')`, `readFile(path.join(__dirname, 'p'))`, `open('p').read()`, `Path('p').read_text()`. */
  private fileRead(expr: Node): Segments[number] | undefined {
    const callee = calleeOf(expr);
    if (!callee) return undefined;
    const path = calleePath(callee, this.dialect);
    const method = path[path.length - 1] ?? '';
    const args = argumentNodes(expr);
    if (!this.dialect.python) {
      if (method !== 'readFileSync' && method !== 'readFile') return undefined;
      const where = args[0] && this.literalPath(args[0]);
      return where && { kind: 'file', ...where };
    }
    if (method !== 'read' && method !== 'read_text') return undefined;
    const receiver = callee.type === this.dialect.member ? callee.childForFieldName('object') : null;
    const opener = receiver && unwrap(receiver, this.dialect);
    if (!opener) return undefined;
    if (this.dialect.calls.has(opener.type)) {
      const openerPath = calleePath(calleeOf(opener)!, this.dialect);
      const name = openerPath[openerPath.length - 1];
      const first = argumentNodes(opener)[0];
      if ((name === 'open' && method === 'read') || (name === 'Path' && method === 'read_text')) {
        const where = first && this.literalPath(first);
        return where && { kind: 'file', ...where };
      }
    }
    if (method === 'read_text' && opener.type === 'binary_operator') {
      const where = this.pythonPathJoin(opener);
      return where && { kind: 'file', ...where };
    }
    return undefined;
  }

  /** A path written as a literal, or joined onto the file's folder (`path.join(__dirname, 'a', 'b.md')`). */
  private literalPath(node: Node): { path: string; fromFileDir: boolean } | undefined {
    const expr = unwrap(node, this.dialect);
    const plain = plainText(this.text(expr, MAX_DEPTH - 4));
    if (plain !== undefined && !this.dialect.calls.has(expr.type)) return { path: plain, fromFileDir: false };
    if (!this.dialect.calls.has(expr.type)) return undefined;
    const path = calleePath(calleeOf(expr)!, this.dialect);
    if (path.length !== 2 || path[0] !== 'path' || (path[1] !== 'join' && path[1] !== 'resolve')) return undefined;
    const [first, ...rest] = argumentNodes(expr);
    if (!first || first.text !== '__dirname') return undefined;
    const pieces = rest.map((piece) => plainText(this.text(piece, MAX_DEPTH - 4)));
    if (pieces.some((piece) => piece === undefined)) return undefined;
    return { path: pieces.join('/'), fromFileDir: true };
  }

  /** `Path(__file__).parent / "prompts" / "x.txt"`. */
  private pythonPathJoin(node: Node): { path: string; fromFileDir: boolean } | undefined {
    const pieces: string[] = [];
    let current: Node = node;
    for (
      let i = 0;
      i < 16 && current.type === 'binary_operator' && current.childForFieldName('operator')?.text === '/';
      i++
    ) {
      const piece = plainText(this.text(current.childForFieldName('right')!, MAX_DEPTH - 4));
      if (piece === undefined) return undefined;
      pieces.unshift(piece);
      current = unwrap(current.childForFieldName('left')!, this.dialect);
    }
    if (current.text.replace(/\s+/g, '') !== 'Path(__file__).parent') return undefined;
    return { path: pieces.join('/'), fromFileDir: true };
  }

  private stringValue(node: Node, depth: number): Segments {
    if (node.type === 'concatenated_string')
      return node.namedChildren.flatMap((part) => (part ? this.text(part, depth + 1) : []));
    if (!this.dialect.python) return this.jsString(node, depth);
    return this.pythonString(node, depth);
  }

  /** A JS string or template literal: the source between the quotes, with escapes decoded and `${…}` evaluated. */
  private jsString(node: Node, depth: number): Segments {
    const segments: Segments = [];
    let at = node.startIndex + 1;
    for (const child of node.namedChildren) {
      if (!child || (child.type !== 'escape_sequence' && child.type !== 'template_substitution')) continue;
      segments.push(text(this.source.slice(at, child.startIndex)));
      if (child.type === 'escape_sequence') segments.push(text(decodeEscape(child.text)));
      else {
        const inner = child.namedChild(0);
        segments.push(...(inner ? this.text(inner, depth + 1) : []));
      }
      at = child.endIndex;
    }
    segments.push(text(this.source.slice(at, Math.max(at, node.endIndex - 1))));
    return segments;
  }

  /** A Python string: its prefix says raw (no escapes) and f (interpolations, `{{` for a brace). */
  private pythonString(node: Node, depth: number): Segments {
    const start = node.namedChildren.find((c) => c?.type === 'string_start');
    const end = node.namedChildren.find((c) => c?.type === 'string_end');
    if (!start || !end) return [hole(shortName(node))];
    const prefix = start.text.replace(/['"]/g, '').toLowerCase();
    const raw = prefix.includes('r');
    const marks: Node[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'interpolation') marks.push(child);
      else if (child.type === 'string_content') {
        for (const inner of child.namedChildren)
          if (inner && (inner.type === 'escape_interpolation' || (!raw && inner.type === 'escape_sequence')))
            marks.push(inner);
      }
    }
    const segments: Segments = [];
    let at = start.endIndex;
    for (const mark of marks) {
      segments.push(text(this.source.slice(at, mark.startIndex)));
      if (mark.type === 'escape_sequence') segments.push(text(decodeEscape(mark.text)));
      else if (mark.type === 'escape_interpolation') segments.push(text(mark.text.slice(0, 1)));
      else segments.push(...this.interpolation(mark, depth));
      at = mark.endIndex;
    }
    segments.push(text(this.source.slice(at, Math.max(at, end.startIndex))));
    return segments;
  }

  /** `{expr}`, `{expr!r}`, `{expr:>10}`, `{price:.2f}`: a known value formatted by its spec, else a hole. */
  private interpolation(node: Node, depth: number): Segments {
    const expression = node.childForFieldName('expression');
    const spec = node.childForFieldName('format_specifier')?.text.replace(/^:/, '');
    const conversion = node.childForFieldName('type_conversion');
    if (!expression) return [hole(shortName(node))];
    const value = this.text(expression, depth + 1);
    const plain = plainText(value);
    if (conversion || (spec !== undefined && spec.includes('{'))) return [hole(shortName(node))];
    if (plain === undefined) return spec ? [hole(shortName(node))] : value;
    if (!spec) return [text(plain)];
    const formatted = formatBySpec(
      plain,
      spec,
      this.dialect.numbers.has(unwrap(this.resolved(expression), this.dialect).type),
    );
    return formatted === undefined ? [hole(shortName(node))] : [text(formatted)];
  }

  /** The items of a list literal (or of the list a constant holds). */
  list(node: Node): Node[] | undefined {
    const value = this.resolved(node);
    if (!this.dialect.lists.has(value.type)) return undefined;
    return value.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  }

  /** The entries of an object / dict literal, or of a call's keyword arguments (`types.GenerateContentConfig(...)`). */
  record(node: Node): Map<string, Node> | undefined {
    const value = this.resolved(node);
    const entries = new Map<string, Node>();
    if (this.dialect.objects.has(value.type)) {
      for (const child of value.namedChildren) {
        if (!child) continue;
        if (child.type === 'pair') {
          const key = child.childForFieldName('key');
          const val = child.childForFieldName('value');
          if (key && val) entries.set(keyText(key), val);
        } else if (child.type === 'shorthand_property_identifier') entries.set(child.text, child);
      }
      return entries;
    }
    if (this.dialect.python && value.type === 'call') {
      for (const arg of argumentNodes(value)) {
        const name = arg.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : undefined;
        const val = arg.childForFieldName('value');
        if (name && val) entries.set(name, val);
      }
      return entries;
    }
    return undefined;
  }

  /** A literal as JSON-like data (tool schemas); what cannot be known is written as `<expression>`. */
  json(node: Node, depth = 0): unknown {
    if (depth > MAX_DEPTH) return `<${shortName(node)}>`;
    const value = this.resolved(node);
    const d = this.dialect;
    if (d.objects.has(value.type)) {
      const out: Record<string, unknown> = {};
      for (const [key, val] of this.record(value) ?? []) out[key] = this.json(val, depth + 1);
      return out;
    }
    if (d.lists.has(value.type)) return (this.list(value) ?? []).map((item) => this.json(item, depth + 1));
    if (d.numbers.has(value.type)) return Number(value.text);
    if (value.type === 'true' || value.type === 'false') return value.type === 'true';
    if (value.type === 'null' || value.type === 'none') return null;
    if (value.type === 'True' || value.type === 'False') return value.type === 'True';
    if (d.strings.has(value.type)) {
      const segments = this.text(value, depth + 1);
      return segments.map((s) => (s.kind === 'text' ? s.text : `<${s.kind === 'hole' ? s.name : s.kind}>`)).join('');
    }
    return `<${shortName(value)}>`;
  }

  private constantsByName(): Map<string, Node> {
    if (!this.constants) this.scan();
    return this.constants!;
  }

  private importsByName(): Map<string, ImportRef> {
    if (!this.imports) this.scan();
    return this.imports!;
  }

  /**
   * The file's bindings and imports, in document order. The grammar's own search finds them (inside the WASM): walking
   * every node from JavaScript made each one an object and was most of the time a large file took.
   */
  private scan(): void {
    const constants = new Map<string, Node>();
    const imports = new Map<string, ImportRef>();
    const types = this.dialect.python ? PYTHON_BINDINGS : JS_BINDINGS;
    for (const node of this.root.descendantsOfType(types)) {
      if (!node) continue;
      if (node.type === 'variable_declarator' || node.type === 'assignment') {
        const name = node.childForFieldName(node.type === 'assignment' ? 'left' : 'name');
        const value = node.childForFieldName(node.type === 'assignment' ? 'right' : 'value');
        if (name?.type === 'identifier' && value && !constants.has(name.text)) constants.set(name.text, value);
      } else if (node.type === 'import_statement') readJsImport(node, imports);
      else if (node.type === 'import_from_statement') readPythonImport(node, imports);
    }
    this.constants = constants;
    this.imports = imports;
  }
}

const JS_BINDINGS = ['variable_declarator', 'import_statement'];
const PYTHON_BINDINGS = ['assignment', 'import_from_statement'];

function readJsImport(node: Node, imports: Map<string, ImportRef>): void {
  const source = node.childForFieldName('source');
  const module = source ? keyText(source) : '';
  if (!module.startsWith('.')) return;
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'import_specifier') {
      const name = current.childForFieldName('name')?.text;
      const alias = current.childForFieldName('alias')?.text;
      if (name) imports.set(alias ?? name, { module, name });
      continue;
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
}

function readPythonImport(node: Node, imports: Map<string, ImportRef>): void {
  const module = node.childForFieldName('module_name')?.text ?? '';
  for (const name of node.childrenForFieldName('name')) {
    if (!name) continue;
    if (name.type === 'aliased_import') {
      const original = name.childForFieldName('name')?.text;
      const alias = name.childForFieldName('alias')?.text;
      if (original && alias) imports.set(alias, { module, name: original });
    } else imports.set(name.text, { module, name: name.text });
  }
}

export function plainText(segments: Segments): string | undefined {
  let out = '';
  for (const segment of segments) {
    if (segment.kind !== 'text') return undefined;
    out += segment.text;
  }
  return out;
}

/** A short one-line name for an expression shown as a placeholder. */
export function shortName(node: Node): string {
  const oneLine = node.text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

function trimmed(value: string, method: string): string {
  if (method === 'trimEnd' || method === 'rstrip') return value.trimEnd();
  if (method === 'trimStart' || method === 'lstrip') return value.trimStart();
  return method === 'toString' ? value : value.trim();
}

/** textwrap.dedent: the common leading whitespace of the non-blank lines removed. */
function dedent(value: string): string {
  const lines = value.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

/**
 * Python's format mini-language for the specs a prompt uses: `[[fill]align][width]` on text, `.Nf` on numbers;
 * undefined for anything else (then the value is a placeholder).
 */
export function formatBySpec(value: string, spec: string, isNumber: boolean): string | undefined {
  const match = /^(?:(.)?([<>^]))?(\d{1,4})?(?:\.(\d{1,2})f)?$/.exec(spec);
  if (!match) return undefined;
  const [, fill = ' ', align, width, precision] = match;
  let out = value;
  if (precision !== undefined) {
    if (!isNumber || !Number.isFinite(Number(value))) return undefined;
    out = Number(value).toFixed(Number(precision));
  }
  const size = width ? Number(width) : 0;
  if (out.length >= size) return out;
  const pad = size - out.length;
  const side = align ?? (isNumber ? '>' : '<');
  if (side === '<') return out + fill.repeat(pad);
  if (side === '>') return fill.repeat(pad) + out;
  return fill.repeat(Math.floor(pad / 2)) + out + fill.repeat(Math.ceil(pad / 2));
}
