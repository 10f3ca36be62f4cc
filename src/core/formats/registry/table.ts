// The README's formats table, generated from the registry (a unit test keeps the README's copy equal to it).
import { FORMATS } from './index';
import type { FormatSpec } from './spec';

export const TABLE_START =
  '<!-- formats-table:start (generated from src/core/formats/registry; npm run formats-table) -->';
export const TABLE_END = '<!-- formats-table:end -->';

export function formatsTableMarkdown(): string {
  const rows = (FORMATS as readonly FormatSpec[]).map(
    (spec) =>
      `| ${spec.label} | ${spec.doc.files} | ${spec.doc.units} | ${spec.loading.join(', ')} | ${spec.doc.reads} |`,
  );
  return ['| family | files | cost unit(s) | loading | what is read |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the generated table; undefined when the markers are missing. */
export function withFormatsTable(readme: string): string | undefined {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + TABLE_START.length)}\n${formatsTableMarkdown()}\n${readme.slice(end)}`;
}

/** Every `workspaceContains:` activation event the registry asks for. */
export function activationEvents(): string[] {
  const globs = (FORMATS as readonly FormatSpec[]).flatMap((spec) => spec.activation ?? spec.globs);
  return [...new Set(globs)].map((glob) => `workspaceContains:${glob}`);
}
