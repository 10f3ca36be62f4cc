import type { FileDiff, UnitDiff } from '../types';

/** infracost's marks: + added, - removed, ~ changed. */
export function unitSigil(unit: UnitDiff): string {
  return unit.status === 'added' ? '+' : unit.status === 'removed' ? '-' : '~';
}

/** "prompts/review.prompt.md#review"; a file's only unit named after the file is still shown, so rows read alike. */
export function unitLabel(file: FileDiff, unit: UnitDiff): string {
  return `${file.path}#${unit.name}`;
}

export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}
