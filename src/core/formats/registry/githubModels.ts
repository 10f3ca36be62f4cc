// GitHub Models prompt files: `*.prompt.yml` / `*.prompt.yaml`.
import { parseGithubModelsPrompt } from '../githubModels';
import type { FormatSpec } from './spec';

export const githubModels: FormatSpec<'github-models'> = {
  id: 'github-models',
  label: 'GitHub Models prompt',
  globs: ['**/*.prompt.{yml,yaml}'],
  detect: (p) => p.name.endsWith('.prompt.yml') || p.name.endsWith('.prompt.yaml'),
  parse: parseGithubModelsPrompt,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['one-call'],
  doc: {
    files: '`*.prompt.yml`',
    units: 'one call',
    reads: '`model`, `modelParameters.max_tokens`, `messages`, `jsonSchema`',
  },
};
