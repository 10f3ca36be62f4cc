// Whether a path lies inside a folder, by its segments: `..notes` is a file inside, `../notes` is outside. Both paths
// absolute (or both relative to the same place), with `/` or `\` separators.

export function isInside(root: string, candidate: string): boolean {
  const rootParts = segments(root);
  const parts = segments(candidate);
  if (parts.length < rootParts.length) return false;
  return rootParts.every((part, i) => part === parts[i]);
}

/** A relative path (as `path.relative` gives it) that climbs out of its base: its first segment is exactly `..`. */
export function climbsOut(relative: string): boolean {
  return relative.split(/[\\/]/)[0] === '..';
}

function segments(p: string): string[] {
  return p.split(/[\\/]+/).filter((s, i) => s !== '' || i === 0);
}
