// Reading a count typed by a person: "50000", "50,000", "50k", "1.5M".
import { err, ok, type Result } from '../result';

/** The count, or a message saying what was expected. */
export function parseCount(text: string): Result<number> {
  const match = /^([0-9][0-9,_ ]*(?:\.[0-9]+)?)\s*([kKmM]?)$/.exec(text.trim());
  const number = match ? Number(match[1]!.replace(/[,_ ]/g, '')) : NaN;
  if (!match || !Number.isFinite(number)) return err('a number of calls per day, e.g. 5000, 50k or 1.5M');
  const scale = { '': 1, k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  return ok(Math.round(number * scale));
}
