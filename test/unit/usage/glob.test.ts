import * as assert from 'assert';
import fc from 'fast-check';
import { globProblem, matchGlob } from '../../../src/core/glob';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';

describe('glob matching', () => {
  const cases: [string, string, boolean][] = [
    ['**/*.prompt.md', 'a/b/c.prompt.md', true],
    ['**/*.prompt.md', 'c.prompt.md', true],
    ['prompts/**', 'prompts/x/y.md', true],
    ['prompts/**/x.md', 'prompts/x.md', true],
    ['prompts/**/x.md', 'prompts/a/b/x.md', true],
    ['prompts/**/x.md', 'prompts/ax.md', false],
    ['prompts/*.md', 'prompts/a/b.md', false],
    ['*.md', 'deep/folder/readme.md', true],
    ['src/*.md', 'deep/src/a.md', false],
    ['?.md', 'a.md', true],
    ['?.md', 'ab.md', false],
    ['{a,b}.md', 'b.md', true],
    ['{a,b{c,d}}.md', 'bd.md', true],
    ['{a,b{c,d}}.md', 'b.md', false],
    ['[ab].md', 'a.md', true],
    ['[!ab].md', 'a.md', false],
    ['[!ab].md', 'c.md', true],
    ['[a-c]x', 'bx', true],
    ['a[', 'a[', true],
    ['a}b', 'a}b', true],
    ['x.(md)+', 'x.(md)+', true],
    ['🚀?', '🚀é', true],
  ];
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () =>
      assert.strictEqual(matchGlob(glob, path), expected));
  }

  it('agrees with the equivalent regular expression on random globs and paths', () => {
    const piece = fc.constantFrom('a', 'b', '/', '*', '?', '**/', '.', '{a,b}');
    const pathChar = fc.constantFrom('a', 'b', '/', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(pathChar, { maxLength: 12 }), (pieces, chars) => {
        const glob = pieces.join('');
        const path = chars.join('');
        // Adjacent stars would read as another token ('*' + '*' is '**'): the reference maps pieces one by one.
        fc.pre(
          !glob.startsWith('./') &&
            !path.startsWith('./') &&
            pieces.every((p, k) => !(p.startsWith('*') && pieces[k + 1]?.startsWith('*'))),
        );
        const regexOf: Record<string, string> = {
          '*': '[^/]*',
          '?': '[^/]',
          '**/': '(?:.*/)?',
          '.': '\\.',
          '{a,b}': '(?:a|b)',
        };
        const source = pieces.map((p) => regexOf[p] ?? p).join('');
        const expected =
          new RegExp(`^${source}$`).test(path) ||
          (!glob.includes('/') && new RegExp(`^${source}$`).test(path.slice(path.lastIndexOf('/') + 1)));
        assert.strictEqual(matchGlob(glob, path), expected, `${glob} vs ${path}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not backtrack: the work is the path length times the glob length', () => {
    // As a regular expression this takes minutes; the automaton visits at most 22 states per character.
    const name = 'a'.repeat(100_000);
    assert.strictEqual(matchGlob('*a*a*a*a*a*a*a*a*a*a*b', name), false);
    assert.strictEqual(matchGlob('**/*a*a*a*a*a*a*a*a*a*a*b', `${'a/'.repeat(20_000)}${name}`), false);
    assert.strictEqual(matchGlob('*a*a*a*a*a*a*a*a*a*a*b', name + 'b'), true);
  });

  it('an invalid glob is a problem, never an exception, and matches nothing', () => {
    for (const glob of ['prompts/{a,b', '{'.repeat(5), '{a,b}'.repeat(9), 'x'.repeat(2000), '[z-a]']) {
      assert.ok(globProblem(glob), glob);
      assert.strictEqual(matchGlob(glob, 'prompts/a'), false);
    }
  });

  it('the usage file reports an invalid overrides glob with its line and keeps the other entries', () => {
    const { config, problems } = parseUsageFile(
      'overrides:\n  - files: "prompts/{a,b"\n    callsPerDay: 5\n  - files: "*.md"\n    callsPerDay: 7\n',
    );
    assert.deepStrictEqual(
      config.overrides.map((o) => o.files),
      ['*.md'],
    );
    assert.ok(
      problems.some((p) => p.line === 1 && /unclosed "\{"/.test(p.message)),
      JSON.stringify(problems),
    );
  });
});
