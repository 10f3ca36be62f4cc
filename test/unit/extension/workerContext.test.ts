// A folder's agent-runtime context built in the estimate worker (a real worker thread, the compiled
// estimateWorker.js) for the Agent Context view and the runtime status bar: the same context core builds in place,
// a runtime file over 128 KiB counted (where the host's own fallback stops), and it is plain data.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseUsageFile } from '../../../src/core/usage/parseUsageFile';
import { EstimateRunner } from '../../../src/extension/worker/estimateRunner';
import { diskRuntimeEnvironment } from '../../../src/host/runtimeEnvironment';

const WORKER = path.join(__dirname, '../../../src/extension/worker/estimateWorker.js');
const USAGE = 'defaults:\n  model: claude-sonnet-4-5\n';
// Over the host's 128 KiB bound: prose, so it counts quickly anywhere.
const LARGE_AGENT = `---\nname: big\ndescription: A long agent.\n---\n${'Check every file twice before you answer. '.repeat(4000)}\n`;

describe('the agent-runtime context built in the estimate worker', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-worker-context-'));
    const files: Record<string, string> = {
      '.burnrate.yaml': USAGE,
      'CLAUDE.md': 'Use pnpm. Run the tests before you push.\n',
      '.claude/agents/big.md': LARGE_AGENT,
      '.github/copilot-instructions.md': 'Answer in English.\n',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is the context core builds here, with a runtime file over 128 KiB counted', async () => {
    assert.ok(Buffer.byteLength(LARGE_AGENT) > 128 * 1024);
    const usage = parseUsageFile(USAGE).config;
    const runner = new EstimateRunner(60_000, undefined, WORKER);
    try {
      const built = await runner.context({ runtimes: { root, version: 0, options: { overrides: [] } }, usage });
      assert.ok(built.ok, JSON.stringify(built));
      const here = diskRuntimeEnvironment(root, usage, { overrides: [] }).context;
      assert.deepStrictEqual(built.value, here);
      const claude = built.value.runtimes.find((r) => r.id === 'claude-code');
      const session = claude?.items.find((i) => i.path === '.claude/agents/big.md' && i.kind === 'session');
      // The whole body counted (about 9 tokens per repetition), not only the listing.
      assert.ok(
        session && session.inputTokens > 30_000,
        JSON.stringify(claude?.items.map((i) => [i.path, i.kind, i.inputTokens])),
      );
    } finally {
      runner.dispose();
    }
  });
});
