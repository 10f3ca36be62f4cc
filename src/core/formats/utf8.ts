// Where a byte sequence stops being valid UTF-8, so the warning can name the line instead of "somewhere".

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(b);
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    if (!inRange(bytes, i, length)) return i;
    i += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

// Rejects overlong forms, UTF-16 surrogates and code points above U+10FFFF (RFC 3629 table).
function inRange(bytes: Uint8Array, i: number, length: number): boolean {
  const lead = bytes[i]!;
  const second = bytes[i + 1]!;
  if (length === 3 && lead === 0xe0) return second >= 0xa0;
  if (length === 3 && lead === 0xed) return second <= 0x9f;
  if (length === 4 && lead === 0xf0) return second >= 0x90;
  if (length === 4 && lead === 0xf4) return second <= 0x8f;
  return true;
}

/** Zero-based line of a byte offset (counts LF bytes, which UTF-8 never uses inside a multi-byte sequence). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
