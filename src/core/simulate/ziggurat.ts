// Tables for Marsaglia & Tsang's ziggurat normal sampler (128 layers): most draws cost one 32-bit integer, a table
// lookup and a multiply, with no log, sqrt or exp. Layer index and magnitude come from different bits of the draw, which
// avoids the original's correlation between them (Doornik 2005).

export const LAYERS = 128;
/** x-coordinate where the base layer's tail starts. */
export const TAIL_START = 3.442619855899;
/** Magnitude bits: a draw gives 7 layer bits and a signed 25-bit magnitude. */
export const SCALE = 16777216; // 2^24

export interface ZigguratTables {
  /** Integer bound below which a magnitude lies inside the layer's rectangle. */
  k: Float64Array;
  /** Magnitude → x. */
  w: Float64Array;
  /** Density at each layer's edge. */
  f: Float64Array;
}

export function buildZiggurat(): ZigguratTables {
  const k = new Float64Array(LAYERS);
  const w = new Float64Array(LAYERS);
  const f = new Float64Array(LAYERS);
  const area = 9.91256303526217e-3;
  let dn = TAIL_START;
  let tn = dn;
  const q = area / Math.exp(-0.5 * dn * dn);
  k[0] = (dn / q) * SCALE;
  k[1] = 0;
  w[0] = q / SCALE;
  w[LAYERS - 1] = dn / SCALE;
  f[0] = 1;
  f[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(area / dn + Math.exp(-0.5 * dn * dn)));
    k[i + 1] = (dn / tn) * SCALE;
    tn = dn;
    f[i] = Math.exp(-0.5 * dn * dn);
    w[i] = dn / SCALE;
  }
  return { k, w, f };
}
