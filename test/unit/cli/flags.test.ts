import * as assert from 'assert';
import { UsageError } from '../../../src/cli/command';
import { parseFlags, renderHelp, type FlagTable } from '../../../src/cli/flags';

const TABLE = {
  model: { type: 'string', value: 'M', help: 'model' },
  format: { type: 'string', value: 'F', choices: ['text', 'json'], help: 'format' },
  sessions: { type: 'integer', value: 'N', min: 1, max: 1000, help: 'sessions\nsecond line' },
  rate: { type: 'number', value: 'R', help: 'rate' },
  json: { type: 'boolean', help: 'json' },
} as const satisfies FlagTable;

function usageError(args: string[], pattern: RegExp): void {
  assert.throws(
    () => parseFlags(args, TABLE),
    (error: unknown) => error instanceof UsageError && pattern.test(error.message),
  );
}

describe('CLI flags (one table: parser, values, help)', () => {
  it('parses typed values and positionals', () => {
    const parsed = parseFlags(['a.md', '--model', 'gpt-4o', '--sessions=20', '--rate', '0.5', '--json', 'b.md'], TABLE);
    assert.deepStrictEqual(parsed.flags, { model: 'gpt-4o', sessions: 20, rate: 0.5, json: true });
    assert.deepStrictEqual(parsed.positionals, ['a.md', 'b.md']);
    assert.strictEqual(parsed.help, false);
  });

  it('reads everything after -- as positionals, so a file may be named -h', () => {
    const parsed = parseFlags(['--', '-h', '--json'], TABLE);
    assert.deepStrictEqual(parsed.positionals, ['-h', '--json']);
    assert.strictEqual(parsed.help, false);
    assert.deepStrictEqual(parsed.flags, {});
  });

  it('sees --help and -h before --', () => {
    assert.strictEqual(parseFlags(['--help'], TABLE).help, true);
    assert.strictEqual(parseFlags(['x', '-h'], TABLE).help, true);
  });

  it('refuses unknown flags, empty strings, bad choices and values past their bounds', () => {
    usageError(['--bogus'], /unknown option --bogus/);
    usageError(['-x'], /unknown option -x/);
    usageError(['--model', ''], /--model needs a value/);
    usageError(['--model='], /--model needs a value/);
    usageError(['--model'], /--model needs a value/);
    usageError(['--format', 'xml'], /--format must be one of text, json/);
    usageError(['--sessions', '0'], /--sessions needs a whole number from 1 to 1,000/);
    usageError(['--sessions', '1001'], /from 1 to 1,000/);
    usageError(['--sessions', '2.5'], /whole number/);
    usageError(['--sessions', '1e12'], /from 1 to 1,000/);
    usageError(['--rate', 'NaN'], /--rate needs a number of at least 0/);
    usageError(['--rate', 'Infinity'], /--rate needs a number/);
    usageError(['--rate=-1'], /--rate needs a number of at least 0/);
    usageError(['--rate', ''], /--rate needs a number/);
    usageError(['--json=yes'], /--json takes no value/);
  });

  it('generates help from the same table, continuation lines indented', () => {
    const help = renderHelp({
      usage: 'burnrate x [options]',
      description: 'Does x.',
      flags: TABLE,
      footer: 'Exit codes: 0.',
    });
    for (const name of Object.keys(TABLE)) assert.match(help, new RegExp(`^  --${name}\\b`, 'm'));
    assert.match(help, /^ {2}--sessions N +sessions\n {10,}second line$/m);
    assert.match(help, /^ {2}--help +show this help$/m);
    assert.ok(help.startsWith('Usage: burnrate x [options]\n\nDoes x.\n\nOptions:\n'));
    assert.ok(help.endsWith('\nExit codes: 0.\n'));
  });
});
