// Gemini CLI custom commands (`.gemini/commands/**/*.toml`): `prompt` (required) is sent when the user runs
// `/name` (subfolders namespace it: `git/commit.toml` → `/git:commit`); `description` only labels it in the menu.
import { parse as parseToml, TomlError } from 'smol-toml';
import type { Problem } from '../types';
import type { FormatInput, FormatOutcome } from './parser';
import { stemName } from './paths';
import { wholeFileUnit } from './plainText';

export function parseGeminiCommand(input: FormatInput): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  let data: Record<string, unknown>;
  try {
    data = parseToml(lines.text) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? Math.max(0, Math.min(error.line - 1, lines.lastLine)) : 0;
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    problems.push({
      severity: 'warning',
      message: `TOML unreadable at line ${line + 1} — counted as plain text (${reason})`,
      line,
    });
    const unit = wholeFileUnit(lines, { name: commandName(path), kind: 'call', markdown: false });
    return { ok: true, units: [{ ...unit, loading: 'on-invocation' }], problems };
  }
  const prompt = data['prompt'];
  if (typeof prompt !== 'string') return { ok: false, reason: 'no prompt = "..." string: not a Gemini CLI command' };
  const at = lines.lines.findIndex((line) => /^\s*prompt\s*=/.test(line));
  const range = { startLine: Math.max(at, 0), endLine: lines.lastLine };
  if (/\{\{args\}\}|!\{|@\{/.test(prompt)) {
    problems.push({
      severity: 'info',
      message: 'the prompt inserts {{args}}, !{shell} output or @{file} contents at run time; those are not counted',
      line: range.startLine,
    });
  }
  return {
    ok: true,
    units: [
      {
        name: commandName(path),
        kind: 'call',
        loading: 'on-invocation',
        range,
        parts: [{ role: 'user', label: 'command prompt', text: prompt, range }],
        messageCount: 1,
        sections: [],
      },
    ],
    problems,
  };
}

/** `.gemini/commands/git/commit.toml` → `git:commit`. */
function commandName(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const at = slashed.toLowerCase().lastIndexOf('.gemini/commands/');
  const inner = at >= 0 ? slashed.slice(at + '.gemini/commands/'.length) : stemName(path);
  return inner
    .replace(/\.toml$/i, '')
    .split('/')
    .join(':');
}
