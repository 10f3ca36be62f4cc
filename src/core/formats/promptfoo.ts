// promptfoo configs: every inline prompt is sent to every provider once per test case (times `repeat`), so the units
// are prompt × provider pairs, each with the provider's model and output cap, and `callsPerRun` = tests × repeat.
// Prompts and tests kept in other files (`file://...`) are noted, never read: the engine reads one file at a time.
import type { CostUnit, Declared, LineRange, Problem, PromptPart } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { chatMessageParts } from './promptfooChat';
import { readUsageHints } from './usageHints';
import { isDict, nonEmptyString, type FieldReader } from './values';
import { readYamlConfig } from './yamlConfig';
import type { YamlPath } from './yamlSource';

interface InlinePrompt {
  name: string;
  parts: PromptPart[];
  messageCount: number;
  range?: LineRange;
}

interface Provider {
  name: string;
  model: Declared<string>;
  maxOutputTokens?: Declared<number>;
  range?: LineRange;
}

const MAX_OUTPUT_KEYS = ['max_tokens', 'max_output_tokens', 'max_completion_tokens', 'maxOutputTokens', 'maxTokens', 'max_new_tokens'];
// Assertions that call a grading model: each one is an extra LLM call per test that this count leaves out.
const MODEL_GRADED = new Set([
  'llm-rubric',
  'g-eval',
  'factuality',
  'model-graded-closedqa',
  'model-graded-factuality',
  'answer-relevance',
  'context-faithfulness',
  'context-recall',
  'context-relevance',
  'select-best',
  'search-rubric',
]);
// Bare strings promptfoo treats as file paths rather than prompt text.
const FILE_LIKE = /^[^\s]+\.(txt|md|json|jsonl|ya?ml|py|js|mjs|cjs|ts|j2|jinja2?|njk|csv)(:\w+)?$/i;

export function parsePromptfoo(input: FormatInput): FormatOutcome {
  const problems: Problem[] = [];
  const config = readYamlConfig(input, 'promptfoo config', problems);
  if (!config.ok) return config.outcome;
  const { fields } = config;
  if (!isDict(fields.root)) return { ok: false, reason: 'not a promptfoo config: the file is not a map of settings' };

  const prompts = inlinePrompts(fields);
  if (prompts.length === 0 && !fields.has(['prompts'])) {
    problems.push({ severity: 'info', message: 'no prompts: nothing to price in this config' });
  }
  const providerKey = fields.has(['providers']) ? 'providers' : 'targets';
  const providers = readProviders(fields, providerKey);
  if (providers.length === 0) {
    problems.push({ severity: 'info', message: 'no providers with a model id: set a default model to price these prompts' });
  }
  const callsPerRun = testsPerRun(fields) * repeatCount(fields);
  noteModelGradedAssertions(fields);

  const units: CostUnit[] = [];
  for (const prompt of prompts) {
    for (const provider of providers.length > 0 ? providers : [undefined]) {
      const range = (providers.length > 1 ? provider?.range : prompt.range) ?? prompt.range ?? { startLine: 0, endLine: 0 };
      const name =
        provider === undefined || providers.length === 1
          ? prompt.name
          : prompts.length === 1
            ? provider.name
            : `${prompt.name} × ${provider.name}`;
      const unit: CostUnit = { name, kind: 'call', range, parts: prompt.parts, messageCount: prompt.messageCount, sections: [], callsPerRun };
      if (provider) unit.model = provider.model;
      if (provider?.maxOutputTokens) unit.maxOutputTokens = provider.maxOutputTokens;
      units.push(unit);
    }
  }
  const usageHints = readUsageHints(fields);
  return { ok: true, units, problems, ...(usageHints ? { usageHints } : {}) };
}

function inlinePrompts(fields: FieldReader): InlinePrompt[] {
  const raw = fields.value(['prompts']);
  const entries: { value: unknown; path: YamlPath }[] = Array.isArray(raw)
    ? raw.map((value, i) => ({ value, path: ['prompts', i] }))
    : isDict(raw)
      ? Object.keys(raw).map((key) => ({ value: { id: key, label: raw[key] }, path: ['prompts', key] }))
      : raw === undefined || raw === null
        ? []
        : [{ value: raw, path: ['prompts'] }];

  const prompts: InlinePrompt[] = [];
  entries.forEach(({ value, path }, i) => {
    const label = isDict(value) ? nonEmptyString(value['label']) : undefined;
    const text = isDict(value) ? (typeof value['raw'] === 'string' ? value['raw'] : value['id']) : value;
    if (typeof text !== 'string') {
      fields.warn(path, 'a prompt should be text, a {raw, label} or a {id: file://..., label} entry: skipped');
      return;
    }
    if (text.startsWith('file://') || FILE_LIKE.test(text.trim())) {
      fields.info(path, `prompt ${text.trim()} is in another file: not read here (open that file to price it)`);
      return;
    }
    const range = fields.positions.rangeAt(path);
    const chat = chatMessageParts(text, range);
    prompts.push({
      name: label ?? `prompt ${i + 1}`,
      parts: chat ?? [{ role: 'user', label: 'prompt', text, ...(range && { range }) }],
      messageCount: chat ? Math.max(chat.length, 1) : 1,
      ...(range && { range }),
    });
  });
  return prompts;
}

