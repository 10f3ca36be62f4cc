// Dotprompt (`*.prompt`, Genkit): YAML frontmatter (`model`, `config.maxOutputTokens`, `tools`, `output.schema`) and a
// Handlebars body whose `{{role "system"}}` helpers (or their expanded `<<<dotprompt:role:system>>>` markers) start
// messages. `input.schema` only validates variables and is not sent, so it is not counted.
import type { CostUnit, Problem, PromptPart } from '../types';
import { frontmatterFileOutcome, readFrontmatter } from './frontmatter';
import type { FormatInput, FormatOutcome } from './parser';
import { baseName, stemName } from './paths';
import { wholeFileUnit } from './plainText';
import { chatRole, splitRoleBlocks } from './roleBlocks';
import { markdownSections } from './sections';
import { nonEmptyString, type FieldReader } from './values';

const ROLE_MARKER = /\{\{~?\s*role\s+["'](\w+)["']\s*~?\}\}|<<<dotprompt:role:(\w+)>>>/g;
const HISTORY_MARKER = /\{\{~?\s*history\s*~?\}\}|<<<dotprompt:history>>>/;

export function parseDotprompt(input: FormatInput): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  // `name.variant.prompt`: the variant is a version of the same prompt, so the name is the part before it.
  const name = stemName(path).split('.')[0] || stemName(path);
  if (baseName(path).startsWith('_')) {
    problems.push({
      severity: 'info',
      message: 'a partial (name starts with _): it is inserted into other prompts, not called on its own',
    });
  }
  const frontmatter = readFrontmatter(lines, problems);
  if (frontmatter.kind === 'bad') {
    problems.push(frontmatter.problem);
    return { ok: true, units: [wholeFileUnit(lines, { name, kind: 'call', markdown: true })], problems };
  }
  const fields = frontmatter.kind === 'ok' ? frontmatter.fields : undefined;
  const bodyStart = frontmatter.kind === 'ok' ? frontmatter.bodyStart : 0;

  const blocks = splitRoleBlocks(lines, bodyStart, new RegExp(ROLE_MARKER.source, 'g'), chatRole, 'user');
  const historyAt = lines.text.slice(lines.offsetOfLine(bodyStart)).search(HISTORY_MARKER);
  if (historyAt >= 0) {
    problems.push({
      severity: 'info',
      message: 'the conversation history is inserted at {{history}} at run time; it is not counted here',
      line: lines.lineOfOffset(lines.offsetOfLine(bodyStart) + historyAt),
    });
  }

  const schema = fields ? outputSchema(fields) : undefined;
  const unit: CostUnit = {
    name,
    kind: 'call',
    range: lines.fullRange,
    parts: [...blocks.parts, ...(schema ? [schema] : [])],
    messageCount: blocks.messageCount,
    sections: markdownSections(lines, bodyStart, lines.lastLine),
  };
  if (fields) {
    const model = fields.string(['model']);
    if (model) unit.model = model;
    const maxOutput = fields.integer(['config', 'maxOutputTokens']);
    if (maxOutput) unit.maxOutputTokens = maxOutput;
    const tools = fields.names(['tools']);
    if (tools && tools.length > 0) unit.tools = tools;
  }
  return frontmatterFileOutcome(frontmatter, unit, problems);
}

/**
 * The output schema reaches the model (as a response schema or as format instructions). It is written in Picoschema
 * or JSON Schema; counted as its JSON text, which is close to what is sent but not byte-exact.
 */
function outputSchema(fields: FieldReader): PromptPart | undefined {
  const schema = fields.value(['output', 'schema']);
  if (schema === undefined || schema === null) return undefined;
  const range = fields.positions.rangeAt(['output', 'schema']);
  const text = typeof schema === 'string' ? (nonEmptyString(schema) ?? '') : JSON.stringify(schema);
  return { role: 'context', label: 'output schema', text, ...(range && { range }) };
}
