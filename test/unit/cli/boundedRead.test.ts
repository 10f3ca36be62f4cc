import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { forEachLine, readBoundedText } from '../../../src/cli/boundedRead';

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
    assert.match(
      ((await forEachLine('/dev/urandom', () => undefined)) as { error: string }).error,
      /not a regular file/,
    );
  });
});
