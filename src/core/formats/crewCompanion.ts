// A CrewAI task runs on an agent defined in the sibling agents.yaml: the task's calls use that agent's `llm`, its turn
// cap (`max_iter`) and its role/goal/backstory as the system prompt. The agent is named by the task's `agent:`, or,
// in most generated crews, assigned in `crew.py` (`agent=self.researcher()`), which is read here by a small, bounded
// pattern reader — not a Python parser. Reading the files is the shell's job (a `CompanionReader`); joining is ours.
import type { CostUnit, ParsedFile, Problem } from '../types';
import { parseCrewAgents } from './crewai';
import { decodeText } from './decode';
import { SourceLines } from './lines';
import type { CompanionReader } from './registry/spec';

/** agents.yaml beside tasks.yaml, and the crew.py of the project (beside a `config/` folder, or in the same folder). */
export function crewTaskCompanions(path: string): string[] {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const ext = /\.yml$/i.test(path) ? 'yml' : 'yaml';
  const parentDir = /(^|\/)config\/$/i.test(dir) ? dir.replace(/config\/$/i, '') : dir;
  return [`${dir}agents.${ext}`, `${parentDir}crew.py`];
}

export function joinCrewAgents(file: ParsedFile, relativePath: string, read: CompanionReader): ParsedFile {
  const [agentsPath, crewPath] = crewTaskCompanions(relativePath) as [string, string];
  const agents = readAgents(agentsPath, read);
  const unassigned = file.units.filter((u) => !u.agent);
  const assigned = unassigned.length > 0 ? readCrewAssignments(crewPath, read) : new Map<string, string>();
  const problems: Problem[] = [...file.problems];
  const units = file.units.map((task) => {
    const fromCrew = task.agent ? undefined : assigned.get(task.name);
    const agentName = task.agent ?? fromCrew;
    if (!agentName) {
      problems.push({
        severity: 'info',
        message: `task "${task.name}" names no agent and ${crewPath} assigns none: priced without an agent's prompt, model or turns`,
        line: task.range.startLine,
      });
      return task;
    }
    const withAgent: CostUnit = { ...task, agent: agentName };
    if (fromCrew) {
      problems.push({
        severity: 'info',
        message: `task "${task.name}" runs on agent "${agentName}" (assigned in ${crewPath})`,
        line: task.range.startLine,
      });
    }
    return joinAgent(withAgent, agents?.get(agentName), agentsPath);
  });
  return { ...file, units, problems };
}

function readAgents(agentsPath: string, read: CompanionReader): Map<string, CostUnit> | undefined {
  const bytes = read(agentsPath);
  if (!bytes) return undefined;
  const decoded = decodeText(bytes);
  if (!decoded.ok) return undefined;
  const outcome = parseCrewAgents({ path: agentsPath, lines: new SourceLines(decoded.value.text) });
  return outcome.ok ? new Map(outcome.units.map((u) => [u.name, u])) : undefined;
}

const DEF = /^[ \t]*def[ \t]+(\w+)[ \t]*\(/gm;
const CONFIG_KEY = /(tasks|agents)_config\[\s*['"]([^'"\n]+)['"]\s*\]/;
const AGENT_ARG = /\bagent\s*=\s*self\.(\w+)\b/;

/** Task key in tasks.yaml → agent key in agents.yaml, from the `def` blocks of crew.py. */
export function crewAssignments(source: string): Map<string, string> {
  const blocks: { name: string; body: string }[] = [];
  const starts = [...source.matchAll(DEF)];
  starts.forEach((m, i) =>
    blocks.push({ name: m[1]!, body: source.slice(m.index, starts[i + 1]?.index ?? source.length) }),
  );
  // A method returning Agent(config=self.agents_config['x']) is agent x; most crews name the method after the key.
  const agentKeyOf = new Map<string, string>();
  for (const block of blocks) {
    const key = CONFIG_KEY.exec(block.body);
    if (key && key[1] === 'agents') agentKeyOf.set(block.name, key[2]!);
  }
  const result = new Map<string, string>();
  for (const block of blocks) {
    const agent = AGENT_ARG.exec(block.body);
    if (!agent) continue;
    const key = CONFIG_KEY.exec(block.body);
    const task = key && key[1] === 'tasks' ? key[2]! : block.name;
    result.set(task, agentKeyOf.get(agent[1]!) ?? agent[1]!);
  }
  return result;
}

function readCrewAssignments(crewPath: string, read: CompanionReader): Map<string, string> {
  const bytes = read(crewPath);
  if (!bytes) return new Map();
  const decoded = decodeText(bytes);
  return decoded.ok ? crewAssignments(decoded.value.text) : new Map();
}

function joinAgent(task: CostUnit, agent: CostUnit | undefined, agentsPath: string): CostUnit {
  if (!agent) return task;
  const joined: CostUnit = {
    ...task,
    parts: [...agent.parts.map((p) => ({ ...p, label: `agent ${agent.name}: ${p.label}` })), ...task.parts],
    messageCount: task.messageCount + 1,
  };
  if (!task.model && agent.model)
    joined.model = { ...agent.model, field: `llm of agent "${agent.name}" in ${agentsPath}` };
  if (!task.turns && agent.turns)
    joined.turns = { ...agent.turns, field: `${agent.turns.field} of agent "${agent.name}"` };
  if (!task.tools && agent.tools) joined.tools = agent.tools;
  if (joined.turns) joined.loading = 'session';
  return joined;
}
