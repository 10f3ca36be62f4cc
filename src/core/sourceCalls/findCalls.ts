// The SDK calls of one parsed file, in document order, each with the name of the function around it (diffs match a
// call by that name and its order when lines move).
import { recogniseCall } from './sdks';
import { calleeOf, calleePath, type Dialect, type Node } from './syntax';
import type { CallSite } from './callUnit';

const FUNCTION_TYPES = new Set([
  'function_declaration',
  'method_definition',
  'function_definition',
  'generator_function_declaration',
]);
const ANONYMOUS_FUNCTIONS = new Set(['arrow_function', 'function_expression', 'function', 'lambda']);

export function findCalls(root: Node, dialect: Dialect, litellmImported: boolean): CallSite[] {
  const sites: CallSite[] = [];
  // The grammar's own search lists the call nodes in document order (an outer call before the calls inside it), so
  // no node of the rest of the tree becomes a JavaScript object; a call inside a recognised one (a SystemMessage in a
  // template) is part of it.
  let insideUntil = -1;
  for (const node of root.descendantsOfType([...dialect.calls])) {
    if (!node || node.startIndex < insideUntil) continue;
    const callee = calleeOf(node);
    const sdk = callee && recogniseCall(calleePath(callee, dialect), node.type === 'new_expression', litellmImported);
    if (!sdk) continue;
    sites.push({ sdk, call: node, enclosing: enclosingName(node) });
    insideUntil = node.endIndex;
  }
  return sites;
}

/** The innermost named function around a node (a loop up its parents: a deep file cannot overflow a stack). */
function enclosingName(node: Node): string {
  for (let current = node.parent; current; current = current.parent) {
    const name = functionName(current);
    if (name !== undefined) return name;
  }
  return '(top level)';
}

function functionName(node: Node): string | undefined {
  if (FUNCTION_TYPES.has(node.type)) return node.childForFieldName('name')?.text;
  if (!ANONYMOUS_FUNCTIONS.has(node.type)) return undefined;
  const parent = node.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent?.type === 'pair') return parent.childForFieldName('key')?.text;
  if (parent?.type === 'assignment') return parent.childForFieldName('left')?.text;
  return undefined;
}
