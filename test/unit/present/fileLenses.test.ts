import * as assert from 'assert';
import { planLenses } from '../../../src/core/present/fileLenses';
import { estimate, PROMPT } from './estimates';

describe('lens plan', () => {
  it('one unit lens on the unit line and one lens per section heading', () => {
    const lenses = planLenses(estimate('.github/prompts/review.prompt.md', PROMPT), { sections: true });
    const lines = PROMPT.split('\n');
    assert.deepStrictEqual(
      lenses.map((l) => [l.kind, l.line]),
      [
        ['unit', 0],
        ['section', lines.indexOf('You review code.')],
        ['section', lines.indexOf('## Rules')],
        ['section', lines.indexOf('## Output')],
      ],
    );
    assert.ok(lenses.every((l) => l.unitIndex === 0));
    assert.ok(lenses[2]!.title.startsWith('## Rules — '));
  });

  it('the sections setting turns section lenses off', () => {
    assert.deepStrictEqual(
      planLenses(estimate('.github/prompts/review.prompt.md', PROMPT), { sections: false }).map((l) => l.kind),
      ['unit'],
    );
  });

  it('unreadable frontmatter gets a lens on its line saying how the file was counted', () => {
    const text = '---\ndescription: x\nmodel: [unclosed\n---\nHello there.\n';
    const lenses = planLenses(estimate('a.prompt.md', text), { sections: true });
    const problem = lenses.find((l) => l.kind === 'problem');
    assert.ok(problem, JSON.stringify(lenses));
    assert.match(problem.title, /^⚠ frontmatter unreadable at line \d+ — counted as plain text/);
    assert.strictEqual(problem.unitIndex, undefined);
    assert.ok(lenses.some((l) => l.kind === 'unit'));
  });

  it('a file over the size limit gets a single lens saying it was skipped', () => {
    const lenses = planLenses(estimate('a.prompt.md', 'x'.repeat(2000), { maxBytes: 1000 }), { sections: true });
    assert.strictEqual(lenses.length, 1);
    assert.strictEqual(lenses[0]!.kind, 'skipped');
    assert.match(lenses[0]!.title, /^Burnrate skipped this file: over the .* size limit/);
  });

  it('info notes stay out of the lenses (they are in the breakdown)', () => {
    const lenses = planLenses(estimate('.claude/agents/x.md', 'No frontmatter at all.\n'), { sections: true });
    assert.deepStrictEqual(
      lenses.map((l) => l.kind),
      ['unit'],
    );
  });

  it('each CrewAI agent gets its own lens on its own line', () => {
    const yaml =
      'researcher:\n  role: Researcher\n  goal: Find facts\n  backstory: Curious.\nwriter:\n  role: Writer\n  goal: Write\n  backstory: Clear.\n';
    const lenses = planLenses(estimate('crew/config/agents.yaml', yaml), { sections: true });
    assert.deepStrictEqual(
      lenses.map((l) => [l.line, l.unitIndex]),
      [
        [0, 0],
        [4, 1],
      ],
    );
  });
});
