// Gemini CLI reads its context files under the names `context.fileName` gives in `.gemini/settings.json` (a name or a
// list of names; `contextFileName` in the older flat settings), instead of GEMINI.md. The workspace's settings file is
// read once by the shell before it walks the tree, so files under those names are found, detected as Gemini context
// files and loaded by the gemini-cli profile. Settings are JSON with comments (gemini-cli strips them with the same
// library before JSON.parse).
import stripJsonComments from 'strip-json-comments';
import { jsonErrorOffset } from '../formats/jsonError';
import type { FormatId, Problem } from '../types';
import type { WorkspaceReader } from './imports';
import type { RuntimeId, RuntimeProfile } from './profile';
import { RUNTIME_PROFILES } from './profiles';

export const GEMINI_SETTINGS = '.gemini/settings.json';

export interface ContextFileNames {
  /** File names (no folders) that replace the runtime's own context file name. */
  names: string[];
  /** Where they were read: ".gemini/settings.json". */
  origin: string;
  /** The family files under these names belong to. */
  format: FormatId;
  problems: Problem[];
}

/** The workspace's renamed Gemini context files; undefined when there is no settings file or it names none. */
export function readContextFileNames(read: WorkspaceReader): ContextFileNames | undefined {
  const text = read(GEMINI_SETTINGS);
  if (!text.ok) return text.error.code === 'missing' ? undefined : unreadable(`not read (${text.error.reason})`);
  const plain = stripJsonComments(text.value);
  let data: unknown;
  try {
    data = JSON.parse(plain);
  } catch {
    const offset = jsonErrorOffset(plain);
    const line = offset >= 0 ? plain.slice(0, offset).split('\n').length : 1;
    return unreadable(`JSON unreadable at line ${line} — context.fileName is not read, GEMINI.md is assumed`);
  }
  const raw = fileNameSetting(data);
  if (raw === undefined) return undefined;
  const problems: Problem[] = [];
  const values = Array.isArray(raw) ? raw : [raw];
  const names: string[] = [];
  for (const value of values) {
    const name = typeof value === 'string' ? value.trim() : undefined;
    if (name && isPlainFileName(name)) {
      if (!names.includes(name)) names.push(name);
    } else {
      problems.push({
        severity: 'warning',
        message: `${GEMINI_SETTINGS}: context.fileName entry ${shown(value)} is not a plain file name — ignored`,
      });
    }
  }
  if (names.length === 0) {
    problems.push({
      severity: 'warning',
      message: `${GEMINI_SETTINGS}: context.fileName names no usable file — GEMINI.md is assumed`,
    });
    return { names: [], origin: GEMINI_SETTINGS, format: 'gemini-context', problems };
  }
  problems.push({
    severity: 'info',
    message: `context files named by ${GEMINI_SETTINGS} (context.fileName): ${names.join(', ')}`,
  });
  return { names, origin: GEMINI_SETTINGS, format: 'gemini-context', problems };
}

function unreadable(why: string): ContextFileNames {
  return {
    names: [],
    origin: GEMINI_SETTINGS,
    format: 'gemini-context',
    problems: [{ severity: 'warning', message: `${GEMINI_SETTINGS}: ${why}` }],
  };
}

function fileNameSetting(data: unknown): unknown {
  if (!isRecord(data)) return undefined;
  const context = data['context'];
  if (isRecord(context) && context['fileName'] !== undefined) return context['fileName'];
  return data['contextFileName'];
}

/** A name, not a path or a pattern: it becomes a glob, so nothing in it may be read as one. */
function isPlainFileName(name: string): boolean {
  return name.length <= 255 && name !== '.' && name !== '..' && !/[/\\*?[\]{}!\u0000-\u001f]/.test(name);
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Is this workspace path a context file under one of the names (at any depth)? */
export function hasContextFileName(path: string, renamed: ContextFileNames | undefined): boolean {
  if (!renamed || renamed.names.length === 0) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return renamed.names.includes(base);
}

/** The profile with its renamable context-file rules reading the workspace's names instead of the built-in one. */
export function withContextFileNames(profile: RuntimeProfile, renamed: ContextFileNames | undefined): RuntimeProfile {
  if (!renamed || renamed.names.length === 0 || !profile.reads.some((rule) => rule.renamable)) return profile;
  const rename = (glob: string) => {
    const folder = glob.slice(0, glob.lastIndexOf('/') + 1);
    return renamed.names.map((name) => `${folder}${name}`);
  };
  return {
    ...profile,
    reads: profile.reads.map((rule) =>
      rule.renamable
        ? { ...rule, paths: rule.paths.flatMap(rename), source: `${renamed.origin} context.fileName; ${rule.source}` }
        : rule,
    ),
  };
}

/** A runtime's profile as this workspace's settings leave it. */
export function workspaceProfile(id: RuntimeId, renamed: ContextFileNames | undefined): RuntimeProfile {
  return withContextFileNames(RUNTIME_PROFILES[id], renamed);
}
