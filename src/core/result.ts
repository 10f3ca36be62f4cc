// The one shape of an outcome that can fail: a value, or the error that took its place. A caller branches on `ok`; the
// error is whatever that failure needs to say (a code with arguments, a message, a skip).
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
