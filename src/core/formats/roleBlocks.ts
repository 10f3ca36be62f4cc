// Splitting a template body into chat messages at role markers (`system:` lines in Prompty, `{{role "user"}}` in
// Dotprompt). Each block becomes one part; the number of blocks is the message count.
import type { PartRole, PromptPart } from '../types';
import type { SourceLines } from './lines';

export interface RoleBlocks {
  parts: PromptPart[];
  messageCount: number;
}

/**
 * `marker` must be a global regex; its first group that matched is the role name. Text before the first marker belongs to
 * `defaultRole` (the role the tool itself assumes there).
 */
export function splitRoleBlocks(
  lines: SourceLines,
  bodyStart: number,
  marker: RegExp,
  roleOf: (name: string) => PartRole,
  defaultRole: string,
): RoleBlocks {
  const text = lines.text;
  const bodyOffset = bodyStart < lines.lines.length ? lines.offsetOfLine(bodyStart) : text.length;
  const cuts: { role: string; markerStart: number; contentStart: number }[] = [
    { role: defaultRole, markerStart: bodyOffset, contentStart: bodyOffset },
  ];
  marker.lastIndex = bodyOffset;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const role = m.slice(1).find((group) => group !== undefined) ?? defaultRole;
    cuts.push({ role: role.toLowerCase(), markerStart: m.index, contentStart: m.index + m[0].length });
    if (m[0].length === 0) marker.lastIndex++;
  }
  const parts: PromptPart[] = [];
  cuts.forEach((cut, i) => {
    const contentEnd = cuts[i + 1]?.markerStart ?? text.length;
    const content = text.slice(cut.contentStart, contentEnd);
    const trimmed = content.trim();
    if (trimmed === '') return;
    const leading = content.length - content.trimStart().length;
    const startLine = lines.lineOfOffset(cut.contentStart + leading);
    const endLine = lines.lineOfOffset(cut.contentStart + content.trimEnd().length - 1);
    parts.push({
      role: roleOf(cut.role),
      label: `${cut.role} message`,
      text: trimmed,
      range: { startLine: i === 0 ? startLine : lines.lineOfOffset(cut.markerStart), endLine },
    });
  });
  return { parts, messageCount: Math.max(parts.length, 1) };
}

/** Chat roles as breakdown roles; `model` is Gemini's name for the assistant. */
export function chatRole(name: string): PartRole {
  switch (name) {
    case 'system':
    case 'developer':
      return 'system';
    case 'assistant':
    case 'model':
      return 'assistant';
    case 'tool':
    case 'function':
      return 'tool';
    default:
      return 'user';
  }
}
