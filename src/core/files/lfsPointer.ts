// A Git LFS pointer (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md) stands in for a file whose content is
// not in git: pricing its three lines as the prompt would report a cost that is not the file's.

const PREFIX = 'version https://git-lfs.github.com/spec/';
// The spec caps a pointer at 1024 bytes.
const MAX_POINTER_BYTES = 1024;

export function isLfsPointer(bytes: Uint8Array): boolean {
  if (bytes.length > MAX_POINTER_BYTES || bytes.length < PREFIX.length) return false;
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.startsWith(PREFIX) && /^oid sha256:[0-9a-f]{64}$/m.test(text);
}

export const LFS_POINTER_REASON = 'a Git LFS pointer, not the file itself: run `git lfs pull` to count it';
