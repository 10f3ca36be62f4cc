// One recognised SDK call → one cost unit: its system prompt, messages and tool schemas as parts, its model and
// output limit as declared values. Texts that are not known before run time become placeholders (see evaluate.ts).
import { chatRole } from '../formats/roleBlocks';
import type { CostUnit, Declared, PartRole, PromptPart } from '../types';
import { plainText, shortName, type Evaluator } from './evaluate';
import { FIELD_PLACES, SDK_LABELS, type FieldPlaces, type SdkCall } from './sdks';
import { hole, render, text, type Segments } from './segments';
import { argumentNodes, type Node } from './syntax';

export interface CallSite {
  sdk: SdkCall;
  call: Node;
  /** `function name` for diff matching; `(top level)` outside any function. */
  enclosing: string;
}

export interface CallReading {
  unit: CostUnit;
  notes: string[];
}

export function callUnit(site: CallSite, ev: Evaluator): CallReading {
  const notes: string[] = [];
  const parts: PromptPart[] = [];
  let messageCount = 0;
  const add = (role: PartRole, label: string, segments: Segments, node: Node) => {
    const { text: value, placeholders, pending } = render(segments);
    const part: PromptPart = {
      role,
      label,
      text: value,
      range: { startLine: node.startPosition.row, endLine: node.endPosition.row },
    };
    if (placeholders.length > 0) part.placeholders = placeholders;
    if (pending) part.pending = segments;
    parts.push(part);
  };
  let model: Declared<string> | undefined;
  let maxOutput: Declared<number> | undefined;

  if (site.sdk === 'langchain-system') {
    const args = argumentNodes(site.call);
    const content = firstArgument(args, 'content', ev);
    if (content) add('system', 'system message', templateHoles(ev.text(content)), content);
    messageCount = 1;
  } else if (site.sdk === 'langchain-template') {
    const list = argumentNodes(site.call)[0];
    const items = list ? ev.list(list) : undefined;
    if (!items) notes.push(`${shortName(site.call)}: its messages are not a list literal: not counted`);
    for (const item of items ?? []) {
      const message = langchainMessage(item, ev);
      if (!message) continue;
      add(message.role, `${message.roleName} message`, templateHoles(message.segments), item);
      messageCount++;
    }
  } else {
    const places: FieldPlaces = FIELD_PLACES[site.sdk];
    const fields = callFields(site.call, ev);
    if (!fields) {
      notes.push(`${SDK_LABELS[site.sdk]} call with no literal arguments: not counted`);
    } else {
      const at = (path: readonly string[]) => lookup(fields, path, ev);
      const modelNode = at(places.model);
      if (modelNode) model = modelOf(modelNode, ev, places.model.join('.'), notes);
      for (const path of places.maxOutput) {
        const node = at(path);
        const value = node && Number(plainText(ev.text(node)));
        if (node && value !== undefined && Number.isInteger(value) && value >= 0) {
          maxOutput = { value, field: path.join('.'), line: node.startPosition.row };
          break;
        }
      }
      for (const path of places.system) {
        const node = at(path);
        if (node) add('system', 'system prompt', blockText(node, ev), node);
        if (node) messageCount++;
      }
      const messagesNode = at([places.messages[0]!].filter(Boolean));
      const messageList = messagesNode ? ev.list(messagesNode) : undefined;
      if (messageList) {
        for (const item of messageList) {
          const message = chatMessage(item, ev);
          if (!message) continue;
          add(message.role, `${message.roleName} message`, message.segments, item);
          messageCount++;
        }
      } else if (messagesNode && places.prompt.includes(places.messages[0]!)) {
        add('user', 'user prompt', ev.text(messagesNode), messagesNode);
        messageCount++;
      } else if (messagesNode) {
        add('user', 'messages', [hole(shortName(messagesNode))], messagesNode);
        messageCount++;
      }
      const promptNode = places.prompt[0] && places.prompt[0] !== places.messages[0] ? at(places.prompt) : undefined;
      if (promptNode) {
        add('user', 'user prompt', ev.text(promptNode), promptNode);
        messageCount++;
      }
      for (const path of places.tools) {
        const node = at(path);
        if (node) for (const tool of toolSchemas(node, ev)) parts.push(tool);
      }
    }
  }

  const startLine = site.call.startPosition.row;
  const unit: CostUnit = {
    name: `${site.enclosing} · ${SDK_LABELS[site.sdk]}`,
    kind: 'call',
    loading: 'one-call',
    range: { startLine, endLine: site.call.endPosition.row },
    parts,
    messageCount: Math.max(messageCount, 1),
    sections: [],
  };
  if (model) unit.model = model;
  if (maxOutput) unit.maxOutputTokens = maxOutput;
  const tools = parts.filter((p) => p.role === 'tool-schema').map((p) => p.label.replace(/^tool schema: /, ''));
  if (tools.length > 0) unit.tools = tools;
  return { unit, notes };
}

/** JS: the first argument's object; Python: the keyword arguments. */
function callFields(call: Node, ev: Evaluator): Map<string, Node> | undefined {
  if (ev.dialect.python) return ev.record(call);
  const first = argumentNodes(call)[0];
  return first ? ev.record(first) : undefined;
}

function lookup(fields: Map<string, Node>, path: readonly string[], ev: Evaluator): Node | undefined {
  let current: Map<string, Node> | undefined = fields;
  let node: Node | undefined;
  for (const key of path) {
    node = current?.get(key);
    if (!node) return undefined;
    current = ev.record(node);
  }
  return node;
}

