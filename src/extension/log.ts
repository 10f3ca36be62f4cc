// The "Burnrate" output channel, and the guard every provider and command runs inside: the extension host never sees
// an exception from Burnrate; the user sees a fallback (no lens, no hover) and the log says why.
import * as vscode from 'vscode';

export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Burnrate', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  debug(message: string): void {
    this.channel.debug(message);
  }

  error(where: string, error: unknown): void {
    this.channel.error(`${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** Runs `work`; on an exception logs it and returns `fallback`. */
export async function guarded<T>(log: Log, where: string, fallback: T, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    log.error(where, error);
    return fallback;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
