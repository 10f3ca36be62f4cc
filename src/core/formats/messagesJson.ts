// Chat API payloads saved as JSON (OpenAI chat completions, Anthropic messages): one call whose input is the tool
// definitions, the system prompt and every message, in that order (the order providers render them in).
import type { CostUnit, Problem, PromptPart } from '../types';
import { chatContentText, type ContentTally } from './chatContent';
import { jsonErrorOffset } from './jsonError';
import type { FormatInput, FormatOutcome } from './parser';
import { stemName } from './paths';
import { wholeFileUnit } from './plainText';
import { chatRole } from './roleBlocks';
import { readUsageHints } from './usageHints';
import { FieldReader, isDict, nameOf, NO_POSITIONS, type Positions } from './values';
import { parseYaml, type YamlPath } from './yamlSource';

const MAX_OUTPUT_KEYS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens'];

export function parseMessagesJson(input: FormatInput): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(lines.text);
  } catch (error) {
    const offset = jsonErrorOffset(lines.text);
    const line = lines.lineOfOffset(offset >= 0 ? offset : 0);
    const reason = error instanceof Error ? shortJsonError(error.message) : String(error);
    problems.push({
      severity: 'warning',
      message: `JSON unreadable at line ${line + 1} — counted as plain text (${reason})`,
      line,
    });
    return {
      ok: true,
      units: [wholeFileUnit(lines, { name: stemName(path), kind: 'call', markdown: false })],
      problems,
    };
  }

  const messagesPath: YamlPath = Array.isArray(data) ? [] : ['messages'];
  const messages = Array.isArray(data) ? data : isDict(data) ? data['messages'] : undefined;
  if (!Array.isArray(messages) || !(Array.isArray(data) ? messages.every((m) => isDict(m) && 'role' in m) : true)) {
    return { ok: false, reason: 'JSON without a messages array: not a chat request' };
  }
  // JSON is YAML, so the yaml parser can say where each message sits; if it can't, ranges are simply left out.
  const yaml = parseYaml(lines.text, lines, 0);
  const positions: Positions = yaml.ok ? yaml.value : NO_POSITIONS;
  const fields = new FieldReader(data, positions, problems);
  const tally: ContentTally = { images: 0, otherMedia: 0, cacheMarks: 0 };

  const parts: PromptPart[] = [...toolParts(fields, 'tools'), ...toolParts(fields, 'functions')];
  const system = isDict(data) ? data['system'] : undefined;
  if (system !== undefined && system !== null) {
    const range = positions.rangeAt(['system']);
    parts.push({
      role: 'system',
      label: 'system prompt',
      text: chatContentText(system, tally),
      ...(range && { range }),
    });
  }
  messages.forEach((message, i) => {
    const at: YamlPath = [...messagesPath, i];
    if (!isDict(message) || typeof message['role'] !== 'string') {
      fields.warn(at, `message ${i + 1} has no role: skipped`);
      return;
    }
    const range = positions.rangeAt(at);
    const role = message['role'];
    parts.push({
      role: chatRole(role),
      label: `${role} message`,
      text: messageText(message, tally),
      ...(range && { range }),
    });
  });

  const schema = responseSchema(fields);
  if (schema) parts.push(schema);

  const unit: CostUnit = {
    name: stemName(path),
    kind: 'call',
    range: lines.fullRange,
    parts,
    messageCount:
      messages.filter((m) => isDict(m) && typeof m['role'] === 'string').length +
      (system !== undefined && system !== null ? 1 : 0),
    sections: [],
  };
  const model = fields.has(['model']) ? fields.string(['model']) : undefined;
  if (model) unit.model = model;
  const maxKey = MAX_OUTPUT_KEYS.find((key) => fields.has([key]));
  const maxOutput = maxKey ? fields.integer([maxKey]) : undefined;
  if (maxOutput) unit.maxOutputTokens = maxOutput;
  const tools = parts.filter((p) => p.role === 'tool-schema').map((p) => p.label.replace(/^tool schema: /, ''));
  if (tools.length > 0) unit.tools = tools;

  noteExtras(fields, tally);
  const usageHints = readUsageHints(fields);
  return { ok: true, units: [unit], problems, ...(usageHints ? { usageHints } : {}) };
}

/** OpenAI `response_format: {type: json_schema, json_schema: {...}}`: the schema is sent with the request, so it is input. */
function responseSchema(fields: FieldReader): PromptPart | undefined {
  const format = fields.value(['response_format']);
  if (!isDict(format) || format['type'] !== 'json_schema' || format['json_schema'] === undefined) return undefined;
  const range = fields.positions.rangeAt(['response_format']);
  return {
    role: 'context',
    label: 'response_format JSON schema',
    text: JSON.stringify(format['json_schema']),
    ...(range && { range }),
  };
}

/** A message's content plus the tool calls an assistant made, which are input tokens when sent back. */
function messageText(message: Record<string, unknown>, tally: ContentTally): string {
  const pieces = [chatContentText(message['content'], tally)];
  if (Array.isArray(message['tool_calls'])) {
    pieces.push(
      JSON.stringify(
        message['tool_calls'].map((call) => (isDict(call) && isDict(call['function']) ? call['function'] : call)),
      ),
    );
  }
  if (isDict(message['function_call'])) pieces.push(JSON.stringify(message['function_call']));
  return pieces.filter((p) => p !== '').join('\n');
}

function toolParts(fields: FieldReader, key: 'tools' | 'functions'): PromptPart[] {
  const tools = fields.value([key]);
  if (!Array.isArray(tools)) return [];
  return tools.map((tool, i) => {
    const range = fields.positions.rangeAt([key, i]);
    return {
      role: 'tool-schema' as const,
      label: `tool schema: ${nameOf(tool) ?? `tool ${i + 1}`}`,
      text: JSON.stringify(tool),
      ...(range && { range }),
    };
  });
}

function noteExtras(fields: FieldReader, tally: ContentTally): void {
  const budget = fields.value(['thinking', 'budget_tokens']);
  if (typeof budget === 'number') {
    fields.info(['thinking'], `extended thinking budget ${budget} tokens: billed as output, within max_tokens`);
  }
  const effort = fields.value(['reasoning_effort']) ?? fields.value(['reasoning', 'effort']);
  if (typeof effort === 'string') {
    fields.info(
      ['reasoning_effort'],
      `reasoning effort "${effort}": reasoning tokens are billed as output and are not in this estimate`,
    );
  }
  if (tally.images > 0) fields.info(['messages'], `${tally.images} image${tally.images === 1 ? '' : 's'} not counted`);
  if (tally.otherMedia > 0) fields.info(['messages'], `${tally.otherMedia} audio/document/file block(s) not counted`);
  if (tally.cacheMarks > 0) {
    fields.info(
      [],
      `${tally.cacheMarks} cache_control mark(s): prompt caching changes the price of cached input, not modelled here`,
    );
  }
}

/**
 * V8 appends the whole input and an offset to its messages; the line is reported separately. The message is V8's own
 * text with no code beside it, so trimming it by its wording is the only way.
 */
function shortJsonError(message: string): string {
  return message.replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+[\s\S]*$/, '');
}
