// CrewAI `agents.yaml` and `tasks.yaml`: one top-level key per agent or task. Each agent is a unit (its role, goal and
// backstory form the system prompt of every call it makes); each task is a unit (description and expected output
// form the user message).
import type { CostUnit, Problem, PromptPart } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { readUsageHints } from './usageHints';
import { isDict, nonEmptyString, type Dict, type FieldReader } from './values';
import { readYamlConfig } from './yamlConfig';

// CrewAI's Agent defaults (crewai/agent.py): max_iter 20, max_retry_limit 2.
const DEFAULT_MAX_ITER = 20;
const DEFAULT_MAX_RETRY = 2;

const AGENT_TEXT = ['role', 'goal', 'backstory'] as const;
const TASK_TEXT = ['description', 'expected_output'] as const;
/** Not an agent or task: our own per-file usage block. */
const RESERVED = new Set(['burnrate']);

export const parseCrewAgents = (input: FormatInput): FormatOutcome => parseCrewAi(input, true);
export const parseCrewTasks = (input: FormatInput): FormatOutcome => parseCrewAi(input, false);

function parseCrewAi(input: FormatInput, isAgents: boolean): FormatOutcome {
  const problems: Problem[] = [];
  const config = readYamlConfig(input, isAgents ? 'agents.yaml' : 'tasks.yaml', problems);
  if (!config.ok) return config.error;
  const fields = config.value;
  const textKeys = isAgents ? AGENT_TEXT : TASK_TEXT;

  const root = fields.root;
  const entries = isDict(root) ? Object.entries(root).filter(([key]) => !RESERVED.has(key)) : [];
  const shaped = entries.filter(([, value]) => isDict(value) && textKeys.some((k) => k in value));
  if (shaped.length === 0) {
    return {
      ok: false,
      reason: `not a CrewAI ${isAgents ? 'agents' : 'tasks'} file: no top-level entry has ${textKeys.join(' or ')}`,
    };
  }

  const units: CostUnit[] = [];
  for (const [key, value] of entries) {
    if (!isDict(value)) {
      fields.warn([key], `"${key}" is not a map of ${isAgents ? 'agent' : 'task'} settings: skipped`);
      continue;
    }
    units.push(isAgents ? agentUnit(fields, key, value) : taskUnit(fields, key, value));
  }
  const usageHints = readUsageHints(fields);
  return { ok: true, units, problems, ...(usageHints ? { usageHints } : {}) };
}

function agentUnit(fields: FieldReader, key: string, agent: Dict): CostUnit {
  const unit = baseUnit(fields, key, textParts(fields, key, agent, AGENT_TEXT, 'system'));
  const llm = isDict(agent['llm']) ? fields.string([key, 'llm', 'model']) : fields.string([key, 'llm']);
  if (llm) unit.model = llm;
  unit.turns = fields.integer([key, 'max_iter']) ?? {
    value: DEFAULT_MAX_ITER,
    field: `max_iter (CrewAI default ${DEFAULT_MAX_ITER})`,
  };
  unit.retryLimit = fields.integer([key, 'max_retry_limit'], 0) ?? {
    value: DEFAULT_MAX_RETRY,
    field: `max_retry_limit (CrewAI default ${DEFAULT_MAX_RETRY})`,
  };
  const maxTokens = fields.integer([key, 'max_tokens']);
  if (maxTokens) unit.maxOutputTokens = maxTokens;
  const tools = fields.names([key, 'tools']);
  if (tools && tools.length > 0) unit.tools = tools;
  return unit;
}

function taskUnit(fields: FieldReader, key: string, task: Dict): CostUnit {
  const unit = baseUnit(fields, key, textParts(fields, key, task, TASK_TEXT, 'user'));
  const agent = fields.string([key, 'agent']);
  if (agent) unit.agent = agent.value;
  const tools = fields.names([key, 'tools']);
  if (tools && tools.length > 0) unit.tools = tools;
  const context = fields.names([key, 'context']);
  if (context && context.length > 0) {
    fields.info(
      [key, 'context'],
      `"${key}" also receives the output of ${context.join(', ')}; that text is not counted here`,
    );
  }
  return unit;
}

function baseUnit(fields: FieldReader, key: string, parts: PromptPart[]): CostUnit {
  const range = fields.positions.rangeAt([key]) ?? { startLine: 0, endLine: 0 };
  return { name: key, kind: 'call', range, parts, messageCount: 1, sections: [] };
}

function textParts(
  fields: FieldReader,
  key: string,
  entry: Dict,
  names: readonly string[],
  role: 'system' | 'user',
): PromptPart[] {
  const parts: PromptPart[] = [];
  for (const name of names) {
    const value = entry[name];
    if (value === undefined || value === null) {
      fields.warn([key], `"${key}" has no ${name}`);
      continue;
    }
    const text = typeof value === 'string' ? value : (nonEmptyString(String(value)) ?? '');
    const range = fields.positions.rangeAt([key, name]);
    parts.push({ role, label: name, text, ...(range && { range }) });
  }
  return parts;
}
