// Which documents the providers are registered for. By file pattern, not language id: VS Code 1.100 gives
// `*.prompt.md` the language `prompt`, `*.instructions.md` `instructions`, so `{ language: 'markdown' }` misses them.
// Source files (`.ts`, `.py`…) are in the selector too; the estimates read one only when it imports an SDK, so any
// other source file gets no lens.
import * as vscode from 'vscode';
import { anyCase, ON_REQUEST_FILE_GLOBS, promptFileMatchGlobs } from '../core/present/promptFileGlobs';

export function promptDocumentSelector(extraGlobs: readonly string[]): vscode.DocumentFilter[] {
  return [...promptFileMatchGlobs(extraGlobs), ...ON_REQUEST_FILE_GLOBS.map(anyCase)].map((pattern) => ({
    scheme: 'file',
    pattern,
  }));
}
