// A command's flags, declared once: the parser (Node's util.parseArgs), the typed values a command reads and the
// `--help` text all come from the same table, so a flag cannot be parsed without being documented or vice versa.
import { parseArgs } from 'util';
import { UsageError } from './command';

interface FlagBase {
  /** One line of help (further lines, separated by \n, are indented under it). */
  help: string;
}
export interface BooleanFlag extends FlagBase {
  type: 'boolean';
}
export interface StringFlag extends FlagBase {
  type: 'string';
  /** Placeholder shown in help, e.g. REF, FILE. */
  value: string;
  /** Allowed values, when the flag is a choice. */
  choices?: readonly string[];
}
export interface NumberFlag extends FlagBase {
  /** `integer` takes whole numbers only. */
  type: 'number' | 'integer';
  value: string;
  /** Inclusive bounds; min defaults to 0. Values past a bound are usage errors, never clamped silently. */
  min?: number;
  max?: number;
}
export type FlagDef = BooleanFlag | StringFlag | NumberFlag;
export type FlagTable = Readonly<Record<string, FlagDef>>;

type ValueOf<D extends FlagDef> = D extends BooleanFlag ? boolean : D extends StringFlag ? string : number;
export type FlagValues<T extends FlagTable> = { -readonly [K in keyof T]?: ValueOf<T[K]> };

export interface ParsedCommandLine<T extends FlagTable> {
  flags: FlagValues<T>;
  positionals: string[];
  /** `--help` or `-h` appeared before any `--`. */
  help: boolean;
}

/** Strict: unknown flags, missing, empty or out-of-range values are usage errors (exit 2), never ignored. */
export function parseFlags<T extends FlagTable>(args: readonly string[], table: T): ParsedCommandLine<T> {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, def] of Object.entries(table))
    options[name] = { type: def.type === 'boolean' ? 'boolean' : 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(parserMessage(error));
  }
  const flags: Record<string, string | number | boolean> = {};
  for (const [name, raw] of Object.entries(parsed.values)) {
    if (name === 'help' || raw === undefined) continue;
    const def = table[name]!;
    flags[name] = typeof raw === 'boolean' ? raw : convert(name, def, String(raw));
  }
  return { flags: flags as FlagValues<T>, positionals: parsed.positionals, help: parsed.values.help === true };
}

function convert(name: string, def: FlagDef, raw: string): string | number {
  if (def.type === 'boolean') throw new UsageError(`--${name} takes no value`);
  if (def.type === 'string') {
    if (raw.trim() === '') throw new UsageError(`--${name} needs a value, got an empty one`);
    if (def.choices && !def.choices.includes(raw)) {
      throw new UsageError(`--${name} must be one of ${def.choices.join(', ')}, got "${raw}"`);
    }
    return raw;
  }
  const min = def.min ?? 0;
  const max = def.max ?? Number.MAX_SAFE_INTEGER;
  const number = raw.trim() === '' ? NaN : Number(raw);
  const whole = def.type === 'integer';
  if (!Number.isFinite(number) || number < min || number > max || (whole && !Number.isInteger(number))) {
    throw new UsageError(
      `--${name} needs ${whole ? 'a whole number' : 'a number'} ${rangeText(min, max)}, got "${raw}"`,
    );
  }
  return number;
}

function rangeText(min: number, max: number): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  return max === Number.MAX_SAFE_INTEGER ? `of at least ${fmt(min)}` : `from ${fmt(min)} to ${fmt(max)}`;
}

/**
 * util.parseArgs words its errors for a generic program; reword the common ones for ours. Its text is Node's, not
 * ours: one code covers both "takes no value" and "needs a value", so only its message tells them apart.
 */
function parserMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
    return `unknown option ${option} (a file name starting with - goes after --)`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return message.includes('does not take an argument') ? `${option} takes no value` : `${option} needs a value`;
  }
  return message;
}

export interface HelpSpec {
  /** e.g. "burnrate estimate [paths…] [options]". */
  usage: string;
  description: string;
  flags: FlagTable;
  /** Text after the options: exit codes, examples. */
  footer?: string;
}

export function renderHelp(spec: HelpSpec): string {
  const rows = Object.entries(spec.flags).map(
    ([name, def]) => [`--${name}${'value' in def ? ` ${def.value}` : ''}`, def.help] as const,
  );
  rows.push(['--help', 'show this help']);
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  const options = rows
    .map(([left, help]) => {
      const [first, ...rest] = help.split('\n');
      return [`  ${left.padEnd(width)}${first}`, ...rest.map((line) => `  ${' '.repeat(width)}${line}`)].join('\n');
    })
    .join('\n');
  const footer = spec.footer ? `\n${spec.footer.trimEnd()}\n` : '';
  return `Usage: ${spec.usage}\n\n${spec.description.trimEnd()}\n\nOptions:\n${options}\n${footer}`;
}
