// The companions join for source files: texts imported from a sibling module (one hop: `import { SYSTEM } from
// './prompts'`, `from .prompts import SYSTEM`) and prompts read from a file by a literal path are filled in through
// the shell's reader. Paths stay inside the workspace (`..` past its root is refused); the reader bounds the read.
import type { CompanionReader } from '../formats/registry/spec';
import type { ParsedFile, Problem, PromptPart, SourceSegment } from '../types';
import { Evaluator } from './evaluate';
import { sourceLanguageOf, sourceParser } from './grammars';
import { hole, render, text, type Segments } from './segments';
import { dialectOf } from './syntax';
import { SourceLines } from '../formats/lines';
import { parseSourceFile } from './parseSource';
import { importsAnSdk } from './sdks';

const TS_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

export function joinSourceReferences(file: ParsedFile, relativePath: string, read: CompanionReader): ParsedFile {
  if (!file.units.some((u) => u.parts.some((p) => p.pending))) return file;
  const problems: Problem[] = [];
  const cache = new Map<string, Segments>();
  const folder = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
  const resolve = (segment: SourceSegment): Segments => {
    if (segment.kind === 'text' || segment.kind === 'hole') return [segment];
    const key =
      segment.kind === 'file'
        ? `file\u0000${segment.path}\u0000${segment.fromFileDir}`
        : `import\u0000${segment.module}\u0000${segment.name}`;
    let value = cache.get(key);
    if (!value) {
      value =
        segment.kind === 'file'
          ? readPrompt(segment.path, segment.fromFileDir, folder, read, problems)
          : readImport(segment, folder, relativePath, read, problems);
      cache.set(key, value);
    }
    return value;
  };
  const units = file.units.map((unit) => {
    if (!unit.parts.some((p) => p.pending)) return unit;
    const parts = unit.parts.map((part): PromptPart => {
      if (!part.pending) return part;
      const { text: value, placeholders } = render(part.pending.flatMap(resolve));
      const { pending: _resolved, placeholders: _old, ...rest } = part;
      return placeholders.length > 0 ? { ...rest, text: value, placeholders } : { ...rest, text: value };
    });
    return { ...unit, parts };
  });
  return { ...file, units, problems: [...file.problems, ...problems] };
}

/** A workspace-relative path from `base` and `target`, or undefined when it climbs out of the workspace. */
export function workspaceRelative(base: string, target: string): string | undefined {
  if (target.startsWith('/') || /^[a-zA-Z]:/.test(target) || target.includes('\0')) return undefined;
  const segments = base === '' ? [] : base.split('/');
  for (const piece of target.replace(/\\/g, '/').split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(piece);
  }
  return segments.join('/');
}

function readPrompt(
  path: string,
  fromFileDir: boolean,
  folder: string,
  read: CompanionReader,
  problems: Problem[],
): Segments {
  const candidates = promptCandidates(path, fromFileDir, folder);
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const bytes = read(candidate);
    if (bytes) return [text(new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/\r\n?/g, '\n'))];
  }
  const inside = candidates.some((c) => c !== undefined);
  problems.push({
    severity: 'warning',
    message: `prompt file ${path} ${inside ? 'was not found (or could not be read)' : 'is outside the workspace: not read'}; counted as a placeholder`,
  });
  return [hole(`file ${path}`)];
}

/**
 * Where a prompt read by a literal path may be. Node and Python resolve a relative path against the working
 * directory, usually the project root; a path joined onto __dirname / __file__ is the file's own folder. The root is
 * tried first, then the file's folder. Undefined: outside the workspace.
 */
function promptCandidates(path: string, fromFileDir: boolean, folder: string): (string | undefined)[] {
  return fromFileDir
    ? [workspaceRelative(folder, path)]
    : [workspaceRelative('', path), workspaceRelative(folder, path)];
}

/** The files a one-hop import may be: the module with each source extension, or Python's module file or package. */
function importCandidates(module: string, folder: string, relativePath: string): (string | undefined)[] {
  return sourceLanguageOf(relativePath) === 'python'
    ? pythonModuleFiles(module, folder)
    : TS_EXTENSIONS.map((ext) => workspaceRelative(folder, module.replace(/\.(js|mjs|cjs)$/, '') + ext));
}

/**
 * The workspace files a source file's calls may read (the registry's `inText`): every candidate of its one-hop
 * imports and literal prompt paths, so a diff can fetch them at each side before the join asks. A file the imported
 * module itself reads is not among them (it is known only from the module's text): the diff counts it as a
 * placeholder, as a missing file.
 */
export function sourceReferences(relativePath: string, text: string): string[] {
  if (!sourceLanguageOf(relativePath) || !importsAnSdk(text)) return [];
  const parsed = parseSourceFile({ path: relativePath, lines: new SourceLines(text) });
  if (!parsed.ok) return [];
  const folder = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
  const paths = new Set<string>();
  for (const unit of parsed.units)
    for (const part of unit.parts)
      for (const segment of part.pending ?? []) {
        const candidates =
          segment.kind === 'file'
            ? promptCandidates(segment.path, segment.fromFileDir, folder)
            : segment.kind === 'import'
              ? importCandidates(segment.module, folder, relativePath)
              : [];
        for (const candidate of candidates) if (candidate !== undefined && candidate !== '') paths.add(candidate);
      }
  return [...paths];
}

function readImport(
  ref: { module: string; name: string },
  folder: string,
  relativePath: string,
  read: CompanionReader,
  problems: Problem[],
): Segments {
  const candidates = importCandidates(ref.module, folder, relativePath);
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const language = sourceLanguageOf(candidate);
    const parser = language && sourceParser(language);
    const bytes = parser ? read(candidate) : undefined;
    if (!bytes || !parser || !language) continue;
    const source = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/\r\n?/g, '\n');
    const tree = parser.parse(source);
    if (!tree) continue;
    try {
      const evaluator = new Evaluator(tree.rootNode, source, dialectOf(language), false);
      const value = evaluator.constant(ref.name);
      if (!value) continue;
      // One hop: what the sibling itself imports stays a placeholder; a file it reads is read.
      return evaluator
        .text(value)
        .flatMap((s) =>
          s.kind === 'file'
            ? readPrompt(
                s.path,
                s.fromFileDir,
                candidate.includes('/') ? candidate.slice(0, candidate.lastIndexOf('/')) : '',
                read,
                problems,
              )
            : s.kind === 'import'
              ? [hole(s.name)]
              : [s],
        );
    } finally {
      tree.delete();
    }
  }
  problems.push({
    severity: 'info',
    message: `${ref.name} from ${ref.module} could not be read from a sibling module: counted as a placeholder`,
  });
  return [hole(ref.name)];
}

/** `.prompts` → prompts.py beside the file; `..x` one folder up; `prompts` (absolute) → the sibling too. */
function pythonModuleFiles(module: string, folder: string): (string | undefined)[] {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).replace(/\./g, '/');
  let base: string | undefined = folder;
  for (let i = 1; i < dots && base !== undefined; i++) base = workspaceRelative(base, '..');
  if (base === undefined || rest === '') return [];
  return [workspaceRelative(base, `${rest}.py`), workspaceRelative(base, `${rest}/__init__.py`)];
}
