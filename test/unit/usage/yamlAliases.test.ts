import * as assert from 'assert';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';

describe('scenarios: with YAML aliases and merge keys (issue 10)', () => {
  it('an alias or merge key gives the same scenarios as the expanded text', () => {
    const withAliases = parseUsageFile(
      'scenarios:\n  base: &b\n    model: gpt-4o\n    turns: 5\n  other:\n    <<: *b\n    turns: 7\n  same: *b\n',
    );
    const expanded = parseUsageFile(
      'scenarios:\n  base:\n    model: gpt-4o\n    turns: 5\n  other:\n    model: gpt-4o\n    turns: 7\n  same:\n    model: gpt-4o\n    turns: 5\n',
    );
    assert.deepStrictEqual(withAliases.problems, []);
    assert.deepStrictEqual(withAliases.config.scenarios, expanded.config.scenarios);
  });

  it('a billion-laughs alias bomb is refused with a problem on its line, quickly and without an exception', () => {
    let bomb = 'scenarios:\n  l0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n';
    for (let i = 1; i < 10; i++)
      bomb += `  l${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const { config, problems } = parseUsageFile(bomb);
    assert.strictEqual(config.scenarios, undefined);
    assert.ok(
      problems.some((p) => p.severity === 'error' && p.line === 1 && /alias/.test(p.message)),
      JSON.stringify(problems),
    );
  });
});
