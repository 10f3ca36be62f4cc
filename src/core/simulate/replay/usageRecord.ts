// One line of a usage log → the tokens a provider billed. Accepted: OpenAI Chat Completions and Responses objects,
// Anthropic Messages objects, bare {model, usage} records, Gemini responses (usageMetadata), and the line shapes of the
// OpenAI and Anthropic batch APIs (billed at half price). Anything else is a reason to skip the line, never an error.
//
// The providers count input differently: OpenAI's prompt_tokens / input_tokens include the cached tokens; Anthropic's
// input_tokens exclude cache reads and writes, which come as separate fields. `input` below is always the total.

export interface UsageRecord {
  /** Model as logged ("gpt-4o-2024-08-06"). */
  model: string;
  format: 'openai-chat' | 'openai-responses' | 'anthropic' | 'gemini' | 'generic' | 'claude-code' | 'codex' | 'otel';
  /** All input tokens of the call, cached or not. */
  input: number;
  /** Output tokens, reasoning included (providers bill reasoning as output). */
  output: number;
  cacheRead: number;
  /** Cache writes billed at the 5-minute write rate. */
  cacheWrite: number;
  /** Anthropic 1-hour cache writes (billed at 2× the input rate). */
  cacheWrite1h: number;
  /** From a batch API result: billed at 50%. */
  batch: boolean;
  /** The session/conversation the call belongs to, when the line says. */
  session?: string;
  /** ISO time of the call, when the log has it. */
  timestamp?: string;
  /** The project the call was made in (a coding agent's project folder or working directory). */
  project?: string;
  /** Git branch the agent was on. */
  branch?: string;
  /** A subagent's call (Claude Code sidechain). */
  sidechain?: boolean;
}

export type LineReading =
  { kind: 'record'; record: UsageRecord } | { kind: 'skip'; reason: string } | { kind: 'blank' };

export type Obj = Record<string, unknown>;

/** Fields that name a session, looked for at the top level and under `metadata`, in this order. */
export const SESSION_FIELDS = [
  'session_id',
  'sessionId',
  'conversation_id',
  'conversationId',
  'thread_id',
  'threadId',
  'trace_id',
  'traceId',
];

export function readUsageLine(line: string, sessionKey?: string): LineReading {
  const text = line.trim();
  if (text === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'skip', reason: 'not JSON' };
  }
  if (!isObject(value)) return { kind: 'skip', reason: 'not a JSON object' };
  const session = sessionOf(value, sessionKey);
  const unwrapped = unwrap(value);
  if ('skip' in unwrapped) return { kind: 'skip', reason: unwrapped.skip };
  const reading = readResponse(unwrapped.body, unwrapped.batch);
  if (reading.kind === 'record' && session !== undefined) reading.record.session = session;
  return reading;
}

/** Finds the response object inside known wrappers (batch result lines, {request, response} logs). */
function unwrap(line: Obj): { body: Obj; batch: boolean } | { skip: string } {
  const response = line.response;
  if (isObject(response) && 'custom_id' in line) {
    // OpenAI Batch output: {"custom_id", "response": {"status_code", "body": {…}}, "error"}
    if (isObject(response.body)) return { body: response.body, batch: true };
    return { skip: 'batch line without a response body (failed request)' };
  }
  const result = line.result;
  if (isObject(result) && 'custom_id' in line) {
    // Anthropic Message Batches: {"custom_id", "result": {"type": "succeeded", "message": {…}}}
    if (result.type === 'succeeded' && isObject(result.message)) return { body: result.message, batch: true };
    return { skip: `batch line with result "${String(result.type)}" (not billed)` };
  }
  if (
    line.type === 'message_start' ||
    line.type === 'message_delta' ||
    (line.object === 'chat.completion.chunk' && !isObject(line.usage))
  ) {
    return { skip: 'stream event without complete usage' };
  }
  if (!isObject(line.usage) && !isObject(line.usageMetadata)) {
    for (const key of ['response', 'body', 'data']) {
      const inner = line[key];
      if (isObject(inner) && (isObject(inner.usage) || isObject(inner.usageMetadata)))
        return { body: inner, batch: false };
    }
  }
  return { body: line, batch: false };
}

