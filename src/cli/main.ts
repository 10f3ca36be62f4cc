// The `burnrate` CLI: a thin shell over src/core. Each command lives in commands/ and is listed once here.
import { EXIT_USAGE, UsageError, type CliIO, type Command } from './command';
import { contextCommand } from './commands/context';
import { calibrateCommand } from './commands/calibrate';
import { diffCommand } from './commands/diff';
import { estimateCommand } from './commands/estimate';
import { historyCommand } from './commands/history';
import { mcpCommand } from './commands/mcp';
import { modelsCommand } from './commands/models';
import { pricesCommand } from './commands/prices';
import { replayCommand } from './commands/replay';
import { simulateCommand } from './commands/simulate';
import { visibleControls } from '../core/present/visibleControls';

const COMMANDS: Command[] = [
  estimateCommand,
  contextCommand,
  diffCommand,
  historyCommand,
  modelsCommand,
  pricesCommand,
  simulateCommand,
  replayCommand,
  calibrateCommand,
  mcpCommand,
];

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
    io.err(
      `burnrate ${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 3;
  }
}

if (require.main === module) {
  // `burnrate estimate | head` closes our stdout early: that is the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // Every line may carry a repository's text (names, paths, headings): none of its control characters reach the terminal.
  const io: CliIO = {
    out: (text) => process.stdout.write(visibleControls(text)),
    err: (text) => process.stderr.write(visibleControls(text)),
    cwd: process.cwd(),
  };
  // runCli catches every command's error and answers with an exit code, so this promise does not reject.
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