function firstArgument(args: Node[], keyword: string, ev: Evaluator): Node | undefined {
  for (const arg of args) {
    if (arg.type === 'keyword_argument') {
      if (arg.childForFieldName('name')?.text === keyword) return arg.childForFieldName('value') ?? undefined;
    } else if (ev.dialect.objects.has(arg.type)) return ev.record(arg)?.get(keyword);
    else return arg;
  }
  return undefined;
}

/** `model: "gpt-4o"`, `process.env.MODEL ?? "m"`, AI SDK `openai("gpt-4o")`; undefined (with a note) when unknown. */
function modelOf(node: Node, ev: Evaluator, field: string, notes: string[]): Declared<string> | undefined {
  const value = ev.resolved(node);
  const target = ev.dialect.calls.has(value.type) && !isEnvLookup(value) ? argumentNodes(value)[0] : node;
  const name = target ? plainText(ev.text(target)) : undefined;
  if (name && name.trim() !== '') return { value: name.trim(), field, line: node.startPosition.row };
  notes.push(`model ${shortName(node)} is not known before run time: the default model is assumed`);
  return undefined;
}

function isEnvLookup(call: Node): boolean {
  const callee = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
  return callee === 'os.environ.get' || callee === 'os.getenv';
}

/** A string, or a list of content blocks (`{type: "text", text}`, Google `{text}` parts): their texts joined. */
function blockText(node: Node, ev: Evaluator): Segments {
  const items = ev.list(node);
  if (!items) {
    const record = ev.record(node);
    const parts = record?.get('parts');
    if (parts) return blockText(parts, ev);
    const inner = record?.get('text');
    return inner ? ev.text(inner) : ev.text(node);
  }
  const out: Segments = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(text('\n'));
    const record = ev.record(item);
    const inner = record ? record.get('text') : item;
    if (inner) out.push(...ev.text(inner));
  });
  return out;
}

function chatMessage(node: Node, ev: Evaluator): { role: PartRole; roleName: string; segments: Segments } | undefined {
  const record = ev.record(node);
  if (!record) return { role: 'user', roleName: 'user', segments: ev.text(node) };
  const roleNode = record.get('role');
  const roleName = (roleNode && plainText(ev.text(roleNode))) || 'user';
  const content = record.get('content') ?? record.get('parts');
  return { role: chatRole(roleName), roleName, segments: content ? blockText(content, ev) : [] };
}

/** LangChain: `("system", "text")`, `["human", "text"]`, `SystemMessage(...)`, `{role, content}`. */
function langchainMessage(
  node: Node,
  ev: Evaluator,
): { role: PartRole; roleName: string; segments: Segments } | undefined {
  const value = ev.resolved(node);
  const pair = ev.list(value);
  if (pair && pair.length === 2) {
    const roleName = plainText(ev.text(pair[0]!)) ?? 'user';
    const role = roleName === 'human' ? 'user' : roleName === 'ai' ? 'assistant' : chatRole(roleName);
    return { role, roleName, segments: ev.text(pair[1]!) };
  }
  if (ev.dialect.calls.has(value.type)) {
    const callee = (value.childForFieldName('function') ?? value.childForFieldName('constructor'))?.text ?? '';
    const kind = callee.replace(/^.*\./, '');
    const role: PartRole = kind.startsWith('System') ? 'system' : kind.startsWith('AI') ? 'assistant' : 'user';
    const content = firstArgument(argumentNodes(value), 'content', ev);
    if (kind.endsWith('Placeholder'))
      return { role: 'user', roleName: 'placeholder', segments: [hole(shortName(value))] };
    return {
      role,
      roleName: kind.replace(/Message(PromptTemplate)?$/, '').toLowerCase() || 'user',
      segments: content ? ev.text(content) : [],
    };
  }
  return chatMessage(value, ev);
}

/** LangChain template variables (`{topic}`; `{{` is a literal brace) are placeholders. */
function templateHoles(segments: Segments): Segments {
  const out: Segments = [];
  for (const segment of segments) {
    if (segment.kind !== 'text') {
      out.push(segment);
      continue;
    }
    const pieces = segment.text.split(/(\{\{|\}\}|\{[A-Za-z_][A-Za-z0-9_]*\})/);
    for (const piece of pieces) {
      if (piece === '{{' || piece === '}}') out.push(text(piece[0]!));
      else if (/^\{[A-Za-z_]/.test(piece)) out.push(hole(piece));
      else if (piece) out.push(text(piece));
    }
  }
  return out;
}

/** Each tool's JSON schema as a part (sent with every call). AI SDK tools are an object of `tool({...})` by name. */
function toolSchemas(node: Node, ev: Evaluator): PromptPart[] {
  const range = { startLine: node.startPosition.row, endLine: node.endPosition.row };
  const items = ev.list(node);
  const named: [string | undefined, Node][] = items
    ? items.map((item) => [undefined, item])
    : [...(ev.record(node) ?? new Map<string, Node>())].map(([name, value]) => [name, value]);
  return named.map(([name, item]) => {
    const value = ev.resolved(item);
    const definition = ev.dialect.calls.has(value.type) && argumentNodes(value)[0] ? argumentNodes(value)[0]! : value;
    const schema = ev.json(definition) as Record<string, unknown> | unknown;
    const fn = isObject(schema) && isObject(schema['function']) ? schema['function'] : schema;
    const toolName = name ?? (isObject(fn) && typeof fn['name'] === 'string' ? fn['name'] : shortName(item));
    const json = name && isObject(schema) ? { name, ...schema } : schema;
    return { role: 'tool-schema' as const, label: `tool schema: ${toolName}`, text: JSON.stringify(json), range };
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
