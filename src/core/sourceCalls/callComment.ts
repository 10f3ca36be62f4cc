// `// burnrate: callsPerDay=2000 model=gpt-4o-mini outputTokens=300` (or `#` in Python) on the line above a call:
// that call's own usage assumptions. Read from the comment's text, after the parser found the call.
import type { FileUsageHints } from '../types';

const KEYS = new Set(['model', 'callsPerDay', 'outputTokens']);

export function callComment(
  lineAbove: string | undefined,
  line: number,
  problems: string[],
): FileUsageHints | undefined {
  const trimmed = lineAbove?.trim() ?? '';
  const body = trimmed.startsWith('//') ? trimmed.slice(2) : trimmed.startsWith('#') ? trimmed.slice(1) : undefined;
  const at = body?.indexOf('burnrate:') ?? -1;
  if (body === undefined || at < 0) return undefined;
  const hints: FileUsageHints = { line };
  for (const pair of body.slice(at + 'burnrate:'.length).split(/[\s,;]+/)) {
    if (pair === '') continue;
    const [key = '', value = ''] = pair.split('=', 2);
    if (!KEYS.has(key) || value === '') {
      problems.push(
        `line ${line + 1}: burnrate comment: "${pair}" is not key=value with a key of ${[...KEYS].join(', ')}: ignored`,
      );
      continue;
    }
    if (key === 'model') hints.model = value;
    else {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0 || (key === 'outputTokens' && !Number.isInteger(number))) {
        problems.push(`line ${line + 1}: burnrate comment: ${key} should be a number ≥ 0, found "${value}": ignored`);
      } else if (key === 'callsPerDay') hints.callsPerDay = number;
      else hints.outputTokens = number;
    }
  }
  return hints;
}
