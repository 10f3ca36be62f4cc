// OpenTelemetry GenAI spans exported as OTLP JSON: {"resourceSpans": [{"resource", "scopeSpans": [{"spans": [{
// "traceId", "spanId", "startTimeUnixNano", "attributes": [{"key", "value": {"stringValue" | "intValue" | …}}]}]}]}]},
// one export per file (pretty-printed or not) or one export per line. A call is a span with gen_ai.usage.input_tokens /
// output_tokens (the older gen_ai.usage.prompt_tokens / completion_tokens too) and gen_ai.response.model or
// gen_ai.request.model. Cache: gen_ai.usage.cache_read.input_tokens and gen_ai.usage.cache_creation.input_tokens,
// which the semconv says SHOULD be included in input_tokens; an exporter that left them out (their sum exceeds
// input_tokens) is read as such. Agent spans (gen_ai.operation.name invoke_agent) summarise their children's calls and
// are not counted again. The session is gen_ai.conversation.id, else session.id, else the trace.
// Relied on: OpenTelemetry semantic conventions for GenAI spans (opentelemetry.io/docs/specs/semconv/gen-ai/, the
// @opentelemetry/semantic-conventions incubating ATTR_GEN_AI_USAGE_* constants) and the OTLP JSON encoding
// (opentelemetry-proto, int64 values as strings).
import { isObject, type LineReading, type Obj, type UsageRecord } from '../usageRecord';
import { nonEmptyString, parseObject, type LogFormat, type LogLineReader, type LogReaderOptions } from './logFormat';

/** Largest export held while a pretty-printed document is read line by line. */
const MAX_DOCUMENT_CHARS = 32 * 1024 * 1024;
const AGGREGATE_OPERATIONS = new Set(['invoke_agent', 'create_agent', 'execute_tool']);

export const otelFormat: LogFormat = {
  id: 'otel',
  label: 'OpenTelemetry GenAI spans as OTLP JSON (one export, or one export a line)',
  detect: (first, text) =>
    first !== undefined ? Array.isArray(first.resourceSpans) : /^\s*\{\s*("resourceSpans"\s*:.*)?$/.test(text),
  open: (options) => new OtelReader(options),
};

class OtelReader implements LogLineReader {
  private buffer: string[] = [];
  private buffered = 0;
  private overflow = false;

  constructor(private readonly options: LogReaderOptions) {}

  line(text: string): LineReading[] {
    const parsed = parseObject(text);
    if (parsed !== undefined && 'value' in parsed && Array.isArray(parsed.value.resourceSpans)) {
      return [...this.flushUnparsed(), ...spansOf(parsed.value, this.options.sessionKey)];
    }
    if (parsed === undefined && this.buffer.length === 0) return [{ kind: 'blank' }];
    // Part of a multi-line document (or a malformed line): held until the document closes or the file ends.
    if (this.overflow) return [];
    this.buffered += text.length + 1;
    if (this.buffered > MAX_DOCUMENT_CHARS) {
      this.overflow = true;
      this.buffer = [];
      return [
        {
          kind: 'skip',
          reason: `a JSON document over ${MAX_DOCUMENT_CHARS.toLocaleString('en-US')} characters (export one span batch a line)`,
        },
      ];
    }
    this.buffer.push(text);
    return [];
  }

  end(): LineReading[] {
    if (this.buffer.length === 0) return [];
    const text = this.buffer.join('\n');
    this.buffer = [];
    const parsed = parseObject(text);
    if (parsed === undefined) return [];
    if ('skip' in parsed) return [{ kind: 'skip', reason: parsed.skip }];
    if (!Array.isArray(parsed.value.resourceSpans)) return [{ kind: 'skip', reason: 'JSON without resourceSpans' }];
    return spansOf(parsed.value, this.options.sessionKey);
  }

  private flushUnparsed(): LineReading[] {
    if (this.buffer.length === 0) return [];
    const lines = this.buffer.length;
    this.buffer = [];
    this.buffered = 0;
    return Array.from({ length: lines }, () => ({ kind: 'skip', reason: 'not JSON' }) as const);
  }
}

function spansOf(exported: Obj, sessionKey: string | undefined): LineReading[] {
  const readings: LineReading[] = [];
  for (const resource of arrayOf(exported.resourceSpans)) {
    for (const scope of arrayOf(resource.scopeSpans ?? resource.instrumentationLibrarySpans)) {
      for (const span of arrayOf(scope.spans)) {
        const reading = spanReading(span, sessionKey);
        if (reading) readings.push(reading);
      }
    }
  }
  return readings;
}

function spanReading(span: Obj, sessionKey: string | undefined): LineReading | undefined {
  const attributes = attributesOf(span.attributes);
  const inputValue = attributes.get('gen_ai.usage.input_tokens') ?? attributes.get('gen_ai.usage.prompt_tokens');
  const outputValue = attributes.get('gen_ai.usage.output_tokens') ?? attributes.get('gen_ai.usage.completion_tokens');
  if (inputValue === undefined && outputValue === undefined) return undefined;
  const operation = attributes.get('gen_ai.operation.name');
  if (typeof operation === 'string' && AGGREGATE_OPERATIONS.has(operation)) return undefined;
  const model =
    nonEmptyString(attributes.get('gen_ai.response.model')) ?? nonEmptyString(attributes.get('gen_ai.request.model'));
  if (model === undefined) return { kind: 'skip', reason: 'span with usage but no gen_ai model' };
  const numbers = [
    inputValue ?? 0,
    outputValue ?? 0,
    attributes.get('gen_ai.usage.cache_read.input_tokens') ?? 0,
    attributes.get('gen_ai.usage.cache_creation.input_tokens') ?? 0,
  ].map(tokenCount);
  const [input, output, read, written] = numbers;
  if (input === undefined || output === undefined || read === undefined || written === undefined) {
    return { kind: 'skip', reason: 'span token counts are not non-negative numbers' };
  }
  const record: UsageRecord = {
    model,
    format: 'otel',
    input: read + written > input ? input + read + written : input,
    output,
    cacheRead: read,
    cacheWrite: written,
    cacheWrite1h: 0,
    batch: false,
  };
  const session = sessionKey !== undefined ? nonEmptyString(String(attributes.get(sessionKey) ?? '')) : undefined;
  const named =
    session ??
    nonEmptyString(attributes.get('gen_ai.conversation.id')) ??
    nonEmptyString(attributes.get('session.id')) ??
    nonEmptyString(span.traceId);
  if (named !== undefined) record.session = named;
  const timestamp = isoFromNanos(span.startTimeUnixNano);
  if (timestamp !== undefined) record.timestamp = timestamp;
  return { kind: 'record', record };
}

/** OTLP attribute list → key to value; int64 values arrive as strings. */
function attributesOf(list: unknown): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const attribute of arrayOf(list)) {
    if (typeof attribute.key !== 'string' || !isObject(attribute.value)) continue;
    const v = attribute.value;
    map.set(attribute.key, v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue);
  }
  return map;
}

function tokenCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isoFromNanos(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,20}$/.test(text)) return undefined;
  const date = new Date(Number(text.slice(0, -6) || '0'));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function arrayOf(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
