// Folders that hold prompt or agent files of a known family. A text file there that no family reads is listed as
// skipped with the reason — never dropped silently — so a layout Burnrate does not know yet is visible.
import type { PathFacts } from './pathFacts';
import { hasDirPair } from './pathFacts';

const TEXT = /\.(md|mdc|txt|toml|prompt|ya?ml)$/;

const FOLDERS: readonly { first: string; second?: string; reason: string }[] = [
  {
    first: '.claude',
    reason:
      'in .claude/ but not where Claude Code loads prompts from (agents/, commands/, rules/, skills/<name>/SKILL.md, CLAUDE.md)',
  },
  { first: '.cursor', second: 'rules', reason: 'in .cursor/rules/ but not a .mdc file (Cursor reads only .mdc there)' },
  { first: '.windsurf', reason: 'in .windsurf/ but not a rule (.windsurf/rules/*.md)' },
  { first: '.roo', reason: 'in .roo/ but not a rule (.roo/rules/, .roo/rules-{mode}/: .md or .txt)' },
  { first: '.continue', reason: 'in .continue/ but not a rule, prompt or agent (.continue/rules/, prompts/, agents/)' },
  { first: '.gemini', reason: 'in .gemini/ but not a command (.gemini/commands/**/*.toml) or GEMINI.md' },
  { first: '.github', second: 'prompts', reason: 'in .github/prompts/ but not a *.prompt.md or *.prompt.yml file' },
  { first: '.github', second: 'instructions', reason: 'in .github/instructions/ but not a *.instructions.md file' },
  { first: '.github', second: 'agents', reason: 'in .github/agents/ but not a Markdown agent file' },
  { first: '.clinerules', reason: 'in .clinerules/ but not a .md rule' },
];

/** Why a file in a known folder is not read, or undefined when it is in no known folder (or is not text). */
export function knownFolderReason(path: PathFacts): string | undefined {
  if (!TEXT.test(path.name)) return undefined;
  if (path.dirs.includes('skills') && path.name.endsWith('.md')) {
    return "a skill's resource file: loaded only when the skill body sends the model to it, so it is not counted";
  }
  for (const folder of FOLDERS) {
    if (folder.second ? hasDirPair(path, folder.first, folder.second) : path.dirs.includes(folder.first))
      return folder.reason;
  }
  return undefined;
}
