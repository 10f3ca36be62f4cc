// Continue. Figures: ../shared/notes/runtimes.md §9 (nothing measured: wide estimates).
import { estimated } from '../figures';
import type { RuntimeProfile } from '../profile';

const RULES = 'continuedev/continue docs/customize/deep-dives/rules.mdx';

export const continueDev: RuntimeProfile = {
  id: 'continue',
  name: 'Continue',
  defaultModel: {
    value: 'claude-sonnet-4-5',
    basis: 'estimate',
    source: 'Burnrate assumption (Continue runs the model in config.yaml); set runtimes.continue.model',
    date: '2026',
  },
  defaultMode: 'agent',
  modes: {
    agent: {
      systemPrompt: estimated(
        500,
        0.8,
        `Burnrate estimate: "a simple default system message" (${RULES}); not measured`,
        '2026',
      ),
      tools: [
        {
          name: 'built-in tools',
          figure: estimated(3000, 0.8, 'Burnrate estimate: tool schema size not measured anywhere', '2026'),
        },
      ],
    },
  },
  reads: [
    { paths: ['.continue/rules/**/*.md'], rule: 'frontmatter', label: 'rule', source: RULES },
    {
      paths: ['AGENTS.md'],
      rule: 'always',
      label: 'AGENTS.md',
      source: 'dyoshikawa/rulesync v16.32.0 release notes (third party)',
    },
    {
      paths: ['.continue/prompts/**/*.md', '.continue/prompts/**/*.prompt'],
      rule: 'invocation',
      label: 'prompt (slash command)',
      source: 'rulesync v16.32.0 (third party)',
    },
    {
      paths: ['.continue/skills/*/SKILL.md'],
      rule: 'skill',
      label: 'skill',
      source: 'rulesync v16.32.0 (third party)',
    },
  ],
  listingEntry: estimated(12, 0.5, 'Burnrate estimate: framing per described rule or skill', '2026-12'),
  implies: ['.continue/**'],
};
