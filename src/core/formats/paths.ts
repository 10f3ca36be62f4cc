// Path handling for format detection: paths arrive absolute or relative, with `/` or Windows `\` separators.

export function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Non-empty path segments, lower-cased: file systems where prompt files live are often case-insensitive. */
export function lowerSegments(path: string): string[] {
  return toSlashes(path)
    .split('/')
    .filter((s) => s.length > 0 && s !== '.')
    .map((s) => s.toLowerCase());
}

export function baseName(path: string): string {
  const slashed = toSlashes(path).replace(/\/+$/, '');
  return slashed.slice(slashed.lastIndexOf('/') + 1);
}

const STEM_SUFFIXES = ['.prompt.md', '.instructions.md', '.agent.md', '.chatmode.md', '.prompty', '.prompt', '.mdc', '.md', '.txt', '.json'];

/** A file's name without its format suffix: `review.prompt.md` → `review`. */
export function stemName(path: string): string {
  const name = baseName(path);
  const lower = name.toLowerCase();
  const suffix = STEM_SUFFIXES.find((s) => lower.endsWith(s) && lower.length > s.length);
  return suffix ? name.slice(0, name.length - suffix.length) : name;
}
