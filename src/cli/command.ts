// One CLI command: its name, help text and a run function. Commands return an exit code; they never call
// process.exit, so tests can run them in-process as well as through the built binary.
import { parseFlags, renderHelp, type FlagTable, type ParsedCommandLine } from './flags';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text, generated from the command's flag table. */
  help: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** What a command declares: its flags once, with their help; `defineCommand` derives the parser and `--help`. */
export interface CommandSpec<F extends FlagTable> {
  name: string;
  summary: string;
  usage: string;
  description: string;
  flags: F;
  footer?: string;
  run(commandLine: ParsedCommandLine<F>, io: CliIO): Promise<number>;
}

export function defineCommand<F extends FlagTable>(spec: CommandSpec<F>): Command {
  const help = renderHelp(spec);
  return {
    name: spec.name,
    summary: spec.summary,
    help,
    async run(args, io) {
      const commandLine = parseFlags(args, spec.flags);
      if (commandLine.help) {
        io.out(help);
        return EXIT_OK;
      }
      return spec.run(commandLine, io);
    },
  };
}

export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_USAGE = 2;

/** A usage error: printed on stderr with the command's hint, exit code 2. */
export class UsageError extends Error {}
