// Minimal glob matching for usage-file overrides, `applyTo` and extra-file settings: `**`, `*`, `?`, `{a,b}`, `[...]`.
// Paths are matched with `/` separators, relative to the workspace root.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      inBraces++;
      source += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      source += ')';
    } else if (c === ',' && inBraces > 0) source += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += '[' + glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  cached = new RegExp(`^${source}$`);
  cache.set(glob, cached);
  return cached;
}

/** Does a workspace-relative path match? A pattern without a slash matches the file name in any folder (gitignore-like). */
export function matchGlob(glob: string, relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const pattern = glob.replace(/^\.\//, '');
  if (globToRegExp(pattern).test(path)) return true;
  return !pattern.includes('/') && globToRegExp(pattern).test(path.slice(path.lastIndexOf('/') + 1));
}
