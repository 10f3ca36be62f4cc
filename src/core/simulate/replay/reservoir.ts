/**
 * A uniform sample of at most `capacity` values from a stream of any length (Vitter's algorithm R), with a fixed seed so
 * the same log gives the same percentiles. Exact while the stream is no longer than the capacity.
 */
export class Reservoir {
  private readonly values: Float64Array;
  private seen = 0;
  private state: number;

  constructor(
    readonly capacity = 100_000,
    seed = 0x9e3779b9,
  ) {
    this.values = new Float64Array(capacity);
    this.state = seed >>> 0 || 1;
  }

  add(value: number): void {
    if (this.seen < this.capacity) this.values[this.seen] = value;
    else {
      const slot = Math.floor(this.random() * (this.seen + 1));
      if (slot < this.capacity) this.values[slot] = value;
    }
    this.seen++;
  }

  /** Whether every value is in the sample. */
  get exact(): boolean {
    return this.seen <= this.capacity;
  }

  get count(): number {
    return this.seen;
  }

  sample(): Float64Array {
    return this.values.slice(0, Math.min(this.seen, this.capacity));
  }

  private random(): number {
    // xorshift32: enough for choosing slots, and reproducible.
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }
}
