// The review view's tooltip for one changed file (Prompt Cost Changes): markdown, with every value from the
// repository escaped.
import { markdownText } from '../../present/markdownEscape';
import { usd } from '../../present/money';
import type { FileDiff } from '../types';

export function fileTooltipMarkdown(file: FileDiff): string {
  const lines = [`**${markdownText(file.path)}** — ${markdownText(file.formatLabel)}, ${file.status}`, ''];
  if (file.before.perMonth !== undefined && file.after.perMonth !== undefined)
    lines.push(`$/month: ${usd(file.before.perMonth)} → ${usd(file.after.perMonth)}`, '');
  lines.push(
    `input tokens: ${file.before.inputTokens.toLocaleString('en-US')} → ${file.after.inputTokens.toLocaleString('en-US')}`,
  );
  if (file.unpricedUnits > 0)
    lines.push('', `${file.unpricedUnits} unit(s) without a price: not in the dollar figures`);
  for (const note of file.notes) lines.push('', `- ${markdownText(note)}`);
  return lines.join('\n');
}
