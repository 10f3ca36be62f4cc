// OpenAI Codex CLI. Figures: ../shared/notes/runtimes.md §4 and §11.
import { estimated } from '../figures';
import type { RuntimeProfile, ToolFigure } from '../profile';

const TOOL_SOURCE = 'codex.danielvaughan.com/2026/04/08 "~500 tokens each" (third party; tool names from openai/codex)';
const tool = (name: string): ToolFigure => ({ name, figure: estimated(500, 0.5, TOOL_SOURCE, '2026-04-08') });

export const codex: RuntimeProfile = {
  id: 'codex',
  name: 'OpenAI Codex CLI',
  defaultModel: {
    value: 'gpt-5-codex',
    basis: 'estimate',
    source: "Burnrate assumption: Codex's coding model (openai/codex model catalog); set runtimes.codex.model",
    date: '2025-09',
  },
  defaultMode: 'default',
  modes: {
    default: {
      systemPrompt: estimated(
        1800,
        0.2,
        'openai/codex gpt_5_codex_prompt.md, 8,179 chars at 4.2–4.9 chars per token (generic prompt.md ≈5.1k)',
        '2025 .. 2026',
      ),
      tools: [tool('shell'), tool('apply_patch'), tool('update_plan'), tool('view_image')],
    },
  },
  reads: [
    {
      paths: ['AGENTS.override.md'],
      rule: 'always',
      label: 'AGENTS.override.md',
      source: 'developers.openai.com/codex/guides/agents-md; codex-rs/core/src/project_doc.rs',
    },
    {
      paths: ['AGENTS.md'],
      rule: 'always',
      label: 'AGENTS.md',
      unless: ['AGENTS.override.md'],
      source: 'developers.openai.com/codex/guides/agents-md; project_doc.rs',
    },
    {
      paths: ['.agents/skills/*/SKILL.md'],
      rule: 'skill',
      label: 'skill',
      source: 'developers.openai.com/codex/skills.md',
    },
  ],
  listingEntry: estimated(12, 0.5, 'Burnrate estimate: framing per listed skill (name, description, path)', '2026-12'),
  compaction: {
    value: 0.95,
    basis: 'measured',
    source: 'model catalog effective_context_window_percent 95 (openai/codex#19319)',
    date: '2026-04-24',
  },
  maxBytesTotal: {
    value: 32768,
    basis: 'measured',
    source: 'project_doc_max_bytes default 32 KiB (project_doc.rs)',
    date: '2026',
  },
  implies: ['AGENTS.md', 'AGENTS.override.md', '.codex/**', '.agents/**'],
  note: 'No import syntax; AGENTS.md below the working folder is not loaded. ~/.codex files are outside the repository.',
};
