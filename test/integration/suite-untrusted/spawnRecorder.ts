// Records every child process started in the extension host while it is on, with the stack that started it. The
// extension host loads Node's one child_process module for every extension, Burnrate's bundle included, and the
// bundle looks its functions up at call time, so replacing them here sees Burnrate's calls too.
import childProcess = require('child_process');

export interface Spawned {
  fn: string;
  command: string;
  stack: string;
}

const FUNCTIONS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;
type Patched = Record<(typeof FUNCTIONS)[number], (...args: unknown[]) => unknown>;

export class SpawnRecorder {
  readonly spawned: Spawned[] = [];
  private readonly originals = new Map<string, (...args: unknown[]) => unknown>();

  start(): void {
    const module = childProcess as unknown as Patched;
    for (const fn of FUNCTIONS) {
      const original = module[fn];
      this.originals.set(fn, original);
      const spawned = this.spawned;
      module[fn] = function (this: unknown, ...args: unknown[]) {
        spawned.push({
          fn,
          command: args
            .filter((a) => typeof a === 'string' || Array.isArray(a))
            .flat()
            .join(' '),
          stack: new Error().stack ?? '',
        });
        return original.apply(this, args);
      };
    }
  }

  stop(): void {
    const module = childProcess as unknown as Patched;
    for (const [fn, original] of this.originals) module[fn as keyof Patched] = original;
    this.originals.clear();
  }
}

export function describeSpawns(spawned: readonly Spawned[]): string {
  return spawned.map((s) => `${s.fn}(${s.command})\n${s.stack.split('\n').slice(1, 8).join('\n')}`).join('\n\n');
}
