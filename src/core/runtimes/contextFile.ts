// One repository file as a runtime loads it: the parsed file (so its tokens are counted exactly as `burnrate estimate`
// counts them), its frontmatter fields (descriptions, globs, tools) and the files its `@path` imports pull in, which
// join the file's unit as parts of their own.
import { err, ok, type Result } from '../result';
import { readPromptFile } from '../formats';
import { readFrontmatter } from '../formats/frontmatter';
import { SourceLines } from '../formats/lines';
import type { FieldReader } from '../formats/values';
import type { CostUnit, ParsedFile, Problem } from '../types';
import { expandImports, type ImportedFile, type WorkspaceReader } from './imports';

export interface ContextFile {
  path: string;
  file: ParsedFile;
  fields?: FieldReader;
  /** The body as sent (after frontmatter), without imports. */
  body: string;
  /** A skill's listing entry as the format registry reads it (name + description, `when_to_use`), when it has one. */
  listing?: CostUnit;
  imports: ImportedFile[];
  /** The problems following its imports raised (also in `file.problems`): the context lists even the info ones. */
  importProblems: Problem[];
}

/** The context file read, or why it is not (its skip's plain wording). */
export type ContextFileRead = Result<ContextFile>;

export interface ContextFileOptions {
  /** Hops of `@path` imports to follow; absent = the runtime has no imports. */
  importHops?: number;
  read: WorkspaceReader;
  maxBytes?: number;
}

export function readContextFile(path: string, text: string, options: ContextFileOptions): ContextFileRead {
  // Files the format registry does not know (a `.roorules`, a Gemini command) are still text the runtime sends.
  const read = readPromptFile(path, text, {
    extraGlobs: [path],
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  if (!read.ok) return err(read.error.reason);
  const scratch: Problem[] = [];
  const frontmatter =
    path.toLowerCase().endsWith('.md') || path.toLowerCase().endsWith('.mdc')
      ? readFrontmatter(new SourceLines(text.replace(/\r\n?/g, '\n')), scratch, { lenientValues: true })
      : undefined;
  const fields = frontmatter?.kind === 'ok' ? frontmatter.fields : undefined;
  // Skills parse into a listing unit (every request) and a body unit (on invocation): the body is the file's text.
  const listing = read.value.units.length > 1 ? read.value.units.find((u) => u.loading === 'always-on') : undefined;
  const bodyUnits = listing ? read.value.units.filter((u) => u !== listing) : read.value.units;
  const parsed = listing ? { ...read.value, units: bodyUnits } : read.value;
  const body = bodyUnits[0]?.parts.map((p) => p.text).join('\n') ?? '';
  const file =
    options.importHops !== undefined
      ? withImports(parsed, path, options.importHops, options.read)
      : { file: parsed, imports: [], problems: [] };
  return ok({
    path,
    file: file.file,
    ...(fields ? { fields } : {}),
    body,
    imports: file.imports,
    importProblems: file.problems,
    ...(listing ? { listing } : {}),
  });
}

/**
 * The file with its imports appended to its (single) unit as `imported @path` parts, and their problems as the file's
 * (`problems` lists them alone).
 */
export function withImports(
  file: ParsedFile,
  path: string,
  hops: number,
  read: WorkspaceReader,
): { file: ParsedFile; imports: ImportedFile[]; problems: Problem[] } {
  const unit = file.units[0];
  if (!unit || file.units.length !== 1) return { file, imports: [], problems: [] };
  const own = unit.parts.map((p) => p.text).join('\n');
  const expansion = expandImports(path, own, hops, read);
  if (expansion.imports.length === 0 && expansion.problems.length === 0) return { file, imports: [], problems: [] };
  const parts = [
    ...unit.parts,
    ...expansion.imports.map((i) => ({
      role: 'context' as const,
      label: `imported @${i.path}${i.hop > 1 ? ` (via ${i.from})` : ''}`,
      text: i.text.trim(),
    })),
  ];
  return {
    file: { ...file, units: [{ ...unit, parts }], problems: [...file.problems, ...expansion.problems] },
    imports: expansion.imports,
    problems: expansion.problems,
  };
}