function readResponse(body: Obj, batch: boolean): LineReading {
  if (isObject(body.error) && !isObject(body.usage)) return { kind: 'skip', reason: 'error response' };
  if (isObject(body.usageMetadata)) return readGemini(body, batch);
  const usage = body.usage;
  if (!isObject(usage)) return { kind: 'skip', reason: 'no usage object' };
  const model = typeof body.model === 'string' && body.model.trim() !== '' ? body.model.trim() : undefined;
  if (model === undefined) return { kind: 'skip', reason: 'usage without a model name' };

  const base = { model, batch, cacheWrite: 0, cacheWrite1h: 0 };
  if ('prompt_tokens' in usage || 'completion_tokens' in usage) {
    const input = count(usage.prompt_tokens);
    const output = count(usage.completion_tokens);
    const cached = count(detail(usage.prompt_tokens_details, 'cached_tokens') ?? 0);
    if (input === undefined || output === undefined || cached === undefined)
      return { kind: 'skip', reason: 'token counts are not non-negative numbers' };
    return {
      kind: 'record',
      record: { ...base, format: 'openai-chat', input, output, cacheRead: Math.min(cached, input) },
    };
  }
  if ('input_tokens' in usage || 'output_tokens' in usage) {
    const input = count(usage.input_tokens ?? 0);
    const output = count(usage.output_tokens ?? 0);
    if (input === undefined || output === undefined)
      return { kind: 'skip', reason: 'token counts are not non-negative numbers' };
    if (isAnthropic(body, usage, model)) {
      const read = count(usage.cache_read_input_tokens ?? 0);
      const created = count(usage.cache_creation_input_tokens ?? 0);
      const oneHour = count(detail(usage.cache_creation, 'ephemeral_1h_input_tokens') ?? 0);
      if (read === undefined || created === undefined || oneHour === undefined)
        return { kind: 'skip', reason: 'cache token counts are not non-negative numbers' };
      const hour = Math.min(oneHour, created);
      return {
        kind: 'record',
        record: {
          ...base,
          format: 'anthropic',
          input: input + read + created,
          output,
          cacheRead: read,
          cacheWrite: created - hour,
          cacheWrite1h: hour,
        },
      };
    }
    const cached = count(detail(usage.input_tokens_details, 'cached_tokens') ?? 0);
    if (cached === undefined) return { kind: 'skip', reason: 'cached token count is not a non-negative number' };
    const format = body.object === 'response' || 'input_tokens_details' in usage ? 'openai-responses' : 'generic';
    return { kind: 'record', record: { ...base, format, input, output, cacheRead: Math.min(cached, input) } };
  }
  return { kind: 'skip', reason: 'usage without token counts' };
}

function readGemini(body: Obj, batch: boolean): LineReading {
  const usage = body.usageMetadata as Obj;
  const model = [body.modelVersion, body.model].find((m): m is string => typeof m === 'string' && m.trim() !== '');
  if (!model) return { kind: 'skip', reason: 'usage without a model name' };
  const input = count(usage.promptTokenCount ?? 0);
  const candidates = count(usage.candidatesTokenCount ?? 0);
  const thoughts = count(usage.thoughtsTokenCount ?? 0);
  const cached = count(usage.cachedContentTokenCount ?? 0);
  if (input === undefined || candidates === undefined || thoughts === undefined || cached === undefined) {
    return { kind: 'skip', reason: 'token counts are not non-negative numbers' };
  }
  return {
    kind: 'record',
    record: {
      model: model.trim(),
      format: 'gemini',
      input,
      output: candidates + thoughts,
      cacheRead: Math.min(cached, input),
      cacheWrite: 0,
      cacheWrite1h: 0,
      batch,
    },
  };
}

/** Anthropic's input_tokens leave out the cache; tell it apart from OpenAI's Responses usage, which has the same names. */
function isAnthropic(body: Obj, usage: Obj, model: string): boolean {
  if ('cache_read_input_tokens' in usage || 'cache_creation_input_tokens' in usage || 'cache_creation' in usage)
    return true;
  if ('input_tokens_details' in usage || body.object === 'response') return false;
  return body.type === 'message' || /claude/i.test(model);
}

function sessionOf(line: Obj, sessionKey: string | undefined): string | undefined {
  if (sessionKey) {
    let node: unknown = line;
    for (const part of sessionKey.split('.')) node = isObject(node) ? node[part] : undefined;
    return typeof node === 'string' || typeof node === 'number' ? String(node) : undefined;
  }
  for (const holder of [line, line.metadata]) {
    if (!isObject(holder)) continue;
    for (const field of SESSION_FIELDS) {
      const value = holder[field];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return undefined;
}

export function detail(holder: unknown, key: string): unknown {
  return isObject(holder) ? holder[key] : undefined;
}

export function count(value: unknown): number | undefined {
  if (value === null) return 0;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
