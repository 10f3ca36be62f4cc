// GitHub agentic workflows (`.github/workflows/*.md`, gh-aw): frontmatter configures the run (`on`, `engine`, `tools`,
// `safe-outputs`) and is compiled away; the Markdown body is the agent's task prompt for a multi-turn run.
import type { Problem } from '../types';
import { frontmatterFileOutcome, readFrontmatter } from './frontmatter';
import type { FormatInput, FormatOutcome } from './parser';
import { stemName } from './paths';
import { markdownSections } from './sections';
import { isDict, nonEmptyString } from './values';

export function parseAgenticWorkflow(input: FormatInput): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  const frontmatter = readFrontmatter(lines, problems);
  if (frontmatter.kind !== 'ok') {
    return {
      ok: false,
      reason: 'a Markdown file in .github/workflows without readable frontmatter: not an agentic workflow',
    };
  }
  const { fields, bodyStart } = frontmatter;
  const body = lines.trimmedBlock(bodyStart, lines.lastLine);
  const engine = fields.value(['engine']);
  const unit = {
    name: stemName(path),
    kind: 'call' as const,
    loading: 'session' as const,
    range: lines.fullRange,
    parts: body ? [{ role: 'body' as const, label: 'workflow prompt', ...body }] : [],
    messageCount: 1,
    sections: markdownSections(lines, bodyStart, lines.lastLine),
  };
  const model = isDict(engine) ? fields.string(['engine', 'model']) : undefined;
  const turns =
    isDict(engine) && fields.has(['engine', 'max-turns']) ? fields.integer(['engine', 'max-turns']) : undefined;
  const engineId = nonEmptyString(isDict(engine) ? engine['id'] : engine);
  if (!model) {
    fields.info(
      ['engine'],
      `engine ${engineId ?? 'copilot (default)'} runs its own default model: set engine.model or burnrate.model to price it`,
    );
  }
  const tools = fields.value(['tools']);
  return frontmatterFileOutcome(
    frontmatter,
    {
      ...unit,
      ...(model && { model }),
      ...(turns && { turns }),
      ...(isDict(tools) && Object.keys(tools).length > 0 && { tools: Object.keys(tools) }),
    },
    problems,
  );
}
