// Loaded by mocha before any test (.mocharc.json `require`): every test, and every CLI process a test starts
// (they inherit this environment), keeps its cache in a fresh temporary folder, so a user's
// ~/.cache/burnrate (updated price data, exact Claude counts) never changes what a test sees.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'burnrate-test-cache-'));
process.env.XDG_CACHE_HOME = dir;
delete process.env.BURNRATE_CACHE_DIR; // beats XDG_CACHE_HOME; tests that want it set it themselves
delete process.env.ANTHROPIC_API_KEY;
delete process.env.BURNRATE_ANTHROPIC_BASE_URL;
delete process.env.BURNRATE_PRICES_URL;
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
