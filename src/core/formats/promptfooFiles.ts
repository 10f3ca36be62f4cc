// promptfoo prompts given as `file://...`, read relative to the config: a text file (prompts separated by `---`
// lines), a Markdown file (one prompt), a JSON chat array, or a glob of them. Code prompts (`.py`, `.js`, ...) build
// their text when they run, so they are listed as not priced. Never reads outside the workspace.
import type { CostUnit, ParsedFile, Problem, PromptPart } from '../types';
import { decodeText } from './decode';
import { skipText } from '../problems/skipText';
import { baseName, relativeFrom } from './paths';
import { chatMessageParts } from './promptfooChat';
import type { CompanionReader } from './registry/spec';
import { matchWholePath } from '../glob';
import { SourceLines } from './lines';
import { parsePromptfoo } from './promptfoo';

const CODE = /\.(py|js|mjs|cjs|ts|mts)$/i;
const GLOB = /[*?[{]/;
/** `file://prompts.py:build_prompt` names a function. */
const FUNCTION_NAME = /:[A-Za-z_]\w*$/;
/** A glob of prompt files reads at most this many (a workspace can hold any number). */
const MAX_GLOB_FILES = 50;

interface FilePrompt {
  name: string;
  /** Workspace-relative path of the file the text was read from. */
  path: string;
  parts: PromptPart[];
  messageCount: number;
}

export function joinPromptFiles(file: ParsedFile, relativePath: string, read: CompanionReader): ParsedFile {
  if (!file.units.some((u) => u.promptRef !== undefined)) return file;
  const dir = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/') + 1) : '';
  const problems: Problem[] = [...file.problems];
  const cache = new Map<string, FilePrompt[]>();
  const units: CostUnit[] = [];
  for (const unit of file.units) {
    if (unit.promptRef === undefined) {
      units.push(unit);
      continue;
    }
    const ref = unit.promptRef;
    let prompts = cache.get(ref);
    if (!prompts) {
      prompts = readRef(dir, ref, read, (severity, message) =>
        problems.push({ severity, message, line: unit.range.startLine }),
      );
      cache.set(ref, prompts);
    }
    for (const prompt of prompts) {
      const { promptRef: _ref, ...rest } = unit;
      const name =
        prompts.length === 1
          ? unit.name
          : unit.name.includes(ref)
            ? unit.name.replace(ref, prompt.name)
            : `${unit.name} (${prompt.name})`;
      units.push({
        ...rest,
        name,
        parts: prompt.parts,
        messageCount: prompt.messageCount,
        promptFile: relativeFrom(dir, prompt.path),
      });
    }
  }
  return { ...file, units, problems: dedupe(problems) };
}

/**
 * The workspace paths a config's `file://` prompts name, known only from its text: what a diff reads beside the config
 * at each side. Code prompts are not read, and globs need a listing of the side (not followed here).
 */
export function promptFilePaths(relativePath: string, text: string): string[] {
  const parsed = parsePromptfoo({ path: relativePath, lines: new SourceLines(text) });
  if (!parsed.ok) return [];
  const dir = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/') + 1) : '';
  const paths = new Set<string>();
  for (const unit of parsed.units) {
    const target = unit.promptRef?.replace(FUNCTION_NAME, '');
    if (target === undefined || CODE.test(target) || GLOB.test(target)) continue;
    const joined = workspaceRelative(dir, target);
    if (joined !== undefined) paths.add(joined);
  }
  return [...paths];
}

type Report = (severity: 'warning' | 'info', message: string) => void;

function readRef(dir: string, ref: string, read: CompanionReader, report: Report): FilePrompt[] {
  const target = ref.replace(FUNCTION_NAME, '');
  if (CODE.test(target)) {
    report('info', `prompt file://${ref} is code: its text is built when it runs, so it is not priced`);
    return [];
  }
  const joined = workspaceRelative(dir, target);
  if (joined === undefined) {
    report('warning', `prompt file://${ref} is outside the workspace: not read`);
    return [];
  }
  const paths = GLOB.test(joined) ? globFiles(joined, read, report, ref) : [joined];
  const prompts: FilePrompt[] = [];
  for (const path of paths) {
    const bytes = read(path);
    if (!bytes) {
      report('warning', `prompt file://${ref} not found (${path}): not priced`);
      continue;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      report('warning', `prompt file://${ref}: ${skipText(decoded.error)}`);
      continue;
    }
    prompts.push(...promptsOf(path, decoded.value.text));
  }
  if (prompts.length > 0) report('info', `prompt text read from file://${ref}`);
  return prompts;
}

function promptsOf(path: string, text: string): FilePrompt[] {
  const name = baseName(path);
  if (/\.json$/i.test(path)) {
    const chat = chatMessageParts(text, undefined);
    if (chat)
      return [
        {
          name,
          path,
          parts: chat.map((p) => ({ ...p, label: `${p.label} (${name})` })),
          messageCount: Math.max(chat.length, 1),
        },
      ];
  }
  // promptfoo splits a text file into several prompts at lines holding only ---; Markdown is one prompt.
  const pieces = /\.txt$/i.test(path) ? text.split(/^---[ \t]*$/m) : [text];
  return pieces
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .map((piece, i, all) => ({
      name: all.length > 1 ? `${name}#${i + 1}` : name,
      path,
      parts: [{ role: 'user' as const, label: `prompt (${name})`, text: piece }],
      messageCount: 1,
    }));
}

/** `dir` + `ref`, normalised; undefined when it leaves the workspace (absolute, or `..` above the root). */
export function workspaceRelative(dir: string, ref: string): string | undefined {
  if (ref.startsWith('/') || /^[A-Za-z]:/.test(ref) || ref.startsWith('~')) return undefined;
  const out: string[] = [];
  for (const segment of `${dir}${ref}`.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

function globFiles(glob: string, read: CompanionReader, report: Report, ref: string): string[] {
  const staticPart = glob.slice(0, glob.search(/[*?[{]/));
  const base = staticPart.slice(0, staticPart.lastIndexOf('/') + 1);
  if (!read.list) {
    report('info', `prompt file://${ref} is a glob: not priced here (burnrate estimate reads globs)`);
    return [];
  }
  const listed = read.list(base.replace(/\/$/, ''));
  const matches = listed.filter((path) => matchWholePath(glob, path)).sort();
  if (matches.length === 0) report('warning', `prompt file://${ref} matches no file: not priced`);
  if (matches.length > MAX_GLOB_FILES)
    report('warning', `prompt file://${ref} matches ${matches.length} files: the first ${MAX_GLOB_FILES} are priced`);
  return matches.slice(0, MAX_GLOB_FILES);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.severity}\u0000${p.message}\u0000${p.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
