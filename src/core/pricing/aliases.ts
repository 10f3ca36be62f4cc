// Names a runtime or vendor maps to a model of its own choosing ("haiku", "mistral-large-latest"), read from the dated
// table in data/modelAliases.json. The usage file's `aliases:` entries replace table entries of the same name.
import table from './data/modelAliases.json';

export type ModelAlias =
  | { alias: string; kind: 'model'; model: string; note?: string; source: string; asOf: string }
  | { alias: string; kind: 'retired'; retired: string; successor?: string; source: string; asOf: string }
  | { alias: string; kind: 'unknowable'; reason: string; source: string; asOf: string };

/** A user's own mapping, from `.burnrate.yaml` `aliases:` ("haiku: claude-haiku-4-5" for Claude Code on Bedrock). */
export interface AliasOverride {
  alias: string;
  model: string;
  /** Where it was written, e.g. ".burnrate.yaml line 4". */
  origin: string;
}

interface TableEntry {
  alias: string;
  model?: string;
  note?: string;
  retired?: string;
  successor?: string;
  unknowable?: string;
  source: string;
  asOf: string;
}

/** When the table was last checked against the vendors' documentation. */
export const ALIAS_TABLE_CHECKED: string = table.checked;

const BUNDLED: ReadonlyMap<string, ModelAlias> = new Map(
  (table.aliases as TableEntry[]).map((e) => [e.alias.toLowerCase(), fromTable(e)] as const),
);

function fromTable(e: TableEntry): ModelAlias {
  const common = { alias: e.alias, source: e.source, asOf: e.asOf };
  if (e.retired)
    return { ...common, kind: 'retired', retired: e.retired, ...(e.successor ? { successor: e.successor } : {}) };
  if (e.unknowable) return { ...common, kind: 'unknowable', reason: e.unknowable };
  return { ...common, kind: 'model', model: e.model ?? '', ...(e.note ? { note: e.note } : {}) };
}

/** Every bundled alias, for tests and listings. */
export function bundledAliases(): readonly ModelAlias[] {
  return [...BUNDLED.values()];
}

/** The mapping for a written name: the user's own first, then the bundled table. */
export function findAlias(name: string, overrides: readonly AliasOverride[] = []): ModelAlias | undefined {
  const wanted = name.trim().toLowerCase();
  const own = overrides.find((o) => o.alias.trim().toLowerCase() === wanted);
  if (own)
    return {
      alias: own.alias,
      kind: 'model',
      model: own.model,
      note: 'your mapping',
      source: own.origin,
      asOf: 'your mapping',
    };
  return BUNDLED.get(wanted);
}
