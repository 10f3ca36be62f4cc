// Reading typed fields out of plain parsed values (YAML or JSON). A field of the wrong type is reported, never thrown.
import type { Declared, Problem } from '../types';
import type { LineRange } from '../types';
import type { YamlPath } from './yamlSource';

/** Where a value sits in the file; JSON payloads whose positions can't be read use NO_POSITIONS. */
export interface Positions {
  lineAt(path: YamlPath): number | undefined;
  rangeAt(path: YamlPath): LineRange | undefined;
}

export const NO_POSITIONS: Positions = { lineAt: () => undefined, rangeAt: () => undefined };

export type Dict = Record<string, unknown>;

export function isDict(value: unknown): value is Dict {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `a.b[2].c` for messages and `Declared.field`. */
export function fieldName(path: YamlPath): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

/** Follows `path` through nested dicts and arrays of a plain value. */
export function valueAt(root: unknown, path: YamlPath): unknown {
  let current = root;
  for (const step of path) {
    if (typeof step === 'number' && Array.isArray(current)) current = current[step];
    else if (typeof step === 'string' && isDict(current)) current = current[step];
    else return undefined;
  }
  return current;
}

/** Fields of one parsed document, with their lines, collecting problems about ill-typed values. */
export class FieldReader {
  constructor(
    /** The whole document as plain values. */
    readonly root: unknown,
    readonly positions: Positions,
    readonly problems: Problem[],
  ) {}

  value(path: YamlPath): unknown {
    return valueAt(this.root, path);
  }

  has(path: YamlPath): boolean {
    return this.value(path) !== undefined && this.value(path) !== null;
  }

  declared<T>(value: T, path: YamlPath, field = fieldName(path)): Declared<T> {
    const line = this.positions.lineAt(path);
    return line === undefined ? { value, field } : { value, field, line };
  }

  /** A non-empty string field; numbers and booleans are reported as junk. */
  string(path: YamlPath): Declared<string> | undefined {
    const raw = this.value(path);
    if (raw === undefined || raw === null) return undefined;
    const text = nonEmptyString(raw);
    if (text === undefined) this.warn(path, `${fieldName(path)} should be text, found ${describe(raw)}: ignored`);
    return text === undefined ? undefined : this.declared(text, path);
  }

  /** A whole number ≥ `min`; anything else is reported. */
  integer(path: YamlPath, min = 1): Declared<number> | undefined {
    const raw = this.value(path);
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min) {
      this.warn(path, `${fieldName(path)} should be a whole number ≥ ${min}, found ${describe(raw)}: ignored`);
      return undefined;
    }
    return this.declared(raw, path);
  }

  /** Names from a list (`[a, b]`) or a comma-separated string (`a, b`), the two spellings tool lists come in. */
  names(path: YamlPath): string[] | undefined {
    const raw = this.value(path);
    if (raw === undefined || raw === null) return undefined;
    const items = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : undefined;
    if (!items) {
      this.warn(path, `${fieldName(path)} should be a list of names, found ${describe(raw)}: ignored`);
      return undefined;
    }
    return items.map((item) => (typeof item === 'string' ? item.trim() : nameOf(item))).filter((n): n is string => !!n);
  }

  warn(path: YamlPath, message: string): void {
    const line = this.positions.lineAt(path);
    this.problems.push(line === undefined ? { severity: 'warning', message } : { severity: 'warning', message, line });
  }

  info(path: YamlPath, message: string): void {
    const line = this.positions.lineAt(path);
    this.problems.push(line === undefined ? { severity: 'info', message } : { severity: 'info', message, line });
  }
}

/** A tool given as an object (`{name: x}`, `{function: {name: x}}`) rather than a bare name. */
export function nameOf(item: unknown): string | undefined {
  if (!isDict(item)) return undefined;
  return (
    nonEmptyString(item['name']) ?? (isDict(item['function']) ? nonEmptyString(item['function']['name']) : undefined)
  );
}

export function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `"${value.length > 30 ? value.slice(0, 27) + '...' : value}"`;
  return String(value);
}
