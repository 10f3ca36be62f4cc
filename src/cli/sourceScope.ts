// Source files in a CLI run: read only when `--source` asks, the usage file lists `sources:` globs, or the user names
// one. Sets the engine's source scope and loads the parser's WASM once, before the walk (parsing is synchronous).
import * as path from 'path';
import { sourceLanguageOf, loadSourceGrammars } from '../core/sourceCalls/grammars';
import { setSourceScope } from '../core/sourceCalls/scope';
import type { UsageConfig } from '../core/usage/usageConfig';
import { toPosix, workspacePath } from './workspace';

export async function prepareSourceScope(
  all: boolean,
  usage: UsageConfig,
  inputs: readonly string[],
  cwd: string,
  root: string,
): Promise<string | undefined> {
  const named = inputs.map((input) => path.resolve(cwd, input)).filter((file) => sourceLanguageOf(file) !== undefined);
  const globs = [...(usage.sources ?? []), ...named.map((file) => toPosix(workspacePath(root, file)))];
  setSourceScope({ all, globs });
  if (!all && globs.length === 0) return undefined;
  return loadSourceGrammars();
}
