// Claude Code subagents (`.claude/agents/*.md`): the body is the subagent's system prompt.
import type { Declared, Problem } from '../types';
import type { MarkdownProfile } from './markdownFile';
import { nonEmptyString, type FieldReader } from './values';

export const claudeAgentProfile: MarkdownProfile = {
  nameFromFile: 'stem',
  settings(fields, problems) {
    if (!fields || !nonEmptyString(fields.value(['name'])) || !nonEmptyString(fields.value(['description']))) {
      problems.push({
        severity: 'info',
        message: 'Claude Code only loads subagents whose frontmatter has a name and a description',
      });
    }
    const model = claudeModel(fields, problems);
    const turns = fields?.integer(['maxTurns']);
    const tools = fields?.names(['tools']);
    const name = nonEmptyString(fields?.value(['name']));
    const skills = fields?.names(['skills']);
    if (fields && skills && skills.length > 0) {
      fields.info(
        ['skills'],
        `skills (${skills.join(', ')}) are loaded whole into this subagent's context; their text is not counted here`,
      );
    }
    return {
      kind: 'call',
      bodyLabel: 'system prompt',
      ...(model && { model }),
      ...(turns && { turns }),
      ...(tools && { tools }),
      ...(name && { name }),
    };
  },
};

function claudeModel(fields: FieldReader | undefined, problems: Problem[]): Declared<string> | undefined {
  const model = fields?.string(['model']);
  if (model?.value.toLowerCase() === 'inherit') {
    problems.push({
      severity: 'info',
      message: "model: inherit — the subagent inherits the main conversation's model; set a default model to price it",
      ...(model.line !== undefined && { line: model.line }),
    });
    return undefined;
  }
  return model;
}
