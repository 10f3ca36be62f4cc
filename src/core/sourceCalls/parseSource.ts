// The format parser for source files: every recognised SDK call becomes a unit. Runs only after the shell loaded the
// grammars (`loadSourceGrammars`), and only on files that import an SDK (the cheap pre-check, `importsAnSdk`). The
// tree is kept (keptTrees.ts): the file's next version is parsed incrementally.
import type { FormatInput, FormatOutcome } from '../formats/parser';
import type { CostUnit, Problem } from '../types';
import { callComment } from './callComment';
import { callUnit } from './callUnit';
import { Evaluator } from './evaluate';
import { findCalls } from './findCalls';
import { sourceLanguageOf, sourceParser } from './grammars';
import { importsAnSdk } from './sdks';
import { parseKept } from './keptTrees';
import { dialectOf } from './syntax';

export function parseSourceFile(input: FormatInput): FormatOutcome {
  const language = sourceLanguageOf(input.path);
  if (!language) return { ok: false, reason: 'not a TypeScript, JavaScript or Python file' };
  const source = input.lines.text;
  // Most source files hold no SDK call: they are read as files without units, not listed as skipped.
  if (!importsAnSdk(source)) return { ok: true, units: [], problems: [] };
  const parser = sourceParser(language);
  if (!parser) return { ok: false, reason: 'the source-code parser is not loaded in this run' };
  const tree = parseKept(parser, `${language}\u0000${input.path}`, source);
  if (!tree) return { ok: false, reason: 'the source-code parser gave up on this file' };
  const dialect = dialectOf(language);
  const evaluator = new Evaluator(tree.rootNode, source, dialect);
  const notes: string[] = [];
  const units: CostUnit[] = [];
  const litellm = source.includes('litellm');
  for (const site of findCalls(tree.rootNode, dialect, litellm)) {
    const reading = callUnit(site, evaluator);
    const line = reading.unit.range.startLine;
    const statementLine = statementStart(site.call);
    const hints =
      callComment(input.lines.lines[line - 1], line - 1, notes) ??
      callComment(input.lines.lines[statementLine - 1], statementLine - 1, notes);
    if (hints) reading.unit.usageHints = hints;
    notes.push(...reading.notes.map((note) => `line ${line + 1}: ${note}`));
    units.push(reading.unit);
  }
  const problems: Problem[] = [...notes, ...evaluator.problems].map((message) => ({ severity: 'info', message }));
  if (tree.rootNode.hasError)
    problems.push({
      severity: 'info',
      message: 'the file has syntax errors: calls inside the broken part may be missed',
    });
  return { ok: true, units, problems };
}

function statementStart(call: import('./syntax').Node): number {
  let node = call;
  for (let i = 0; i < 16 && node.parent && !/statement|declaration|assignment/.test(node.type); i++) node = node.parent;
  return node.startPosition.row;
}
