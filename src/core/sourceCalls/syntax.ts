// The node types of the two grammar families (tree-sitter-typescript/tsx for TS and JS, tree-sitter-python), named
// once so the evaluator and the call finder read both languages through one vocabulary.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { SourceLanguage } from './grammars';

export type { Node };

export interface Dialect {
  python: boolean;
  strings: ReadonlySet<string>;
  /** Node types that only wrap the expression that matters (parentheses, `as`, `await`). */
  wrappers: ReadonlySet<string>;
  binary: string;
  objects: ReadonlySet<string>;
  lists: ReadonlySet<string>;
  calls: ReadonlySet<string>;
  member: string;
  /** The field holding a member's name: `property` (JS) or `attribute` (Python). */
  memberName: string;
  numbers: ReadonlySet<string>;
}

const JS: Dialect = {
  python: false,
  strings: new Set(['string', 'template_string']),
  wrappers: new Set([
    'parenthesized_expression',
    'as_expression',
    'satisfies_expression',
    'non_null_expression',
    'await_expression',
    'type_assertion',
  ]),
  binary: 'binary_expression',
  objects: new Set(['object']),
  lists: new Set(['array']),
  calls: new Set(['call_expression', 'new_expression']),
  member: 'member_expression',
  memberName: 'property',
  numbers: new Set(['number']),
};

const PY: Dialect = {
  python: true,
  strings: new Set(['string', 'concatenated_string']),
  wrappers: new Set(['parenthesized_expression', 'await']),
  binary: 'binary_operator',
  objects: new Set(['dictionary']),
  lists: new Set(['list', 'tuple']),
  calls: new Set(['call']),
  member: 'attribute',
  memberName: 'attribute',
  numbers: new Set(['integer', 'float']),
};

export function dialectOf(language: SourceLanguage): Dialect {
  return language === 'python' ? PY : JS;
}

export function unwrap(node: Node, dialect: Dialect): Node {
  let current = node;
  for (let i = 0; i < 64 && dialect.wrappers.has(current.type); i++) {
    const inner = current.type === 'type_assertion' ? current.lastNamedChild : current.namedChild(0);
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** The callee of a call node (`function`, or `constructor` for `new X()`). */
export function calleeOf(call: Node): Node | null {
  return call.childForFieldName('function') ?? call.childForFieldName('constructor');
}

export function argumentNodes(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return args ? (args.namedChildren.filter((n) => n !== null && n.type !== 'comment') as Node[]) : [];
}

/**
 * The dotted name of a callee, outermost first: `client.chat.completions.create` → [client, chat, completions,
 * create]. A `with_options(...)` / `withOptions(...)` call in the chain is stepped through (it returns the same client).
 */
export function calleePath(callee: Node, dialect: Dialect): string[] {
  const names: string[] = [];
  let current: Node | null = callee;
  for (let i = 0; current && i < 32; i++) {
    if (current.type === dialect.member) {
      const name = current.childForFieldName(dialect.memberName);
      names.unshift(name?.text ?? '');
      current = current.childForFieldName('object');
    } else if (dialect.calls.has(current.type)) {
      const inner = calleeOf(current);
      const last = inner?.type === dialect.member ? inner.childForFieldName(dialect.memberName)?.text : undefined;
      if (last !== 'with_options' && last !== 'withOptions') break;
      current = inner!.childForFieldName('object');
    } else {
      if (current.type === 'identifier') names.unshift(current.text);
      break;
    }
  }
  return names;
}

/** Text of a key node: an identifier, or a plain string literal's content (keys that matter have no escapes). */
export function keyText(key: Node): string {
  if (key.type !== 'string') return key.text;
  const content = key.namedChildren.filter(
    (c) => c !== null && (c.type === 'string_fragment' || c.type === 'string_content'),
  );
  return content.map((c) => c!.text).join('');
}
