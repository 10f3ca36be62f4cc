// Which documents the providers are registered for. By file pattern, not language id: VS Code 1.100 gives
// `*.prompt.md` the language `prompt`, `*.instructions.md` `instructions`, so `{ language: 'markdown' }` misses them.
import * as vscode from 'vscode';
import { promptFileMatchGlobs } from '../core/present/promptFileGlobs';

export function promptDocumentSelector(extraGlobs: readonly string[]): vscode.DocumentFilter[] {
  return promptFileMatchGlobs(extraGlobs).map((pattern) => ({ scheme: 'file', pattern }));
}
