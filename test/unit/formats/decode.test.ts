import * as assert from 'assert';
import { readPromptFile } from '../../../src/core/formats';
import { decodeText, formatSize } from '../../../src/core/formats/decode';
import { firstInvalidUtf8 } from '../../../src/core/formats/utf8';
import { fixtureLine, onlyUnit, readFixture, readFixtureResult } from './fixtures';

describe('formats: bytes to text', () => {
  it('skips files over the default 5 MB limit, naming both sizes', () => {
    const big = new Uint8Array(Math.round(6.2 * 1024 * 1024)).fill(0x61);
    const result = readPromptFile('CLAUDE.md', big);
    const skip = { code: 'too-large', limitBytes: 5 * 1024 * 1024, sizeBytes: big.length };
    assert.deepStrictEqual(result, {
      ok: false,
      error: { path: 'CLAUDE.md', skip, reason: 'over the 5 MB size limit (6.2 MB)' },
    });
  });

  it('honours a custom size limit and accepts a file exactly at it', () => {
    const text = new Uint8Array(2048).fill(0x61);
    const over = readPromptFile('CLAUDE.md', text, { maxBytes: 1024 });
    assert.ok(!over.ok && over.error.reason === 'over the 1 KB size limit (2 KB)');
    assert.ok(readPromptFile('CLAUDE.md', text, { maxBytes: 2048 }).ok);
  });

  it('skips binary files (NUL bytes)', () => {
    const result = readFixtureResult('prompts/binary.txt');
    assert.ok(!result.ok);
    assert.strictEqual(result.error.reason, 'binary file');
  });

  it('skips NUL-free files that are mostly control characters, but not text with tabs and ANSI colours', () => {
    const junk = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    const skipped = readPromptFile('prompts/x.txt', junk);
    assert.ok(!skipped.ok && skipped.error.reason === 'binary file');
    const coloured = new TextEncoder().encode('\x1b[31mred\x1b[0m\tcolumn\n'.repeat(20));
    assert.ok(readPromptFile('prompts/x.txt', coloured).ok);
  });

  it('decodes latin-1 bytes with replacement characters and a warning on the right line', () => {
    const file = readFixture('prompts/latin1.txt');
    const warning = file.problems.find((p) => p.severity === 'warning');
    assert.ok(warning && /not valid UTF-8/.test(warning.message), JSON.stringify(file.problems));
    assert.strictEqual(warning.line, 0);
    const text = onlyUnit(file).parts[0]!.text;
    assert.ok(text.startsWith('R\uFFFDsum\uFFFD the caf\uFFFD menu.'), text);
    assert.strictEqual(text.split('\n').length, 2);
  });

  it('names the line of the first bad byte when it is not on line 1', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('ok\nfine: é\n'), 0xe9, 0x0a]);
    const result = readPromptFile('prompts/x.txt', bytes);
    assert.ok(result.ok);
    assert.strictEqual(result.value.problems[0]?.line, 2);
  });

  it('strips a UTF-8 BOM and reads CRLF files with the editor line numbers', () => {
    const file = readFixture('prompts/bom-crlf.md');
    assert.deepStrictEqual(file.frontmatter, { startLine: 0, endLine: 3 });
    assert.strictEqual(file.usageHints?.callsPerDay, 10);
    const unit = onlyUnit(file);
    assert.deepStrictEqual(unit.parts[0]?.range, { startLine: 4, endLine: 7 });
    assert.strictEqual(unit.parts[0]?.text, '# Title\n\nLine one.\nLine two.');
    assert.deepStrictEqual(
      unit.sections.map((s) => [s.title, s.range.startLine]),
      [['Title', 4]],
    );
    assert.strictEqual(fixtureLine('prompts/bom-crlf.md', 4), '# Title');
    assert.deepStrictEqual(file.problems, []);
  });

  it('treats a lone CR as a line break, as VS Code does', () => {
    const decoded = decodeText(new TextEncoder().encode('a\rb\r\nc'));
    assert.ok(decoded.ok);
    assert.strictEqual(decoded.value.text, 'a\nb\nc');
  });

  it('decodes UTF-16 files that carry a byte order mark', () => {
    const file = readFixture('prompts/utf16.txt');
    assert.strictEqual(onlyUnit(file).parts[0]?.text, 'Hello from UTF-16.');
  });

  it('finds the first invalid UTF-8 byte (overlong forms, surrogates, truncation)', () => {
    assert.strictEqual(firstInvalidUtf8(new TextEncoder().encode('héllo €𝄞')), -1);
    assert.strictEqual(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80])), 1);
    assert.strictEqual(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80])), 2);
    assert.strictEqual(firstInvalidUtf8(new Uint8Array([0xe2, 0x82])), 0);
    assert.strictEqual(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0);
  });

  it('formats sizes for messages', () => {
    assert.strictEqual(formatSize(5 * 1024 * 1024), '5 MB');
    assert.strictEqual(formatSize(1536), '1.5 KB');
    assert.strictEqual(formatSize(12), '12 bytes');
  });
});
