// Which format a file is, from its path alone (content checks, e.g. "is this agents.yaml really CrewAI", happen when
// the file is read). Walkers call `isPromptPath` on every file name, so this stays cheap: no I/O, no regex per rule.
import type { FormatId } from '../types';
import { matchGlob } from '../glob';
import { lowerSegments } from './paths';

export const FORMAT_LABELS: Readonly<Record<FormatId, string>> = {
  'vscode-prompt': 'VS Code prompt file',
  'vscode-instructions': 'VS Code instructions',
  'vscode-agent': 'VS Code custom agent',
  'claude-agent': 'Claude Code subagent',
  'always-on': 'Always-on context',
  'cursor-rule': 'Cursor rule',
  prompty: 'Prompty',
  dotprompt: 'Dotprompt',
  'crewai-agents': 'CrewAI agents',
  'crewai-tasks': 'CrewAI tasks',
  promptfoo: 'promptfoo config',
  'messages-json': 'Chat API payload (JSON)',
  'plain-prompt': 'Plain prompt',
};

const ALWAYS_ON_NAMES = new Set(['claude.md', 'agents.md', 'claude.local.md']);
const PROMPTFOO_NAMES = new Set(['promptfooconfig.yaml', 'promptfooconfig.yml', 'promptfooconfig.json']);
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
]);

export function detectFormat(path: string): FormatId | undefined {
  const segments = lowerSegments(path);
  const name = segments[segments.length - 1];
  if (name === undefined) return undefined;
  const dirs = segments.slice(0, -1);
  const parent = dirs[dirs.length - 1];

  if (name.endsWith('.prompt.md')) return 'vscode-prompt';
  if (name.endsWith('.instructions.md')) return 'vscode-instructions';
  if (name === 'copilot-instructions.md' && parent === '.github') return 'vscode-instructions';
  if (name.endsWith('.agent.md') || name.endsWith('.chatmode.md')) return 'vscode-agent';
  if (name.endsWith('.md') && hasDirPair(dirs, '.claude', 'agents')) return 'claude-agent';
  if (ALWAYS_ON_NAMES.has(name)) return 'always-on';
  if (name.endsWith('.md') && hasDirPair(dirs, '.claude', 'rules')) return 'always-on';
  if (name.endsWith('.mdc') && hasDirPair(dirs, '.cursor', 'rules')) return 'cursor-rule';
  if (name === '.cursorrules') return 'cursor-rule';
  if (name.endsWith('.prompty')) return 'prompty';
  if (name.endsWith('.prompt')) return 'dotprompt';
  if (name === 'agents.yaml' || name === 'agents.yml') return 'crewai-agents';
  if (name === 'tasks.yaml' || name === 'tasks.yml') return 'crewai-tasks';
  if (PROMPTFOO_NAMES.has(name) || /\.promptfooconfig\.(ya?ml|json)$/.test(name)) return 'promptfoo';
  if (name.endsWith('.json')) return NON_PROMPT_JSON.has(name) || name.startsWith('tsconfig.') ? undefined : 'messages-json';
  if ((name.endsWith('.txt') || name.endsWith('.md')) && dirs.includes('prompts')) return 'plain-prompt';
  return undefined;
}

/**
 * Copies and renames of known formats outside their usual place: a Cursor rule exported as `python.mdc`, a saved
 * `backend-AGENTS.md`, `team-copilot-instructions.md`, Claude subagents kept in an `agents/` folder. Weaker evidence
 * than `detectFormat`, so the reader confirms by content where the name alone could mislead (`needsContentCheck`).
 */
export function detectLooseFormat(path: string): { format: FormatId; needsContentCheck: boolean } | undefined {
  const segments = lowerSegments(path);
  const name = segments[segments.length - 1];
  if (name === undefined) return undefined;
  const parent = segments[segments.length - 2] ?? '';
  if (name.endsWith('.mdc') || name.endsWith('.cursorrules')) return { format: 'cursor-rule', needsContentCheck: false };
  if (name.endsWith('copilot-instructions.md')) return { format: 'vscode-instructions', needsContentCheck: false };
  if (/[-_.](agents|claude)\.md$/.test(name)) return { format: 'always-on', needsContentCheck: false };
  if (name.endsWith('.md') && /(^|[-_.])agents$/.test(parent)) return { format: 'claude-agent', needsContentCheck: true };
  return undefined;
}

/** Should a walker read this file? Known formats, their loose variants, plus the user's extra globs (read as plain prompts). */
export function isPromptPath(path: string, extraGlobs: readonly string[] = []): boolean {
  return detectFormat(path) !== undefined || detectLooseFormat(path) !== undefined || matchesExtraGlobs(path, extraGlobs);
}

/**
 * Extra globs are workspace-relative, but the path may be absolute and the workspace root unknown here, so the glob
 * may match any tail of the path that starts at a folder boundary.
 */
export function matchesExtraGlobs(path: string, extraGlobs: readonly string[]): boolean {
  if (extraGlobs.length === 0) return false;
  const segments = path.replace(/\\/g, '/').split('/').filter((s) => s.length > 0 && s !== '.');
  for (let start = 0; start < segments.length; start++) {
    const tail = segments.slice(start).join('/');
    if (extraGlobs.some((glob) => matchGlob(glob.replace(/\\/g, '/').replace(/^\/+/, ''), tail))) return true;
  }
  return false;
}

/** `.claude/agents/x.md` and nested `.claude/agents/team/x.md` both count. */
function hasDirPair(dirs: readonly string[], first: string, second: string): boolean {
  const at = dirs.indexOf(first);
  return at >= 0 && dirs[at + 1] === second;
}
