// Which documents the providers are registered for. By file pattern, not language id: VS Code 1.100 gives
// `*.prompt.md` the language `prompt`, `*.instructions.md` `instructions`, so `{ language: 'markdown' }` misses them.
// Source files (`.ts`, `.py`…) are in the selector too; the estimates read one only when it imports an SDK, so any
// other source file gets no lens.
import * as vscode from 'vscode';
import { anyCase, ON_REQUEST_FILE_GLOBS, promptFileMatchGlobs } from '../core/present/promptFileGlobs';

/**
 * `contextFileNames`: context files a workspace's settings rename (Gemini's context.fileName), matched anywhere by
 * name. A name is untrusted text: one with glob syntax in it is left out here (it would widen the pattern), and such a
 * file is still priced by `burnrate estimate`.
 */
export function promptDocumentSelector(
  extraGlobs: readonly string[],
  contextFileNames: readonly string[] = [],
): vscode.DocumentFilter[] {
  const renamed = contextFileNames.filter((name) => /^[\w. -]+$/.test(name)).map((name) => `**/${name}`);
  return [...promptFileMatchGlobs(extraGlobs), ...ON_REQUEST_FILE_GLOBS.map(anyCase), ...renamed].map((pattern) => ({
    scheme: 'file',
    pattern,
  }));
}
