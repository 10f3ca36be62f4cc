// Cursor. Figures: ../shared/notes/runtimes.md §3 and §11 (a leaked prompt: unofficial, low confidence).
import { estimated } from '../figures';
import type { RuntimeProfile } from '../profile';

const LEAK =
  'x1xhlol/system-prompts-and-models-of-ai-tools "Cursor Prompts/Agent Prompt 2.0.txt", counted o200k (unofficial)';

export const cursor: RuntimeProfile = {
  id: 'cursor',
  name: 'Cursor',
  defaultModel: {
    value: 'claude-sonnet-4-5',
    basis: 'estimate',
    source: 'Burnrate assumption (Cursor defaults to "Auto"); set runtimes.cursor.model',
    date: '2025-11',
  },
  defaultMode: 'agent',
  modes: {
    agent: {
      systemPrompt: estimated(2392, 0.4, LEAK, '2025-11-07'),
      tools: [
        { name: 'built-in tools (14 functions + multi_tool_use)', figure: estimated(6126, 0.4, LEAK, '2025-11-07') },
      ],
    },
  },
  reads: [
    { paths: ['.cursorrules'], rule: 'always', label: 'legacy rules', source: 'cursor.com/docs/rules' },
    {
      paths: ['.cursor/rules/**/*.mdc'],
      rule: 'frontmatter',
      label: 'rule',
      source: 'cursor.com/docs/rules; cursor.com/help/customization/rules.md',
    },
    {
      paths: ['AGENTS.md'],
      rule: 'always',
      label: 'AGENTS.md',
      source: 'cameronbrooks11.github.io/agent-policy (third party)',
    },
    {
      paths: ['**/AGENTS.md'],
      rule: 'scoped',
      scope: 'subtree',
      label: 'nested AGENTS.md',
      source: 'cameronbrooks11.github.io/agent-policy (third party)',
    },
    {
      paths: ['.cursor/skills/*/SKILL.md'],
      rule: 'skill',
      label: 'skill',
      source: 'hiromaily.github.io/docs-ssot/ai/cursor.html (third party)',
    },
    {
      paths: ['.cursor/agents/**/*.md'],
      rule: 'subagent',
      session: 'subagent',
      label: 'subagent',
      source: 'hiromaily.github.io/docs-ssot/ai/cursor.html (third party)',
    },
  ],
  listingEntry: estimated(12, 0.5, 'Burnrate estimate: framing per described rule or listed skill', '2026-12'),
  implies: ['.cursorrules', '.cursor/**'],
  note: 'User and Team rules live outside the repository and are not counted; no compaction threshold is published.',
};
