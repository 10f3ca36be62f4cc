// Reading a file a repository names (a scenario's systemPrompt:, fromLog:, a log to replay). A repository is untrusted
// text: the name may point at /dev/zero, a FIFO that never ends, a symlink out of the workspace or a huge file. Only
// regular files inside the workspace and within a size limit are read, and each refusal says why.
import * as fs from 'fs';
import * as path from 'path';
import { LIMITS } from '../core/limits';
import { err, ok, type Result } from '../core/result';

/** Largest file read whole (a system prompt, a usage log for calibration). */
export const MAX_READ_BYTES = 20 * 1024 * 1024;

export type Opened = Result<{ fd: number; size: number }>;

/**
 * Opens `file` for reading if it is a regular file (checked on the opened descriptor, so a swap between check and
 * read cannot slip a device in; O_NONBLOCK keeps a FIFO from blocking the open) inside `root` after resolving
 * symlinks, and at most `maxBytes` long (unlimited when undefined).
 */
export function openRegularFile(file: string, root: string | undefined, maxBytes: number | undefined): Opened {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? (error as Error).message})`);
  }
  if (root !== undefined && !isInside(real, safeRealpath(root))) return err('outside the workspace — not read');
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return err(`cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const stat = fs.fstatSync(fd);
  const refusal = !stat.isFile()
    ? `not a regular file (${stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a FIFO' : 'a device or socket'}) — not read`
    : maxBytes !== undefined && stat.size > maxBytes
      ? `${stat.size.toLocaleString('en-US')} bytes, over the ${maxBytes.toLocaleString('en-US')}-byte limit — not read`
      : undefined;
  if (refusal) {
    fs.closeSync(fd);
    return err(refusal);
  }
  return ok({ fd, size: stat.size });
}

/** The text of a regular file inside `root`, at most MAX_READ_BYTES, or why not. */
export function readBoundedText(
  file: string,
  root: string | undefined,
  maxBytes = MAX_READ_BYTES,
): string | { error: string } {
  const opened = openRegularFile(file, root, maxBytes);
  if (!opened.ok) return { error: opened.error };
  try {
    // Read no more than the limit even if the file grew after fstat.
    const buffer = Buffer.alloc(Math.min(opened.value.size, maxBytes));
    const read = fs.readSync(opened.value.fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    fs.closeSync(opened.value.fd);
  }
}

/** A line over the line limit: skipped, never held (its bytes are counted as they stream past). */
export interface LongLine {
  /** 1-based line number. */
  line: number;
  bytes: number;
  limit: number;
}

/**
 * Calls `onLine` for each line of a regular file (or of stdin for '-'), streaming: memory is one line, not the file.
 * A line longer than `maxLineBytes` (a file with no newline at all, say) is not held: `onLongLine` hears of it once it
 * ends and reading goes on with the next line. Lines end at "\n"; a "\r" before it is dropped.
 */
export async function forEachLine(
  file: string,
  onLine: (line: string) => void,
  onLongLine: (long: LongLine) => void = () => undefined,
  maxLineBytes: number = LIMITS.lineBytes,
): Promise<void | { error: string }> {
  let input: AsyncIterable<Buffer | string>;
  if (file === '-') input = process.stdin;
  else {
    const opened = openRegularFile(file, undefined, undefined);
    if (!opened.ok) return { error: opened.error };
    input = fs.createReadStream('', { fd: opened.value.fd });
  }
  const splitter = new LineSplitter(onLine, onLongLine, maxLineBytes);
  for await (const chunk of input) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  splitter.end();
}

/** Cuts a byte stream into lines, holding at most one line of at most `limit` bytes. */
class LineSplitter {
  private parts: Buffer[] = [];
  /** Bytes of the current line so far (held or, past the limit, only counted). */
  private bytes = 0;
  private line = 0;

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onLongLine: (long: LongLine) => void,
    private readonly limit: number,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      this.take(chunk.subarray(start, newline === -1 ? chunk.length : newline));
      if (newline === -1) return;
      this.finishLine();
      start = newline + 1;
    }
  }

  end(): void {
    if (this.bytes > 0) this.finishLine();
  }

  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    this.bytes += piece.length;
    if (this.bytes > this.limit) this.parts = [];
    else this.parts.push(piece);
  }

  private finishLine(): void {
    this.line++;
    if (this.bytes > this.limit) this.onLongLine({ line: this.line, bytes: this.bytes, limit: this.limit });
    else {
      const text = Buffer.concat(this.parts).toString('utf8');
      this.onLine(text.endsWith('\r') ? text.slice(0, -1) : text);
    }
    this.parts = [];
    this.bytes = 0;
  }
}

function safeRealpath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Whether `file` (a real path) lies inside `root`. */
export function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative));
}
