import { UsageError } from './command';

export interface FlagSpec {
  /** Flag name without dashes, e.g. "calls-per-day". */
  name: string;
  kind: 'boolean' | 'string' | 'number';
}

export interface ParsedArgs {
  flags: Map<string, string | number | boolean>;
  positionals: string[];
}

/** Strict parser: unknown flags and missing or malformed values are usage errors (exit 2), never ignored. */
export function parseArgs(args: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const flags = new Map<string, string | number | boolean>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (spec.kind === 'number') {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
        throw new UsageError(`--${name} needs a non-negative number, got "${value}"`);
      }
      flags.set(name, number);
    } else {
      flags.set(name, value);
    }
  }
  return { flags, positionals };
}
