// GitHub Models prompt files (`*.prompt.yml`): `model`, `modelParameters` (`max_tokens`), `messages` (role/content),
// an optional `jsonSchema` response format (sent with the request, so counted); `testData` and `evaluators` are for
// the Models evaluation UI and are not sent.
import type { CostUnit, Problem, PromptPart } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { stemName } from './paths';
import { chatRole } from './roleBlocks';
import { isDict, nonEmptyString } from './values';
import { readYamlConfig } from './yamlConfig';

const MAX_OUTPUT_KEYS = ['max_tokens', 'maxTokens', 'max_completion_tokens'];

export function parseGithubModelsPrompt(input: FormatInput): FormatOutcome {
  const problems: Problem[] = [];
  const config = readYamlConfig(input, 'prompt.yml', problems);
  if (!config.ok) return config.error;
  const fields = config.value;
  const messages = fields.value(['messages']);
  if (!Array.isArray(messages)) return { ok: false, reason: 'no messages list: not a GitHub Models prompt file' };
  const parts: PromptPart[] = [];
  messages.forEach((message, i) => {
    if (!isDict(message) || typeof message['role'] !== 'string' || typeof message['content'] !== 'string') {
      fields.warn(['messages', i], `message ${i + 1} needs a role and a text content: skipped`);
      return;
    }
    const range = fields.positions.rangeAt(['messages', i]);
    parts.push({
      role: chatRole(message['role']),
      label: `${message['role']} message`,
      text: message['content'],
      ...(range && { range }),
    });
  });
  const schema = fields.value(['jsonSchema']);
  if (schema !== undefined && schema !== null) {
    const range = fields.positions.rangeAt(['jsonSchema']);
    parts.push({
      role: 'context',
      label: 'response JSON schema',
      text: typeof schema === 'string' ? schema : JSON.stringify(schema),
      ...(range && { range }),
    });
  }
  const unit: CostUnit = {
    name: nonEmptyString(fields.value(['name'])) ?? stemName(input.path).replace(/\.prompt$/i, ''),
    kind: 'call',
    loading: 'one-call',
    range: input.lines.fullRange,
    parts,
    messageCount: Math.max(parts.filter((p) => p.role !== 'context').length, 1),
    sections: [],
  };
  const model = fields.string(['model']);
  if (model) unit.model = model;
  const maxKey = MAX_OUTPUT_KEYS.find((key) => fields.has(['modelParameters', key]));
  const maxOutput = maxKey ? fields.integer(['modelParameters', maxKey]) : undefined;
  if (maxOutput) unit.maxOutputTokens = maxOutput;
  if (/\{\{\w+\}\}/.test(input.lines.text)) {
    problems.push({
      severity: 'info',
      message: 'variables ({{name}}) are filled from testData or at run time; their values are not counted',
    });
  }
  return { ok: true, units: [unit], problems };
}
