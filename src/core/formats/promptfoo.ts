// promptfoo configs: every inline prompt is sent to every provider once per test case (times `repeat`), so the units
// are prompt × provider pairs, each with the provider's model and output cap, and `callsPerRun` = tests × repeat.
// Prompts and tests kept in other files (`file://...`) are noted, never read: the engine reads one file at a time.
import type { CostUnit, LineRange, Problem, PromptPart } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { chatMessageParts } from './promptfooChat';
import { readProviders } from './promptfooProviders';
import { noteModelGradedAssertions, repeatCount, testsPerRun } from './promptfooTests';
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
  const providers = readProviders(fields, fields.has(['providers']) ? 'providers' : 'targets');
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
