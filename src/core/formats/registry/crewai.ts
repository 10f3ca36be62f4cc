// CrewAI `agents.yaml` and `tasks.yaml`. A task runs on an agent: named by the task's `agent:`, or assigned in the
// `crew.py` beside the config folder; the task is priced with that agent's prompt, model and turn cap.
import { parseCrewAgents, parseCrewTasks } from '../crewai';
import { crewTaskCompanions, joinCrewAgents } from '../crewCompanion';
import type { FormatSpec } from './spec';

export const crewAgents: FormatSpec<'crewai-agents'> = {
  id: 'crewai-agents',
  label: 'CrewAI agents',
  globs: ['**/agents.{yaml,yml}'],
  detect: (p) => p.name === 'agents.yaml' || p.name === 'agents.yml',
  parse: parseCrewAgents,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['session'],
  companions: {
    of: () => [],
    dependents: (path) => [path.replace(/agents\.(ya?ml)$/i, 'tasks.$1')],
  },
  doc: {
    files: 'CrewAI `agents.yaml`',
    units: 'each agent (marked † when its tasks already carry it)',
    reads: '`llm`, `max_iter` (default 20) as the turn cap, `max_retry_limit`, `tools`',
  },
};

export const crewTasks: FormatSpec<'crewai-tasks'> = {
  id: 'crewai-tasks',
  label: 'CrewAI tasks',
  globs: ['**/tasks.{yaml,yml}'],
  detect: (p) => p.name === 'tasks.yaml' || p.name === 'tasks.yml',
  parse: parseCrewTasks,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['session', 'one-call'],
  companions: { of: crewTaskCompanions, join: joinCrewAgents },
  doc: {
    files: 'CrewAI `tasks.yaml`',
    units: 'each task, run on its agent',
    reads:
      'the agent from `agent:` or from `agent=self.x()` in `crew.py`; its `llm`, `max_iter` and role/goal/backstory from `agents.yaml`',
  },
};
