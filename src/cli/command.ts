// One CLI command: its name, help text and a run function. Commands return an exit code; they never call
// process.exit, so tests can run them in-process as well as through the built binary.

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text. */
  help: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_USAGE = 2;

/** A usage error: printed on stderr with the command's hint, exit code 2. */
export class UsageError extends Error {}
