// A CrewAI task runs on an agent defined in the sibling agents.yaml: the task's calls use that agent's `llm`, its turn
// cap (`max_iter`) and its role/goal/backstory as the system prompt. Reading the sibling is the shell's job (a
// `readCompanion` callback); joining the two is ours.
import { readPromptFile } from '../formats';
import type { CostUnit, ParsedFile } from '../types';

/** Reads another file of the workspace by its workspace-relative path; undefined when it doesn't exist. */
export type CompanionReader = (relativePath: string) => Uint8Array | undefined;

export function withCrewAgents(file: ParsedFile, relativePath: string, readCompanion: CompanionReader | undefined): ParsedFile {
  if (file.format !== 'crewai-tasks' || !readCompanion || !file.units.some((u) => u.agent)) return file;
  const dir = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/') + 1) : '';
  const ext = relativePath.endsWith('.yml') ? 'yml' : 'yaml';
  const agentsPath = `${dir}agents.${ext}`;
  const bytes = readCompanion(agentsPath);
  if (!bytes) return file;
  const agents = readPromptFile(agentsPath, bytes);
  if (!agents.ok || agents.file.format !== 'crewai-agents') return file;
  const byName = new Map(agents.file.units.map((u) => [u.name, u]));
  return { ...file, units: file.units.map((task) => joinAgent(task, task.agent ? byName.get(task.agent) : undefined, agentsPath)) };
}

function joinAgent(task: CostUnit, agent: CostUnit | undefined, agentsPath: string): CostUnit {
  if (!agent) return task;
  const joined: CostUnit = {
    ...task,
    parts: [...agent.parts.map((p) => ({ ...p, label: `agent ${agent.name}: ${p.label}` })), ...task.parts],
    messageCount: task.messageCount + 1,
  };
  if (!task.model && agent.model) joined.model = { ...agent.model, field: `llm of agent "${agent.name}" in ${agentsPath}` };
  if (!task.turns && agent.turns) joined.turns = { ...agent.turns, field: `${agent.turns.field} of agent "${agent.name}"` };
  if (!task.tools && agent.tools) joined.tools = agent.tools;
  return joined;
}
