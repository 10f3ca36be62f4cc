// A memo with a memory bound and near-LRU eviction at the price of two Map lookups. Entries live in a young and an old
// generation; a hit in the old one moves the entry to the young one, and when the young one outgrows half the budget
// the old one is dropped whole. What is used keeps surviving; what is not is gone after two rotations.

export class TwoGenerationCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private youngWeight = 0;

  /** `maxWeight` bounds the sum of key lengths (plus a per-entry overhead) held across both generations. */
  constructor(private readonly maxWeight: number) {}

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.put(key, aged);
    }
    return aged;
  }

  set(key: string, value: V): void {
    // Keys are often slices of a large document; V8 keeps the whole parent string alive for as long as a slice is
    // referenced, so a stored key is copied into a string of its own (concatenation + substring flattens it).
    this.put(key.length >= 13 ? (' ' + key).substring(1) : key, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
    this.youngWeight = 0;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  private put(key: string, value: V): void {
    this.young.set(key, value);
    this.youngWeight += key.length + ENTRY_OVERHEAD;
    if (this.youngWeight > this.maxWeight / 2) {
      this.old = this.young;
      this.young = new Map();
      this.youngWeight = 0;
    }
  }
}

const ENTRY_OVERHEAD = 16;
