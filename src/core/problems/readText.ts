// The plain wording of a workspace read that failed, as the runtime context and its imports report it
// ("@docs/x.md in CLAUDE.md line 3: no such file — not counted").
import type { ReadFailure } from './reads';

export function readFailureText(failure: ReadFailure): string {
  return failure.code === 'missing' ? 'no such file' : failure.reason;
}
