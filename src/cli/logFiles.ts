// The logs a replay reads: files the user names, folders walked for their *.jsonl, and the coding agents' own log
// folders only when --claude-code / --codex ask for them. Walks are bounded, never follow a symlink out of the folder
// walked, and turn every unreadable entry into a message.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isInside } from './boundedRead';

const MAX_ENTRIES = 200_000;
const MAX_DEPTH = 16;

export interface LogFiles {
  /** Paths to read ('-' for standard input), in a stable order. */
  files: string[];
  problems: string[];
}

export interface AgentFolders {
  claudeCode?: boolean;
  codex?: boolean;
  env: NodeJS.ProcessEnv;
}

export function claudeCodeProjectsDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.CLAUDE_CONFIG_DIR || path.join(homeOf(env), '.claude'), 'projects');
}

export function codexSessionsDir(env: NodeJS.ProcessEnv): string {
  return path.join(env.CODEX_HOME || path.join(homeOf(env), '.codex'), 'sessions');
}

export function collectLogFiles(args: readonly string[], cwd: string, agents: AgentFolders): LogFiles {
  const out: LogFiles = { files: [], problems: [] };
  const named = args.map((arg) => (arg === '-' ? '-' : path.resolve(cwd, arg)));
  if (agents.claudeCode) named.push(claudeCodeProjectsDir(agents.env));
  if (agents.codex) named.push(codexSessionsDir(agents.env));
  for (const target of named) {
    if (target === '-') {
      out.files.push('-');
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out.problems.push(
        code === 'ENOENT'
          ? `no such file: ${shown(target, cwd)}`
          : `cannot read ${shown(target, cwd)} (${code ?? 'error'})`,
      );
      continue;
    }
    if (stat.isDirectory()) walk(target, cwd, out);
    else out.files.push(target);
  }
  return out;
}

function walk(root: string, cwd: string, out: LogFiles): void {
  const realRoot = fs.realpathSync(root);
  const found: string[] = [];
  const stack: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  let entries = 0;
  let outside = 0;
  while (stack.length > 0) {
    const { dir, depth } = stack.pop()!;
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      out.problems.push(`cannot list ${shown(dir, cwd)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    for (const dirent of dirents) {
      if (++entries > MAX_ENTRIES) {
        out.problems.push(
          `${shown(root, cwd)}: more than ${MAX_ENTRIES.toLocaleString('en-US')} entries — the rest not read`,
        );
        stack.length = 0;
        break;
      }
      const full = path.join(dir, dirent.name);
      if (dirent.isDirectory()) {
        if (depth + 1 <= MAX_DEPTH) stack.push({ dir: full, depth: depth + 1 });
        continue;
      }
      if (!dirent.name.endsWith('.jsonl')) continue;
      if (dirent.isSymbolicLink()) {
        // Followed only to a regular file inside the folder walked; a linked folder is never walked.
        const target = safeRealpath(full);
        if (target === undefined || !isInside(target, realRoot) || !isRegularFile(target)) {
          outside++;
          continue;
        }
      } else if (!dirent.isFile()) continue;
      found.push(full);
    }
  }
  if (outside > 0)
    out.problems.push(`${shown(root, cwd)}: ${outside} symlink(s) pointing outside the folder — not read`);
  if (found.length === 0) out.problems.push(`${shown(root, cwd)}: no *.jsonl files`);
  out.files.push(...found.sort());
}

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME ?? env.USERPROFILE ?? os.homedir();
}

function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function safeRealpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A path as the user would recognise it: relative to the working folder when inside it. */
export function shown(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
