// Cheap content checks for loose matches: does the text open with frontmatter holding these keys?

export function frontmatterHasKeys(text: string, keys: readonly string[], need: 'all' | 'any'): boolean {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text.slice(0, 64 * 1024));
  if (!match) return false;
  const block = match[1]!;
  const has = (key: string) => new RegExp(`^${key.replace(/[-]/g, '\\-')}[ \\t]*:`, 'm').test(block);
  return need === 'all' ? keys.every(has) : keys.some(has);
}
