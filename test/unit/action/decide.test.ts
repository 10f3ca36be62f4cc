import * as assert from 'assert';
import { MARKER, planComment, worthCommenting, type DiffSummary } from '../../../src/action/decide';

const diff = (over: Partial<DiffSummary>): DiffSummary => ({
  head: 'abc1234',
  changedFiles: 1,
  uncomparedFiles: 0,
  deltaUsdMonth: 3,
  deltaPercent: 2,
  trippedGates: 0,
  ...over,
});

describe('pull-request action: when to comment', () => {
  it('comments on any change by default, never when nothing changed', () => {
    assert.strictEqual(worthCommenting(diff({}), { minUsdMonth: 0 }), true);
    assert.strictEqual(
      worthCommenting(diff({ changedFiles: 0, deltaUsdMonth: 0, deltaPercent: null }), { minUsdMonth: 0 }),
      false,
    );
  });

  it('applies both thresholds to the size of the change either way; a gate or an uncompared file always comments', () => {
    assert.strictEqual(worthCommenting(diff({ deltaUsdMonth: -0.5 }), { minUsdMonth: 1 }), false);
    assert.strictEqual(worthCommenting(diff({ deltaUsdMonth: -1.5 }), { minUsdMonth: 1 }), true);
    assert.strictEqual(
      worthCommenting(diff({ deltaUsdMonth: 5, deltaPercent: 2 }), { minUsdMonth: 1, minPercent: 10 }),
      false,
    );
    assert.strictEqual(
      worthCommenting(diff({ deltaUsdMonth: null }), { minUsdMonth: 1 }),
      true,
      'an unknown change is not a small one',
    );
    assert.strictEqual(worthCommenting(diff({ deltaUsdMonth: 0.1, trippedGates: 1 }), { minUsdMonth: 1 }), true);
    assert.strictEqual(worthCommenting(diff({ changedFiles: 0, uncomparedFiles: 1 }), { minUsdMonth: 1 }), true);
  });

  it('creates, updates only its own marked comment, leaves an identical one alone, and corrects a stale one', () => {
    const others = [{ id: 1, body: 'LGTM' }];
    assert.deepStrictEqual(planComment(diff({}), { minUsdMonth: 0 }, 'table\n', others), {
      kind: 'create',
      body: `${MARKER}\ntable\n`,
    });
    const ours = [...others, { id: 2, body: `${MARKER}\nold\n` }];
    assert.deepStrictEqual(planComment(diff({}), { minUsdMonth: 0 }, 'table\n', ours), {
      kind: 'update',
      id: 2,
      body: `${MARKER}\ntable\n`,
    });
    assert.strictEqual(planComment(diff({}), { minUsdMonth: 0 }, 'old\n', ours).kind, 'none');
    assert.strictEqual(planComment(diff({ deltaUsdMonth: 0.1 }), { minUsdMonth: 1 }, 'table\n', others).kind, 'none');
    const stale = planComment(diff({ deltaUsdMonth: 0.1, head: 'de`f' }), { minUsdMonth: 1 }, 'table\n', ours);
    assert.ok(
      stale.kind === 'update' && stale.body.includes('No prompt cost change above the comment thresholds at `def`'),
    );
  });
});
