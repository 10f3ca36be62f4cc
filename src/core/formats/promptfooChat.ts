// A promptfoo prompt string may be a JSON chat array (`[{"role": "system", "content": ...}, ...]`); promptfoo sends
// it as those messages, so it is split into one part per message.
import type { LineRange, PromptPart } from '../types';
import { chatRole } from './roleBlocks';
import { isDict } from './values';

export function chatMessageParts(text: string, range: LineRange | undefined): PromptPart[] | undefined {
  if (!text.trim().startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return undefined;
  const parts: PromptPart[] = [];
  for (const message of parsed) {
    if (!isDict(message) || typeof message['role'] !== 'string' || typeof message['content'] !== 'string')
      return undefined;
    const role = message['role'];
    parts.push({ role: chatRole(role), label: `${role} message`, text: message['content'], ...(range && { range }) });
  }
  return parts;
}
