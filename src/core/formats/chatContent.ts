// The text of a chat message's content: a string, or content blocks (OpenAI parts, Anthropic blocks). Media blocks
// are tallied, not counted: their token cost depends on pixels and pages, not on the JSON.
import { isDict } from './values';

export interface ContentTally {
  images: number;
  otherMedia: number;
  cacheMarks: number;
}

const IMAGE_TYPES = new Set(['image', 'image_url', 'input_image']);
const OTHER_MEDIA = new Set(['document', 'file', 'input_file', 'input_audio', 'audio']);

export function chatContentText(content: unknown, tally: ContentTally): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((block) => blockText(block, tally))
      .filter((t) => t !== '')
      .join('\n');
  if (isDict(content)) return blockText(content, tally);
  return '';
}

function blockText(block: unknown, tally: ContentTally): string {
  if (typeof block === 'string') return block;
  if (!isDict(block)) return '';
  if (block['cache_control'] !== undefined) tally.cacheMarks++;
  const type = typeof block['type'] === 'string' ? block['type'] : '';
  if (IMAGE_TYPES.has(type)) {
    tally.images++;
    return '';
  }
  if (OTHER_MEDIA.has(type)) {
    tally.otherMedia++;
    return '';
  }
  if (type === 'tool_use') return JSON.stringify({ name: block['name'], input: block['input'] });
  if (type === 'tool_result') return chatContentText(block['content'], tally);
  if (type === 'thinking') return typeof block['thinking'] === 'string' ? block['thinking'] : '';
  if (type === 'redacted_thinking') return '';
  if (typeof block['text'] === 'string') return block['text'];
  return JSON.stringify(block);
}
