/**
 * Teardown that runs once, whether the run ends normally, throws, or is interrupted by a signal: nothing the
 * harness starts (code-server, chromium) may outlive it.
 */
type Teardown = () => Promise<void> | void;

const teardowns: Teardown[] = [];
const lastResorts: (() => void)[] = [];
let running: Promise<void> | undefined;

export function onTeardown(teardown: Teardown): void {
  teardowns.push(teardown);
}

/** True once teardown began (a signal or the end of the run): errors from then on are consequences, not causes. */
export function tearingDown(): boolean {
  return running !== undefined;
}

/**
 * A synchronous kill for when the process dies without reaching teardownAll (an uncaught exception): the 'exit'
 * event allows no async work, but a signal still reaches a detached process group.
 */
export function onExitKill(kill: () => void): () => void {
  lastResorts.push(kill);
  return () => {
    const index = lastResorts.indexOf(kill);
    if (index >= 0) lastResorts.splice(index, 1);
  };
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

process.once('exit', () => {
  for (const kill of lastResorts) {
    try {
      kill();
    } catch {
      // already gone
    }
  }
});

// A closed stdout (`| head`) must not crash the run before teardown; the output is lost, the cleanup is not.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
