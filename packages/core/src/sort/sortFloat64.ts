/**
 * Ascending in-place sort of a Float64Array without NaN: the one sort every column goes through (drift, KS, AUC, …).
 *
 * Large arrays use an LSD radix sort on the IEEE-754 bit patterns (four passes of 16-bit digits), which is
 * about twice as fast as V8's native `Float64Array.prototype.sort` at 10⁶–10⁷ elements and gives the same
 * order. Each double is mapped to an unsigned 64-bit key that orders like the number: flip every bit of a
 * negative number, flip only the sign bit of a positive one (Knuth, TAOCP vol. 3, §5.2.5; the float-key trick is
 * from Herf, M. (2001), "Radix tricks"). −0 sorts just before +0, as in the native sort.
 */

/** Below this length the native sort wins (the radix sort pays for four 65 536-bucket histograms). */
const RADIX_THRESHOLD = 1 << 16;

/** True on little-endian hosts, where word 2i of the Uint32 view is the low half of double i. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Sorts `values` ascending in place and returns it. Values must not be NaN (callers validate first). */
export function sortFloat64(values: Float64Array): Float64Array {
  if (values.length < RADIX_THRESHOLD || !LITTLE_ENDIAN) return values.sort();
  radixSort(values);
  return values;
}

function radixSort(values: Float64Array): void {
  const n = values.length;
  const m = 2 * n;
  const u = new Uint32Array(values.buffer, values.byteOffset, m);
  const h0 = new Uint32Array(65536);
  const h1 = new Uint32Array(65536);
  const h2 = new Uint32Array(65536);
  const h3 = new Uint32Array(65536);
  // Map to order-preserving keys and build the four digit histograms in one pass.
  for (let k = 0; k < m; k += 2) {
    let lo = u[k];
    let hi = u[k + 1];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
      u[k] = lo;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    u[k + 1] = hi;
    h0[lo & 0xffff]++;
    h1[lo >>> 16]++;
    h2[hi & 0xffff]++;
    h3[hi >>> 16]++;
  }
  let src: Uint32Array = u;
  let dst: Uint32Array = new Uint32Array(m);
  const histograms = [h0, h1, h2, h3];
  for (let pass = 0; pass < 4; pass++) {
    const h = histograms[pass];
    // Exclusive prefix sums give each digit's first output slot; a pass where one digit holds every key is a no-op.
    let sum = 0;
    let trivial = false;
    for (let d = 0; d < 65536; d++) {
      const c = h[d];
      if (c === n) trivial = true;
      h[d] = sum;
      sum += c;
    }
    if (trivial) continue;
    // One specialised loop per digit keeps the hot loop free of branches on the pass number.
    if (pass === 0) {
      for (let k = 0; k < m; k += 2) {
        const lo = src[k];
        const j = 2 * h[lo & 0xffff]++;
        dst[j] = lo;
        dst[j + 1] = src[k + 1];
      }
    } else if (pass === 1) {
      for (let k = 0; k < m; k += 2) {
        const lo = src[k];
        const j = 2 * h[lo >>> 16]++;
        dst[j] = lo;
        dst[j + 1] = src[k + 1];
      }
    } else if (pass === 2) {
      for (let k = 0; k < m; k += 2) {
        const hi = src[k + 1];
        const j = 2 * h[hi & 0xffff]++;
        dst[j] = src[k];
        dst[j + 1] = hi;
      }
    } else {
      for (let k = 0; k < m; k += 2) {
        const hi = src[k + 1];
        const j = 2 * h[hi >>> 16]++;
        dst[j] = src[k];
        dst[j + 1] = hi;
      }
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== u) u.set(src);
  // Map the keys back to doubles.
  for (let k = 0; k < m; k += 2) {
    const hi = u[k + 1];
    if (hi & 0x80000000) {
      u[k + 1] = hi & 0x7fffffff;
    } else {
      u[k + 1] = ~hi;
      u[k] = ~u[k];
    }
  }
}
