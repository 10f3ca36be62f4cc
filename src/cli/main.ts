// The `burnrate` CLI: a thin shell over src/core. Each command lives in commands/ and is listed once here.
import { EXIT_USAGE, UsageError, type CliIO, type Command } from './command';
import { diffCommand } from './commands/diff';
import { estimateCommand } from './commands/estimate';
import { modelsCommand } from './commands/models';
import { replayCommand } from './commands/replay';
import { simulateCommand } from './commands/simulate';

const COMMANDS: Command[] = [estimateCommand, diffCommand, modelsCommand, simulateCommand, replayCommand];

function usage(): string {
  const rows = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  return `Usage: burnrate <command> [options]\n\nCommands:\n${rows}\n\nRun "burnrate <command> --help" for a command's options.\n`;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : EXIT_USAGE;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`burnrate: unknown command "${name}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`burnrate ${name}: ${error.message}\nRun "burnrate ${name} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    io.err(`burnrate ${name}: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 3;
  }
}

if (require.main === module) {
  // `burnrate estimate | head` closes our stdout early: that is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CliIO = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