function readProviders(fields: FieldReader, key: string): Provider[] {
  const raw = fields.value([key]);
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const providers: Provider[] = [];
  list.forEach((item, i) => {
    const path: YamlPath = Array.isArray(raw) ? [key, i] : [key];
    const entry = providerEntry(item);
    if (!entry) {
      fields.warn(path, 'a provider should be an id or an {id, config} entry: skipped');
      return;
    }
    if (entry.id.startsWith('file://')) {
      fields.info(path, `provider ${entry.id} is defined in another file: not read here`);
      return;
    }
    const idPath: YamlPath = typeof item === 'string' ? path : entry.idKey ? [...path, entry.idKey] : [...path, 'id'];
    const range = fields.positions.rangeAt(path);
    const provider: Provider = { name: entry.label ?? entry.id, model: fields.declared(entry.id, idPath), ...(range && { range }) };
    const configPath: YamlPath = entry.idKey ? [...path, entry.idKey, 'config'] : [...path, 'config'];
    const maxOutput = maxOutputOf(fields, configPath);
    if (maxOutput) provider.maxOutputTokens = maxOutput;
    const budget = fields.value([...configPath, 'thinking', 'budget_tokens']);
    if (typeof budget === 'number') {
      fields.info([...configPath, 'thinking'], `${provider.name}: thinking budget ${budget} tokens, billed as output within max_tokens`);
    }
    providers.push(provider);
  });
  return providers;
}

/** `openai:gpt-4o`, `{id, label, config}` or the map form `{'openai:gpt-4o': {label, config}}`. */
function providerEntry(item: unknown): { id: string; label?: string; idKey?: string } | undefined {
  if (typeof item === 'string') return nonEmptyString(item) ? { id: item.trim() } : undefined;
  if (!isDict(item)) return undefined;
  const id = nonEmptyString(item['id']);
  const label = nonEmptyString(item['label']);
  if (id) return { id, ...(label && { label }) };
  const keys = Object.keys(item);
  const only = keys[0];
  if (keys.length === 1 && only !== undefined && isDict(item[only])) {
    const innerLabel = nonEmptyString((item[only] as Record<string, unknown>)['label']);
    return { id: only, idKey: only, ...(innerLabel && { label: innerLabel }) };
  }
  return undefined;
}

function maxOutputOf(fields: FieldReader, configPath: YamlPath): Declared<number> | undefined {
  for (const key of MAX_OUTPUT_KEYS) {
    if (fields.has([...configPath, key])) return fields.integer([...configPath, key]);
  }
  const google: YamlPath = [...configPath, 'generationConfig', 'maxOutputTokens'];
  return fields.has(google) ? fields.integer(google) : undefined;
}

function testsPerRun(fields: FieldReader): number {
  const tests = fields.value(['tests']);
  if (tests === undefined || tests === null) return 1;
  if (typeof tests === 'string') {
    fields.info(['tests'], `tests come from ${tests}: not read here, so calls per run assume one test`);
    return 1;
  }
  if (!Array.isArray(tests)) return 1;
  const fileRefs = tests.filter((t) => typeof t === 'string');
  if (fileRefs.length > 0) {
    fields.info(['tests'], `tests from ${fileRefs.join(', ')} are in other files: not counted in calls per run`);
  }
  return Math.max(tests.filter(isDict).length, 1);
}

function repeatCount(fields: FieldReader): number {
  if (!fields.has(['evaluateOptions', 'repeat'])) return 1;
  return fields.integer(['evaluateOptions', 'repeat'])?.value ?? 1;
}

function noteModelGradedAssertions(fields: FieldReader): void {
  const tests = fields.value(['tests']);
  const all = [fields.value(['defaultTest']), ...(Array.isArray(tests) ? tests : [])];
  const graded = new Set<string>();
  for (const test of all) {
    const asserts = isDict(test) ? test['assert'] : undefined;
    if (!Array.isArray(asserts)) continue;
    for (const a of asserts) {
      const type = isDict(a) ? nonEmptyString(a['type'])?.replace(/^not-/, '') : undefined;
      if (type && MODEL_GRADED.has(type)) graded.add(type);
    }
  }
  if (graded.size > 0) {
    fields.info(['tests'], `model-graded assertions (${[...graded].join(', ')}) make extra grader calls that are not counted`);
  }
}
