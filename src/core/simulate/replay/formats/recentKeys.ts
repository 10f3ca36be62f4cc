/** A set of the most recent keys, at most `limit` of them: duplicate detection in constant memory. */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly limit = 20_000) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    this.keys.add(key);
    if (this.keys.size > this.limit) {
      const oldest = this.keys.values().next();
      if (!oldest.done) this.keys.delete(oldest.value);
    }
  }
}
