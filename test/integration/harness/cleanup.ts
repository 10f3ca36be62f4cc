/**
 * Teardown that runs once, whether the run ends normally, throws, or is interrupted by a signal: nothing the
 * harness starts (code-server, chromium) may outlive it.
 */
type Teardown = () => Promise<void> | void;

const teardowns: Teardown[] = [];
let running: Promise<void> | undefined;

export function onTeardown(teardown: Teardown): void {
  teardowns.push(teardown);
}

/** True once teardown began (a signal or the end of the run): errors from then on are consequences, not causes. */
export function tearingDown(): boolean {
  return running !== undefined;
}

export function teardownAll(): Promise<void> {
  running ??= (async () => {
    for (const teardown of teardowns.splice(0).reverse()) {
      try {
        await teardown();
      } catch (error) {
        console.error('teardown failed:', error);
      }
    }
  })();
  return running;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\nreceived ${signal}, stopping code-server and chromium`);
    void teardownAll().finally(() => process.exit(130));
  });
}
