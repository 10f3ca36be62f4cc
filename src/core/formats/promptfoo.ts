// promptfoo configs: every inline prompt is sent to every provider once per test case (times `repeat`), so the units
// are prompt × provider pairs, each with the provider's model and output cap, and `callsPerRun` = tests × repeat.
// Prompts kept in other files (`file://...`) become units with a `promptRef`, read beside the config by
// `promptfooFiles.ts` when the file is priced; tests in other files are noted, not read.
import type { CostUnit, LineRange, Problem, PromptPart } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { chatMessageParts } from './promptfooChat';
import { readProviders } from './promptfooProviders';
import { noteModelGradedAssertions, repeatCount, testsPerRun } from './promptfooTests';
import { readUsageHints } from './usageHints';
import { isDict, nonEmptyString, type FieldReader } from './values';
import { readYamlConfig } from './yamlConfig';
import type { YamlPath } from './yamlSource';

/**
 * Evals run in CI and by hand, not at production traffic: without a usage setting, a config is priced at a few runs
 * a day. Our assumption, stated wherever it is used; override with a `files:` entry in .burnrate.yaml.
 */
export const EVAL_RUNS_PER_DAY = 5;

interface InlinePrompt {
  name: string;
  promptRef?: string;
  parts: PromptPart[];
  messageCount: number;
  range?: LineRange;
}

// Bare strings promptfoo treats as file paths rather than prompt text.
const FILE_LIKE = /^[^\s]+\.(txt|md|json|jsonl|ya?ml|py|js|mjs|cjs|ts|j2|jinja2?|njk|csv)(:\w+)?$/i;

export function parsePromptfoo(input: FormatInput): FormatOutcome {
  const problems: Problem[] = [];
  const config = readYamlConfig(input, 'promptfoo config', problems);
  if (!config.ok) return config.error;
  const fields = config.value;
  if (!isDict(fields.root)) return { ok: false, reason: 'not a promptfoo config: the file is not a map of settings' };

  const prompts = inlinePrompts(fields);
  if (prompts.length === 0 && !fields.has(['prompts'])) {
    problems.push({ severity: 'info', message: 'no prompts: nothing to price in this config' });
  }
  const providers = readProviders(fields, fields.has(['providers']) ? 'providers' : 'targets');
  if (providers.length === 0) {
    problems.push({
      severity: 'info',
      message: 'no providers with a model id: set a default model to price these prompts',
    });
  }
  const callsPerRun = testsPerRun(fields) * repeatCount(fields);
  noteModelGradedAssertions(fields);

  const units: CostUnit[] = [];
  for (const prompt of prompts) {
    for (const provider of providers.length > 0 ? providers : [undefined]) {
      const range = (providers.length > 1 ? provider?.range : prompt.range) ??
        prompt.range ?? { startLine: 0, endLine: 0 };
      const name =
        provider === undefined || providers.length === 1
          ? prompt.name
          : prompts.length === 1
            ? provider.name
            : `${prompt.name} × ${provider.name}`;
      const unit: CostUnit = {
        name,
        kind: 'call',
        range,
        parts: prompt.parts,
        messageCount: prompt.messageCount,
        sections: [],
        callsPerRun,
      };
      unit.defaultCallsPerDay = {
        value: EVAL_RUNS_PER_DAY,
        field: `eval runs per day (Burnrate's assumption for promptfoo configs: ${EVAL_RUNS_PER_DAY})`,
      };
      if (prompt.promptRef) unit.promptRef = prompt.promptRef;
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
    const range = fields.positions.rangeAt(path);
    if (text.startsWith('file://') || FILE_LIKE.test(text.trim())) {
      const ref = text.trim().replace(/^file:\/\//, '');
      prompts.push({ name: label ?? ref, promptRef: ref, parts: [], messageCount: 1, ...(range && { range }) });
      return;
    }
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
