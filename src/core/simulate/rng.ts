// A small, fast, seedable generator (sfc32, from PractRand) so that the same seed gives the same simulation on every
// machine and in every host (Node, the webview). Math.random cannot be seeded.
import { buildZiggurat, TAIL_START } from './ziggurat';

const { k: K, w: W, f: F } = buildZiggurat();

export class Rng {
  // Typed arrays, not number fields: uint32 state does not fit V8's small integers, and boxed fields would allocate on
  // every draw.
  private readonly state = new Int32Array(4);

  constructor(seed: number) {
    // splitmix32 spreads any integer seed (0, 1, 2 ...) over the four words so that nearby seeds give unrelated streams.
    let s = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.state[i] = z ^ (z >>> 16);
    }
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const st = this.state;
    const a = st[0]!;
    const b = st[1]!;
    const c = st[2]!;
    const d = st[3]!;
    const t = (((a + b) | 0) + d) | 0;
    st[3] = (d + 1) | 0;
    st[0] = b ^ (b >>> 9);
    st[1] = (c + (c << 3)) | 0;
    st[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * Standard normal, by the ziggurat method. The fast path (98.8% of draws) is kept tiny so V8 inlines it into the
   * simulation loop; a double returned from a call that is not inlined costs an allocation.
   */
  normal(): number {
    const bits = this.nextUint32();
    const layer = bits & 127;
    const magnitude = (bits | 0) >> 7;
    if (Math.abs(magnitude) < K[layer]!) return magnitude * W[layer]!;
    return this.normalSlow(layer, magnitude);
  }

  /** Outside the rectangles: the base layer's tail, or a wedge under the curve; otherwise draw again. */
  private normalSlow(layer: number, magnitude: number): number {
    for (;;) {
      const x = magnitude * W[layer]!;
      if (layer === 0) return this.normalTail(magnitude < 0);
      if (F[layer]! + this.uniform() * (F[layer - 1]! - F[layer]!) < Math.exp(-0.5 * x * x)) return x;
      const bits = this.nextUint32();
      layer = bits & 127;
      magnitude = (bits | 0) >> 7;
      if (Math.abs(magnitude) < K[layer]!) return magnitude * W[layer]!;
    }
  }

  private normalTail(negative: boolean): number {
    let x: number;
    let y: number;
    do {
      x = -Math.log(1 - this.uniform()) / TAIL_START;
      y = -Math.log(1 - this.uniform());
    } while (y + y < x * x);
    return negative ? -(TAIL_START + x) : TAIL_START + x;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return p > 0 && (p >= 1 || this.uniform() < p);
  }

  /** An integer whose expectation is x: 2.3 gives 2 seven times in ten and 3 three times in ten. */
  roundStochastic(x: number): number {
    const floor = Math.floor(x);
    const fraction = x - floor;
    return fraction === 0 ? floor : floor + (this.uniform() < fraction ? 1 : 0);
  }

  /** Uniform integer in [0, n). */
  index(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}
