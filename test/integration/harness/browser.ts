import * as fs from 'fs';
import * as path from 'path';
import { chromium, Browser, Page } from 'playwright-core';
import { chromiumPath } from './paths';

/** Flags Debian's chromium needs here: running as root on a closed network, without a GPU. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface OpenedBrowser {
  page: Page;
  close(): Promise<void>;
}

/** Headless chromium with one page whose console and page errors are appended to `consoleLog`. */
export async function openBrowser(consoleLog: string): Promise<OpenedBrowser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing; run: bash scripts/install-code-server.sh`);
  }
  fs.mkdirSync(path.dirname(consoleLog), { recursive: true });
  const log = fs.createWriteStream(consoleLog);
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    // Our own signal handlers (harness/cleanup.ts) close the browser *and* code-server; playwright's would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Playwright's 30 s default loses whole runs when other builds share the machine's two cores; a slow load is not a
  // failure of ours, a hung one still ends.
  page.setDefaultNavigationTimeout(180_000);
  page.setDefaultTimeout(180_000);
  page.on('console', (message) => log.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => log.write(`[pageerror] ${error.stack ?? error.message}\n`));
  return {
    page,
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => log.end(resolve));
    },
  };
}
