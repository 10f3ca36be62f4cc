// The manifest as the Marketplace and the Welcome page read it: icon, categories, links, the walkthrough.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../repoRoot';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
  icon: string;
  categories: string[];
  keywords: string[];
  repository: { url: string };
  bugs: { url: string };
  contributes: { commands: { command: string }[]; walkthroughs: { id: string; steps: Step[] }[] };
};

describe('Marketplace page and walkthrough (package.json)', () => {
  it('has a 128×128 PNG icon, the AI and Other categories, keywords, repository and bugs links, a changelog', () => {
    const png = fs.readFileSync(path.join(repoRoot(), manifest.icon));
    assert.strictEqual(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'IHDR width × height');
    assert.deepStrictEqual(manifest.categories, ['AI', 'Other']);
    assert.ok(
      manifest.keywords.length >= 5 && manifest.keywords.length <= 30,
      'the Marketplace takes up to 30 keywords',
    );
    assert.match(manifest.repository.url, /^https:\/\//);
    assert.match(manifest.bugs.url, /^https:\/\//);
    assert.match(fs.readFileSync(path.join(repoRoot(), 'CHANGELOG.md'), 'utf8'), /^## 0\.1\.0/m);
  });

  it('walks through opening a prompt, a lens, the volume, the review and a simulation, with existing pages and commands', () => {
    const [walkthrough, ...others] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough && others.length === 0);
    assert.deepStrictEqual(
      walkthrough.steps.map((s) => s.id),
      ['openPrompt', 'readLens', 'setVolume', 'reviewChanges', 'runSimulation'],
    );
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const step of walkthrough.steps) {
      assert.ok(
        step.media.markdown && fs.existsSync(path.join(repoRoot(), step.media.markdown)),
        `${step.id}: ${step.media.markdown}`,
      );
      const linked = [
        ...step.description.matchAll(/\(command:(burnrate\.\w+)/g),
        ...(step.completionEvents ?? []).map((e) => /^onCommand:(burnrate\.\w+)$/.exec(e) ?? []),
      ];
      for (const [, command] of linked)
        if (command) assert.ok(commands.has(command), `${step.id} names ${command}, which is not contributed`);
    }
  });
});
