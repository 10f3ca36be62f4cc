// The SDK calls of one parsed file, in document order, each with the name of the function around it (diffs match a
// call by that name and its order when lines move). An explicit stack: a deeply nested file cannot overflow ours.
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
  const stack: { node: Node; enclosing: string }[] = [{ node: root, enclosing: '(top level)' }];
  while (stack.length > 0) {
    const { node, enclosing: outer } = stack.pop()!;
    const enclosing = functionName(node) ?? outer;
    if (dialect.calls.has(node.type)) {
      const callee = calleeOf(node);
      const sdk = callee && recogniseCall(calleePath(callee, dialect), node.type === 'new_expression', litellmImported);
      if (sdk) {
        sites.push({ sdk, call: node, enclosing });
        continue; // a call inside a recognised one (a SystemMessage in a template) is part of it
      }
    }
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const child = node.namedChild(i);
      if (child) stack.push({ node: child, enclosing });
    }
  }
  return sites;
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
