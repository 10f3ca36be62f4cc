// The tree-sitter parsers for source files (web-tree-sitter and its grammars as WASM, from @vscode/tree-sitter-wasm).
// The WASM is loaded once, on the first source file a shell reads (`loadSourceGrammars`, async); parsing after that
// is synchronous, as the format registry's parsers are. The .wasm files are copied by the build into out/grammars/
// (esbuild.js); the compiled tests find them in node_modules.
import * as fs from 'fs';
import * as path from 'path';
import type { Parser } from '@vscode/tree-sitter-wasm';

export type SourceLanguage = 'typescript' | 'tsx' | 'python';

const GRAMMAR_FILES: Record<SourceLanguage, string> = {
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  python: 'tree-sitter-python.wasm',
};
const RUNTIME_FILE = 'tree-sitter.wasm';
const LEVELS_UP = 6;

/** The source language of a path by its extension, or undefined when it is no source file Burnrate reads. */
export function sourceLanguageOf(path: string): SourceLanguage | undefined {
  const name = path.toLowerCase();
  if (name.endsWith('.py')) return 'python';
  if (name.endsWith('.ts') || name.endsWith('.mts') || name.endsWith('.cts'))
    return name.endsWith('.d.ts') ? undefined : 'typescript';
  if (['.tsx', '.js', '.jsx', '.mjs', '.cjs'].some((ext) => name.endsWith(ext))) return 'tsx';
  return undefined;
}

let grammarDir: string | null | undefined;

/** A shell that knows where its build keeps the WASM (the editor's worker: the extension's out/grammars/) says so. */
export function useGrammarFolder(folder: string): void {
  grammarDir = folder;
}

/** The folder holding the WASM files: out/grammars/ beside the bundle (or a few folders up), else the package's own. */
export function grammarFolder(): string | undefined {
  if (grammarDir !== undefined) return grammarDir ?? undefined;
  grammarDir = null;
  for (let dir = __dirname, k = 0; k <= LEVELS_UP; k++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'grammars');
    if (fs.existsSync(path.join(candidate, RUNTIME_FILE))) return (grammarDir = candidate);
  }
  try {
    grammarDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
  } catch {
    grammarDir = null;
  }
  return grammarDir ?? undefined;
}

let loading: Promise<string | undefined> | undefined;
const parsers = new Map<SourceLanguage, Parser>();

/**
 * Loads the runtime and every grammar once. Resolves to undefined when ready, or the reason source files cannot be
 * parsed (the WASM missing from this build); never rejects.
 */
export function loadSourceGrammars(): Promise<string | undefined> {
  loading ??= load().catch(
    (error: unknown) =>
      `the source-code parser could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  return loading;
}

async function load(): Promise<string | undefined> {
  const folder = grammarFolder();
  if (!folder) return `the source-code parser's WASM files (${RUNTIME_FILE}) are missing from this build`;
  // Required here, not imported: activation and runs without source files do not evaluate the runtime either.
  const { Language, Parser } = require('@vscode/tree-sitter-wasm') as typeof import('@vscode/tree-sitter-wasm');
  await Parser.init({ locateFile: (file: string) => path.join(folder, file) });
  for (const [language, file] of Object.entries(GRAMMAR_FILES) as [SourceLanguage, string][]) {
    const grammar = await Language.load(fs.readFileSync(path.join(folder, file)));
    parsers.set(language, new Parser().setLanguage(grammar));
  }
  return undefined;
}

/** The parser for a language once `loadSourceGrammars` has finished; undefined before. */
export function sourceParser(language: SourceLanguage): Parser | undefined {
  return parsers.get(language);
}
