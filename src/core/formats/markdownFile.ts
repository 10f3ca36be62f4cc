// Markdown-bodied formats (VS Code prompt/agent/instructions files, Claude subagents, Cursor rules, CLAUDE.md and
// friends, plain prompts): optional frontmatter, then one body that is sent whole. What differs between them is only
// how the frontmatter is read, which each format supplies as a `MarkdownProfile`.
import type { CostUnit, Declared, LoadingKind, Problem, UnitKind } from '../types';
import { frontmatterFileOutcome, readFrontmatter } from './frontmatter';
import type { FormatInput, FormatOutcome } from './parser';
import { baseName, stemName } from './paths';
import { wholeFileUnit } from './plainText';
import { loadingOf } from './registry/spec';
import { markdownSections } from './sections';
import type { FieldReader } from './values';

/** What a profile reads from the frontmatter (`fields` is undefined when the file has none). */
export interface MarkdownSettings {
  kind: UnitKind;
  /** Overrides the loading kind derived from `kind` (e.g. a Windsurf `model_decision` rule is pulled in on use). */
  loading?: LoadingKind;
  /** Breakdown label of the body part, e.g. "prompt body", "agent instructions". */
  bodyLabel: string;
  name?: string;
  model?: Declared<string | string[]>;
  turns?: Declared<number>;
  tools?: string[];
  appliesTo?: string;
}

export interface MarkdownProfile {
  /** The tool reads its frontmatter more loosely than YAML (Cursor, VS Code): unquoted `**` globs must still work. */
  lenientFrontmatter?: boolean;
  /** Plain `.txt` prompts have no frontmatter: a leading `---` is text. */
  noFrontmatter?: boolean;
  /** Unit name when the frontmatter gives none: the file name (CLAUDE.md) or its stem (review.prompt.md → review). */
  nameFromFile: 'stem' | 'basename';
  settings(fields: FieldReader | undefined, problems: Problem[], path: string): MarkdownSettings;
}

/** `callLoading`: the loading kind of a one-call unit of this family (`on-invocation` for a slash command). */
export function parseMarkdownFile(
  input: FormatInput,
  profile: MarkdownProfile,
  callLoading: LoadingKind,
): FormatOutcome {
  const { lines, path } = input;
  const problems: Problem[] = [];
  const fileName = profile.nameFromFile === 'stem' ? stemName(path) : baseName(path);
  const frontmatter = profile.noFrontmatter
    ? ({ kind: 'none' } as const)
    : readFrontmatter(lines, problems, { lenientValues: profile.lenientFrontmatter === true });

  if (frontmatter.kind === 'bad') {
    problems.push(frontmatter.problem);
    const { kind } = profile.settings(undefined, [], path);
    const unit = wholeFileUnit(lines, { name: fileName, kind, markdown: true });
    return { ok: true, units: [{ ...unit, loading: loadingOf(unit, callLoading) }], problems };
  }

  const fields = frontmatter.kind === 'ok' ? frontmatter.fields : undefined;
  const settings = profile.settings(fields, problems, path);
  const bodyStart = frontmatter.kind === 'ok' ? frontmatter.bodyStart : 0;
  const body = lines.trimmedBlock(bodyStart, lines.lastLine);
  if (!body) problems.push({ severity: 'info', message: 'the body is empty: this file sends no prompt text' });

  const unit: CostUnit = {
    name: settings.name ?? fileName,
    kind: settings.kind,
    range: lines.fullRange,
    parts: body
      ? [{ role: settings.kind === 'always-on' ? 'context' : 'body', label: settings.bodyLabel, ...body }]
      : [],
    messageCount: 1,
    sections: markdownSections(lines, bodyStart, lines.lastLine),
  };
  if (settings.model) unit.model = settings.model;
  if (settings.turns) unit.turns = settings.turns;
  if (settings.tools && settings.tools.length > 0) unit.tools = settings.tools;
  if (settings.appliesTo) unit.appliesTo = settings.appliesTo;
  unit.loading = settings.loading ?? loadingOf(unit, callLoading);

  return frontmatterFileOutcome(frontmatter, unit, problems);
}
