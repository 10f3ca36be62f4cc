import { spawn, spawnSync, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { onExitKill } from './cleanup';
import { codeServerBinary } from './paths';

export interface CodeServerOptions {
  port: number;
  userDataDir: string;
  extensionsDir: string;
  /** TMPDIR for code-server and its children (their IPC sockets land there and go with the scratch dir). */
  tmpDir: string;
  /** Everything code-server and its children print goes here. */
  logFile: string;
  /** Extra environment for code-server; the extension host inherits it. */
  env?: Record<string, string>;
  /** Leaves workspace trust on (for Restricted Mode tests); by default `--disable-workspace-trust` turns it off. */
  workspaceTrust?: boolean;
}

export interface CodeServer {
  readonly origin: string;
  /** Rejects when code-server exits before `stop()` was called. */
  readonly exited: Promise<never>;
  stop(): Promise<void>;
}

/** Explains how to get code-server when it is missing; undefined when it is installed. */
export function codeServerMissing(): string | undefined {
  if (fs.existsSync(codeServerBinary)) return undefined;
  return `code-server is not installed at ${codeServerBinary}.\nInstall it (apt packages, ~300 MB, about a minute) with:\n  bash scripts/install-code-server.sh`;
}

/** Installs a .vsix into `extensionsDir`; throws with code-server's output when it refuses. */
export function installVsix(vsix: string, extensionsDir: string, userDataDir: string): string {
  const result = spawnSync(
    codeServerBinary,
    ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) throw new Error(`code-server --install-extension failed (${result.status}):\n${output}`);
  return output;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${options.port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--config',
    path.join(options.userDataDir, 'code-server.yaml'),
    '--user-data-dir',
    options.userDataDir,
    '--extensions-dir',
    options.extensionsDir,
  ];
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  fs.mkdirSync(options.tmpDir, { recursive: true });
  const log = fs.openSync(options.logFile, 'w');
  // Its own process group, so stop() reaches the extension host, pty host and file watcher it spawns.
  const child = spawn(codeServerBinary, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...options.env, TMPDIR: options.tmpDir },
  });
  fs.closeSync(log);
  const pid = child.pid;
  const forgetExitKill = pid === undefined ? () => undefined : onExitKill(() => signalGroup(pid, 'SIGKILL'));

  let stopping = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      if (!stopping)
        reject(new Error(`code-server exited early (code ${code}, signal ${signal}); see ${options.logFile}`));
    });
    child.once('error', (error) => reject(error));
  });
  exited.catch(() => undefined); // observed by callers that race it; never an unhandled rejection

  const server: CodeServer = {
    origin,
    exited,
    async stop() {
      stopping = true;
      await killGroup(child);
      forgetExitKill(); // the group is gone; its id may be reused
    },
  };
  try {
    await Promise.race([waitForHealthy(origin, 60_000), exited]);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const graceful = await Promise.race([gone.then(() => true), delay(5_000).then(() => false)]);
  // Children may linger after the main process left; the group kill reaches them either way.
  signalGroup(child.pid, 'SIGKILL');
  if (!graceful) await Promise.race([gone, delay(2_000)]);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function waitForHealthy(origin: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await respondsOk(`${origin}/healthz`)) return;
    await delay(250);
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000}s`);
}

function respondsOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
