// Chat API payloads saved as JSON (OpenAI chat completions, Anthropic messages): one call.
import { parseMessagesJson } from '../messagesJson';
import type { FormatSpec } from './spec';

// JSON files every project has that are never chat payloads; reading them would only add "skipped" noise.
const NON_PROMPT_JSON = new Set([
  'package.json',
  'package-lock.json',
  'composer.json',
  'composer.lock',
  'jsconfig.json',
  'tsconfig.json',
  'deno.json',
  'bower.json',
  'lerna.json',
  'nx.json',
  'turbo.json',
  'vercel.json',
  'renovate.json',
  'manifest.json',
  'settings.json',
  'launch.json',
  'tasks.json',
  'extensions.json',
  'devcontainer.json',
  'components.json',
  '.eslintrc.json',
  '.prettierrc.json',
  '.babelrc.json',
  // Semantic Kernel's execution settings beside skprompt.txt (read as that prompt's companion).
  'config.json',
]);

export const messagesJson: FormatSpec<'messages-json'> = {
  id: 'messages-json',
  label: 'Chat API payload (JSON)',
  globs: ['**/*.json'],
  // Every project has JSON files: opening one (onLanguage:json) activates the extension instead.
  activation: [],
  detect: (p) => p.name.endsWith('.json') && !NON_PROMPT_JSON.has(p.name) && !p.name.startsWith('tsconfig.'),
  parse: parseMessagesJson,
  frontmatter: { sent: false, edit: 'never' },
  loading: ['one-call'],
  doc: {
    files: '`*.json` with `messages` (OpenAI / Anthropic payloads)',
    units: 'one call',
    reads: 'every message, tool schemas, `response_format` schema, per-message framing, `max_tokens`',
  },
};
