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

const STEM_SUFFIXES = [
  '.prompt.md',
  '.instructions.md',
  '.agent.md',
  '.chatmode.md',
  '.prompty',
  '.prompt',
  '.mdc',
  '.md',
  '.txt',
  '.json',
];

/** A file's name without its format suffix: `review.prompt.md` → `review`. */
export function stemName(path: string): string {
  const name = baseName(path);
  const lower = name.toLowerCase();
  const suffix = STEM_SUFFIXES.find((s) => lower.endsWith(s) && lower.length > s.length);
  return suffix ? name.slice(0, name.length - suffix.length) : name;
}

/** `path` seen from the folder `dir` (both `/`-separated and normalised): `evals` + `shared/a.txt` → `../shared/a.txt`. */
export function relativeFrom(dir: string, path: string): string {
  const from = dir.split('/').filter((s) => s.length > 0);
  const to = path.split('/').filter((s) => s.length > 0);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** `dir/relative` with `.` and `x/..` folded away; `..` that climbs above the start is kept. */
export function joinPaths(dir: string, relative: string): string {
  const out: string[] = [];
  for (const segment of toSlashes(`${dir}/${relative}`).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}
