// promptfoo providers: each is a model the prompts run against, with its own output cap.
import type { Declared, LineRange } from '../types';
import { isDict, nonEmptyString, type FieldReader } from './values';
import type { YamlPath } from './yamlSource';

export interface Provider {
  name: string;
  model: Declared<string>;
  maxOutputTokens?: Declared<number>;
  range?: LineRange;
}

const MAX_OUTPUT_KEYS = [
  'max_tokens',
  'max_output_tokens',
  'max_completion_tokens',
  'maxOutputTokens',
  'maxTokens',
  'max_new_tokens',
];

/** `providers:` (or its newer name `targets:`) in any of promptfoo's spellings. */
export function readProviders(fields: FieldReader, key: string): Provider[] {
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
    const provider: Provider = {
      name: entry.label ?? entry.id,
      model: fields.declared(entry.id, idPath),
      ...(range && { range }),
    };
    const configPath: YamlPath = entry.idKey ? [...path, entry.idKey, 'config'] : [...path, 'config'];
    const maxOutput = maxOutputOf(fields, configPath);
    if (maxOutput) provider.maxOutputTokens = maxOutput;
    const budget = fields.value([...configPath, 'thinking', 'budget_tokens']);
    if (typeof budget === 'number') {
      fields.info(
        [...configPath, 'thinking'],
        `${provider.name}: thinking budget ${budget} tokens, billed as output within max_tokens`,
      );
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
