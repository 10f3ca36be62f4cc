// replay's groupings (by day, project, branch) are bounded by a number of keys, not by the log: a hostile log that
// names a new project on every call keeps GROUP_KEYS groups, the rest added to one group, every call still counted.
import * as assert from 'assert';
import { GROUP_KEYS, GroupTotals, OTHER_GROUP } from '../../../src/core/simulate/replay/groups';

const CALL = { input: 100, output: 10, cacheRead: 40 };

describe('replay groupings', () => {
  it('keep at most GROUP_KEYS keys; later keys add to one group, and every call and session is counted', () => {
    const groups = new GroupTotals();
    const keys = GROUP_KEYS + 5000;
    for (let i = 0; i < keys; i++) {
      groups.add(`project-${i}`, CALL, 0.01);
      groups.countSession(`project-${i}`);
    }
    // A key seen before the bound still has its own group after it.
    groups.add('project-0', CALL, 0.01);
    assert.strictEqual(groups.size, GROUP_KEYS);
    const list = groups.list();
    assert.strictEqual(list[list.length - 1]!.key, OTHER_GROUP, 'listed last');
    assert.strictEqual(groups.list(true).pop()!.key, OTHER_GROUP, 'last by key too: it is not a day');
    const other = list.find((g) => g.key === OTHER_GROUP)!;
    assert.strictEqual(other.calls, keys - (GROUP_KEYS - 1));
    assert.strictEqual(other.sessions, other.calls);
    assert.strictEqual(list.find((g) => g.key === 'project-0')!.calls, 2);
    assert.strictEqual(
      list.reduce((sum, g) => sum + g.calls, 0),
      keys + 1,
    );
    assert.ok(Math.abs(list.reduce((sum, g) => sum + (g.costUsd ?? 0), 0) - (keys + 1) * 0.01) < 1e-6);
    assert.strictEqual(
      list.reduce((sum, g) => sum + g.inputTokens, 0),
      (keys + 1) * CALL.input,
    );
  });

  it('below the bound, every key is its own group', () => {
    const groups = new GroupTotals();
    for (const key of ['a', 'b', 'a']) groups.add(key, CALL, undefined);
    assert.deepStrictEqual(
      groups.list(true).map((g) => [g.key, g.calls, g.costUsd]),
      [
        ['a', 2, null],
        ['b', 1, null],
      ],
    );
  });
});
