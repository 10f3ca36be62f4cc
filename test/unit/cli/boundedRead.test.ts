import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { forEachLine, readBoundedText, readFailureWords, type LongLine } from '../../../src/cli/boundedRead';
import { LIMITS } from '../../../src/core/limits';

describe('reading files a repository names (issue 10)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-read-'));
    fs.writeFileSync(path.join(dir, 'ok.md'), 'hello');
    fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(2000));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'out.md'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file inside the workspace, refuses devices, FIFOs, links out and files over the limit', () => {
    assert.strictEqual(readBoundedText(path.join(dir, 'ok.md'), dir), 'hello');
    assert.match((readBoundedText('/dev/zero', undefined) as { error: string }).error, /not a regular file \(a device/);
    assert.match((readBoundedText('/dev/zero', dir) as { error: string }).error, /outside the workspace/);
    assert.match((readBoundedText(path.join(dir, 'fifo.md'), dir) as { error: string }).error, /a FIFO/);
    assert.match((readBoundedText(path.join(dir, 'out.md'), dir) as { error: string }).error, /outside the workspace/);
    assert.match(
      (readBoundedText(path.join(dir, 'big.md'), dir, 1000) as { error: string }).error,
      /over the 1,000-byte limit/,
    );
    assert.match((readBoundedText(path.join(dir, 'none.md'), dir) as { error: string }).error, /file not found/);
  });

  it('streams a log line by line and refuses a device', async () => {
    fs.writeFileSync(path.join(dir, 'log.jsonl'), 'a\r\nb\n\nc');
    const lines: string[] = [];
    assert.strictEqual(await forEachLine(path.join(dir, 'log.jsonl'), (line) => lines.push(line)), undefined);
    assert.deepStrictEqual(lines, ['a', 'b', '', 'c']);
    const device = await forEachLine('/dev/urandom', () => undefined);
    assert.ok(device && device.error.code === 'unreadable' && /not a regular file/.test(device.error.reason));
  });

  it('says a missing file is missing, and anything else is unreadable with the reason', async () => {
    assert.deepStrictEqual(await forEachLine(path.join(dir, 'none.jsonl'), () => undefined), {
      error: { code: 'missing' },
    });
    assert.deepStrictEqual(await forEachLine(path.join(dir, 'fifo.md'), () => undefined), {
      error: { code: 'unreadable', reason: 'not a regular file (a FIFO) — not read' },
    });
    assert.strictEqual(readFailureWords({ code: 'missing' }), 'file not found');
    assert.strictEqual(
      readFailureWords({ code: 'unreadable', reason: 'cannot read (EACCES)' }),
      'cannot read (EACCES)',
    );
  });

  it('skips a line over the line limit without holding it, and reads on (issue 10)', async () => {
    // Long lines of every shape against a small limit: cut across read chunks, exactly at the limit, one byte over,
    // multi-byte characters at the edge, the file's last line with no newline.
    const limit = 100;
    const file = path.join(dir, 'long.jsonl');
    const wide = 'é'.repeat(50); // 100 bytes: at the limit
    const lines: string[] = [];
    const long: LongLine[] = [];
    const written = [
      'short',
      'x'.repeat(limit),
      'y'.repeat(limit + 1),
      wide,
      wide + 'z',
      'q'.repeat(200_000),
      'c'.repeat(limit - 1) + '\r', // a "\r" before the newline counts as read, and is dropped
      'after',
      'w'.repeat(150),
    ];
    fs.writeFileSync(file, written.join('\n'));
    const outcome = await forEachLine(
      file,
      (line) => lines.push(line),
      (l) => long.push(l),
      limit,
    );
    assert.strictEqual(outcome, undefined);
    assert.deepStrictEqual(lines, ['short', 'x'.repeat(limit), wide, 'c'.repeat(limit - 1), 'after']);
    assert.deepStrictEqual(long, [
      { line: 3, bytes: limit + 1, limit },
      { line: 5, bytes: limit + 1, limit },
      { line: 6, bytes: 200_000, limit },
      { line: 9, bytes: 150, limit },
    ]);
  });

  it('reads a file with no newline at all past the real line limit as one skipped line', async () => {
    const file = path.join(dir, 'nonewline.jsonl');
    const bytes = LIMITS.lineBytes + 1024 * 1024;
    const fd = fs.openSync(file, 'w');
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let written = 0; written < bytes; written += block.length) fs.writeSync(fd, block);
    fs.closeSync(fd);
    const lines: string[] = [];
    const long: LongLine[] = [];
    assert.strictEqual(
      await forEachLine(
        file,
        (line) => lines.push(line),
        (l) => long.push(l),
      ),
      undefined,
    );
    assert.deepStrictEqual(lines, []);
    assert.deepStrictEqual(long, [{ line: 1, bytes, limit: LIMITS.lineBytes }]);
    fs.rmSync(file);
  });
});
