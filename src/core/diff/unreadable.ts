// Content that cannot be priced for a diff: binary data (git's own test: a NUL byte in the first 8,000 bytes) and
// unresolved merge conflicts, whose two halves would both be counted.

const GIT_BINARY_SNIFF = 8000;

export function isBinary(content: Uint8Array | string): boolean {
  return typeof content === 'string'
    ? content.slice(0, GIT_BINARY_SNIFF).includes('\0')
    : content.subarray(0, GIT_BINARY_SNIFF).includes(0);
}

// A fenced code block (``` or ~~~, closed by the same character at least as long) may quote conflict markers.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const START = /^<{7}(?: |$)/;
const MIDDLE = /^={7}$/;
const END = /^>{7}(?: |$)/;

/** Zero-based line of the first conflict block (`<<<<<<<`, `=======`, `>>>>>>>` in that order), or undefined. */
export function conflictMarkerLine(content: Uint8Array | string): number | undefined {
  // No `<` or `>` (no `<<<<<<<` or `>>>>>>>` in a text as an editor holds it): the common case, checked fast.
  if (
    typeof content === 'string'
      ? !content.includes('<<<<<<<') || !content.includes('>>>>>>>')
      : !content.includes(0x3c) || !content.includes(0x3e)
  )
    return undefined;
  const lines = (typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content)).split(/\r?\n|\r/);
  let start: number | undefined;
  let middle = false;
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fenceMark !== undefined && start === undefined) {
      if (fence === undefined) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length && line.trim() === fenceMark)
        fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (START.test(line)) {
      start = i;
      middle = false;
    } else if (start !== undefined && MIDDLE.test(line)) middle = true;
    else if (start !== undefined && middle && END.test(line)) return start;
  }
  return undefined;
}
