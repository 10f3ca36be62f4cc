// Continue prompt files (`.continue/prompts/*.prompt`, `*.md`): a YAML header (`name`, `description`, `invokable`)
// ends at a `---` line — with or without an opening `---` — and only the text after it is sent when the prompt is
// invoked as a slash command. (Dotprompt's `.prompt` has the same suffix but a real frontmatter and Handlebars body.)
import type { CostUnit, Problem } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { stemName } from './paths';
import { markdownSections } from './sections';
import { FieldReader, isDict, nonEmptyString } from './values';
import { parseYaml } from './yamlSource';

const SEPARATOR = /^---[ \t]*$/;
/** A header is a few lines; a `---` further down is a horizontal rule in the prompt. */
const HEADER_MAX_LINES = 50;

export function parseContinuePrompt(input: FormatInput): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  const open = SEPARATOR.test(lines.lines[0] ?? '') ? 1 : 0;
  let close = -1;
  for (let i = open; i < Math.min(lines.lines.length, HEADER_MAX_LINES); i++) {
    if (SEPARATOR.test(lines.lines[i]!)) {
      close = i;
      break;
    }
  }
  let fields: FieldReader | undefined;
  if (close >= 0) {
    const parsed = parseYaml(lines.lines.slice(open, close).join('\n'), lines, open);
    if (parsed.ok && isDict(parsed.value.value)) fields = new FieldReader(parsed.value.value, parsed.value, problems);
    else close = -1; // not a header after all: the whole file is the prompt
  }
  const bodyStart = close >= 0 ? close + 1 : 0;
  const body = lines.trimmedBlock(bodyStart, lines.lastLine);
  if (!body) problems.push({ severity: 'info', message: 'the prompt is empty: invoking it sends no text' });
  const unit: CostUnit = {
    name: nonEmptyString(fields?.value(['name'])) ?? stemName(path),
    kind: 'call',
    loading: 'on-invocation',
    range: lines.fullRange,
    parts: body ? [{ role: 'user', label: 'prompt', ...body }] : [],
    messageCount: 1,
    sections: markdownSections(lines, bodyStart, lines.lastLine),
  };
  const model = fields?.string(['model']);
  if (model) unit.model = model;
  if (close >= 0 && fields?.value(['invokable']) === false) {
    fields.info(['invokable'], 'invokable: false — not offered as a slash command');
  }
  return {
    ok: true,
    units: [unit],
    problems,
    ...(close >= 0 ? { frontmatter: { startLine: 0, endLine: close } } : {}),
  };
}
