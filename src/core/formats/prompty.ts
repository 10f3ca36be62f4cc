// Prompty (`*.prompty`): YAML frontmatter (v2 `model.id` / `model.options`, v1 `model.configuration` /
// `model.parameters`) and a body split into messages at `system:` / `user:` / `assistant:` lines.
import type { CostUnit, Declared, Problem, PromptPart } from '../types';
import { frontmatterFileOutcome, readFrontmatter } from './frontmatter';
import type { FormatInput, FormatOutcome } from './parser';
import { stemName } from './paths';
import { wholeFileUnit } from './plainText';
import { chatRole, splitRoleBlocks } from './roleBlocks';
import { markdownSections } from './sections';
import { isDict, nameOf, nonEmptyString, type FieldReader } from './values';

// Prompty's chat parser: a line holding only a role name and a colon, optionally `# `-prefixed or with attributes
// (`user[name="ann"]:`).
const ROLE_LINE = /^[ \t]*#?[ \t]*(system|user|assistant|developer|function|tool)(?:\[[^\]\n]*\])?[ \t]*:[ \t]*$/gim;

const MODEL_PATHS: readonly (readonly string[])[] = [
  ['model', 'id'],
  ['model', 'configuration', 'azure_deployment'],
  ['model', 'configuration', 'name'],
  ['model', 'configuration', 'model'],
  ['model', 'connection', 'azure_deployment'],
];
const MAX_OUTPUT_PATHS: readonly (readonly string[])[] = [
  ['model', 'options', 'maxOutputTokens'],
  ['model', 'parameters', 'max_tokens'],
  ['model', 'parameters', 'max_completion_tokens'],
];

export function parsePrompty(input: FormatInput): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  const name = stemName(path);
  const frontmatter = readFrontmatter(lines, problems);
  if (frontmatter.kind === 'bad') {
    problems.push(frontmatter.problem);
    return { ok: true, units: [wholeFileUnit(lines, { name, kind: 'call', markdown: true })], problems };
  }
  const fields = frontmatter.kind === 'ok' ? frontmatter.fields : undefined;
  const bodyStart = frontmatter.kind === 'ok' ? frontmatter.bodyStart : 0;

  // The completion API takes one prompt string: role lines are then just text.
  const completion = fields?.value(['model', 'api']) === 'completion';
  const blocks = completion
    ? singleBlock(lines.trimmedBlock(bodyStart, lines.lastLine))
    : splitRoleBlocks(lines, bodyStart, ROLE_LINE, chatRole, 'system');
  const toolParts = fields ? toolSchemas(fields) : [];

  const unit: CostUnit = {
    name: nonEmptyString(fields?.value(['name'])) ?? name,
    kind: 'call',
    range: lines.fullRange,
    parts: [...toolParts, ...blocks.parts],
    messageCount: blocks.messageCount,
    sections: markdownSections(lines, bodyStart, lines.lastLine),
  };
  if (fields) {
    const model = firstString(fields, MODEL_PATHS) ?? fields.string(['model']);
    if (model) unit.model = model;
    const maxOutput = MAX_OUTPUT_PATHS.map((p) => (fields.has(p) ? fields.integer(p) : undefined)).find(
      (d) => d !== undefined,
    );
    if (maxOutput) unit.maxOutputTokens = maxOutput;
    // An embedding call returns vectors, not generated tokens: nothing to bill as output.
    if (fields.value(['model', 'api']) === 'embedding')
      unit.maxOutputTokens = fields.declared(0, ['model', 'api'], 'model.api: embedding (no output tokens)');
    const tools = toolParts.map((p) => p.label.replace(/^tool schema: /, ''));
    if (tools.length > 0) unit.tools = tools;
  }
  return frontmatterFileOutcome(frontmatter, unit, problems);
}

function firstString(fields: FieldReader, paths: readonly (readonly string[])[]): Declared<string> | undefined {
  for (const p of paths) {
    const value = nonEmptyString(fields.value(p));
    if (value) return fields.declared(value, p);
  }
  return undefined;
}

/** Tool definitions are sent with every call; they are counted as their JSON form. */
function toolSchemas(fields: FieldReader): PromptPart[] {
  const tools = fields.value(['tools']);
  if (!Array.isArray(tools)) return [];
  return tools.filter(isDict).map((tool, i) => {
    const range = fields.positions.rangeAt(['tools', i]);
    return {
      role: 'tool-schema' as const,
      label: `tool schema: ${nameOf(tool) ?? `tool ${i + 1}`}`,
      text: JSON.stringify(tool),
      ...(range && { range }),
    };
  });
}

function singleBlock(block: { text: string; range: { startLine: number; endLine: number } } | undefined) {
  return { parts: block ? [{ role: 'user' as const, label: 'prompt', ...block }] : [], messageCount: 1 };
}
