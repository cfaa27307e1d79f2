/**
 * Elementary functions that give the same bits on every JavaScript engine.
 *
 * ECMAScript leaves Math.log, exp, pow, sin, cos, atan2, sinh, asinh, hypot ... to the
 * implementation, and engines do change them: Node 20 and workerd (V8 with fdlibm ports)
 * differ from Chromium 156 in 3 to 18 % of Math.exp / log / atan2 / sin results, by an
 * ulp. A content-addressed result must be the same bytes everywhere, so the core computes
 * these functions itself with IEEE-754 basic operations (+ - * /, Math.sqrt: correctly
 * rounded by the standard) and exact bit manipulation only.
 *
 * log, exp, atan, atan2, sin, cos follow fdlibm (Sun Microsystems, 1993: e_log.c, e_exp.c,
 * s_atan.c, e_atan2.c, k_sin.c, k_cos.c, e_rem_pio2.c), error < 1 ulp. sin and cos reduce
 * their argument with a three-part pi/2 (exact for |x| < 2^19 pi/2) and refuse larger ones.
 * asinh and sinh are the textbook formulas on top (used for grids, where a few ulp are fine).
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Word order of the platform (every JS engine in practice is little-endian, but be exact).
const HI = (() => {
  f64[0] = 1;
  return u32[1] === 0x3ff00000 ? 1 : 0;
})();
const LO = 1 - HI;

/** The double with high word `hi` and low word `lo`. */
function fromWords(hi: number, lo: number): number {
  u32[HI] = hi >>> 0;
  u32[LO] = lo >>> 0;
  return f64[0];
}

/**
 * POW2[k + 1074] = 2^k for k = -1074..1023, by exact halving and doubling. Scaling by a table
 * entry replaces writing an exponent into a double's high word, which costs a store-forwarding
 * stall (a 4-byte store read back as 8 bytes) on every call.
 */
const POW2 = (() => {
  const t = new Float64Array(2098);
  t[1074] = 1;
  for (let k = 1; k <= 1023; k++) t[1074 + k] = t[1073 + k] * 2;
  for (let k = 1; k <= 1074; k++) t[1074 - k] = t[1075 - k] * 0.5;
  return t;
})();

/** High 32 bits of x as a signed integer (sign, exponent, top of the mantissa). */
function highWord(x: number): number {
  f64[0] = x;
  return u32[HI] | 0;
}

// ---------------------------------------------------------------------------------------
// log (e_log.c)

const ln2_hi = fromWords(0x3fe62e42, 0xfee00000);
const ln2_lo = fromWords(0x3dea39ef, 0x35793c76);
const two54 = fromWords(0x43500000, 0x00000000);
const Lg1 = fromWords(0x3fe55555, 0x55555593);
const Lg2 = fromWords(0x3fd99999, 0x9997fa04);
const Lg3 = fromWords(0x3fd24924, 0x94229359);
const Lg4 = fromWords(0x3fcc71c5, 0x1d8e78af);
const Lg5 = fromWords(0x3fc74664, 0x96cb03de);
const Lg6 = fromWords(0x3fc39a09, 0xd078c69f);
const Lg7 = fromWords(0x3fc2f112, 0xdf3e5244);

/** Natural logarithm. */
export function log(x: number): number {
  f64[0] = x;
  let hx = u32[HI] | 0;
  const lx = u32[LO];
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= two54;
    f64[0] = x;
    hx = u32[HI] | 0;
  }
  if (hx >= 0x7ff00000) return x + x; // Inf or NaN
  const e = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  // normalise x to [sqrt(2)/2, sqrt(2)): fdlibm sets the exponent field; x * 2^-en is the
  // same double (exact), without the word store
  const en = e + (i0 >> 20);
  x *= POW2[1074 - en];
  k += en;
  const f = x - 1.0;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * ln2_hi + dk * ln2_lo;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : dk * ln2_hi - (R - dk * ln2_lo - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0
      ? f - (hfsq - s * (hfsq + R))
      : dk * ln2_hi - (hfsq - (s * (hfsq + R) + dk * ln2_lo) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * ln2_hi - (s * (f - R) - dk * ln2_lo - f);
}

// ---------------------------------------------------------------------------------------
// exp (e_exp.c)

const o_threshold = 7.09782712893383973096e2;
const u_threshold = -7.45133219101941108420e2;
const invln2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const twom1000 = POW2[1074 - 1000];

/** e^x. */
export function exp(x: number): number {
  const hx0 = highWord(x);
  const xsb = (hx0 >>> 31) & 1; // sign of x
  const hx = hx0 & 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (x !== x) return x + x;
    if (hx >= 0x7ff00000) return xsb === 0 ? x : 0; // exp(+-inf) = inf, 0
    if (x > o_threshold) return Infinity;
    if (x < u_threshold) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: argument reduction x = k ln2 + r, |r| <= 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5 ln2
      hi = xsb === 0 ? x - ln2_hi : x + ln2_hi;
      lo = xsb === 0 ? ln2_lo : -ln2_lo;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(invln2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * ln2_hi;
      lo = k * ln2_lo;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  // y * 2^k, exactly (a power of two): fdlibm adds k to y's exponent; 2^1024 itself is not
  // a double, and a subnormal 2^k would round, so those go in two steps
  if (k > 1023) return y * 2 * POW2[1074 + k - 1];
  if (k >= -1021) return y * POW2[1074 + k];
  return y * POW2[1074 + k + 1000] * twom1000;
}

// ---------------------------------------------------------------------------------------
// atan, atan2 (s_atan.c, e_atan2.c)

const atanhi = [4.63647609000806093515e-1, 7.85398163397448278999e-1, 9.82793723247329054082e-1, 1.57079632679489655800];
const atanlo = [2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17, 6.12323399573676603587e-17];
const aT = [
  3.33333333333329318027e-1, -1.99999999998764832476e-1, 1.42857142725034663711e-1, -1.11111104054623557880e-1,
  9.09088713343650656196e-2, -7.69187620504482999495e-2, 6.66107313738753120669e-2, -5.83357013379057348645e-2,
  4.97687799461593236017e-2, -3.65315727442169155270e-2, 1.62858201153657823623e-2,
];

/** Arc tangent, in [-pi/2, pi/2]. */
export function atan(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix >= 0x44100000) {
    // |x| >= 2^66 (or NaN)
    if (x !== x) return x + x;
    return hx > 0 ? atanhi[3] + atanlo[3] : -atanhi[3] - atanlo[3];
  }
  let id: number;
  if (ix < 0x3fdc0000) {
    // |x| < 0.4375
    if (ix < 0x3e200000) return x; // |x| < 2^-29
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      // |x| < 1.1875
      if (ix < 0x3fe60000) {
        id = 0; // 7/16 <= |x| < 11/16
        x = (2.0 * x - 1.0) / (2.0 + x);
      } else {
        id = 1; // 11/16 <= |x| < 19/16
        x = (x - 1.0) / (x + 1.0);
      }
    } else if (ix < 0x40038000) {
      id = 2; // |x| < 2.4375
      x = (x - 1.5) / (1.0 + 1.5 * x);
    } else {
      id = 3; // 2.4375 <= |x| < 2^66
      x = -1.0 / x;
    }
  }
  const z = x * x;
  const w = z * z;
  const s1 = z * (aT[0] + w * (aT[2] + w * (aT[4] + w * (aT[6] + w * (aT[8] + w * aT[10])))));
  const s2 = w * (aT[1] + w * (aT[3] + w * (aT[5] + w * (aT[7] + w * aT[9]))));
  if (id < 0) return x - x * (s1 + s2);
  const r = atanhi[id] - (x * (s1 + s2) - atanlo[id] - x);
  return hx < 0 ? -r : r;
}

const pi = 3.1415926535897931160;
const pi_o_2 = 1.5707963267948965580;
const pi_o_4 = 7.8539816339744827900e-1;
const pi_lo = 1.2246467991473531772e-16;

/** Angle of the point (x, y), in [-pi, pi]. */
export function atan2(y: number, x: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === 1) return atan(y);
  const hx = highWord(x);
  const hy = highWord(y);
  let m = ((hy >>> 31) & 1) | ((hx >>> 30) & 2); // 2 sign(x) + sign(y)
  if (y === 0) {
    if (m <= 1) return y; // atan(+-0, +anything) = +-0
    return m === 2 ? pi : -pi; // atan(+-0, -anything) = +-pi
  }
  if (x === 0) return hy < 0 ? -pi_o_2 : pi_o_2;
  if (x === Infinity || x === -Infinity) {
    if (y === Infinity || y === -Infinity) {
      const r = x > 0 ? pi_o_4 : 3.0 * pi_o_4;
      return hy < 0 ? -r : r;
    }
    const r = x > 0 ? 0 : pi;
    return hy < 0 ? -r : r;
  }
  if (y === Infinity || y === -Infinity) return hy < 0 ? -pi_o_2 : pi_o_2;
  const k = ((hy & 0x7fffffff) - (hx & 0x7fffffff)) >> 20; // ~ difference of exponents
  let z: number;
  if (k > 60) {
    z = pi_o_2 + 0.5 * pi_lo; // |y/x| > 2^60
    m &= 1;
  } else if (hx < 0 && k < -60) {
    z = 0; // 0 > |y|/x > -2^-60
  } else {
    z = atan(Math.abs(y / x));
  }
  switch (m) {
    case 0:
      return z;
    case 1:
      return -z;
    case 2:
      return pi - (z - pi_lo);
    default:
      return z - pi_lo - pi;
  }
}

// ---------------------------------------------------------------------------------------
// sin, cos (k_sin.c, k_cos.c, the medium branch of e_rem_pio2.c)

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin(x + y) for |x| <= pi/4, y the tail of x (`tail` false: y = 0, fdlibm's iy = 0). */
function kernelSin(x: number, y: number, tail: boolean): number {
  if ((highWord(x) & 0x7fffffff) < 0x3e400000) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!tail) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** cos(x + y) for |x| <= pi/4, y the tail of x. */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // ~x/4, exact
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const invpio2 = 6.36619772367581382433e-1;
const pio2_1 = 1.57079632673412561417; // first 33 bits of pi/2
const pio2_1t = 6.07710050650619224932e-11; // pi/2 - pio2_1
const pio2_2 = 6.07710050630396597660e-11; // second 33 bits
const pio2_2t = 2.02226624879595063154e-21;
const pio2_3 = 2.02226624871116645580e-21; // third 33 bits
const pio2_3t = 8.47842766036889956997e-32;
const EXTRA_ROUNDS = [
  [pio2_2, pio2_2t, 16],
  [pio2_3, pio2_3t, 49],
] as const;

/** x = n pi/2 + (y0 + y1), |y0 + y1| <= pi/4; returns n (reduction buffer in `red`). */
const red = new Float64Array(2);
function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix > 0x413921fb) throw new RangeError(`sin/cos: |x| = ${Math.abs(x)} is beyond 2^19 pi/2`);
  const t = Math.abs(x);
  const n = Math.trunc(t * invpio2 + 0.5);
  let r = t - n * pio2_1;
  let w = n * pio2_1t; // 1st round, good to 85 bits
  const j = ix >> 20;
  let y0 = r - w;
  let i = j - ((highWord(y0) >> 20) & 0x7ff); // bits cancelled so far
  // 2nd round (118 bits) if more than 16 bits cancelled, 3rd (151 bits) if more than 49
  for (const [part, tail, cancelled] of EXTRA_ROUNDS) {
    if (i <= cancelled) break;
    const t0 = r;
    w = n * part;
    r = t0 - w;
    w = n * tail - (t0 - r - w);
    y0 = r - w;
    i = j - ((highWord(y0) >> 20) & 0x7ff);
  }
  const y1 = r - y0 - w;
  if (hx < 0) {
    red[0] = -y0;
    red[1] = -y1;
    return -n;
  }
  red[0] = y0;
  red[1] = y1;
  return n;
}

/** sin of the reduced argument in quadrant q (x = q pi/2 + red[0] + red[1]). */
function quadrant(q: number): number {
  switch (q & 3) {
    case 0:
      return kernelSin(red[0], red[1], true);
    case 1:
      return kernelCos(red[0], red[1]);
    case 2:
      return -kernelSin(red[0], red[1], true);
    default:
      return -kernelCos(red[0], red[1]);
  }
}

/** Sine, for |x| <= 2^19 pi/2. */
export function sin(x: number): number {
  if ((highWord(x) & 0x7fffffff) <= 0x3fe921fb) return kernelSin(x, 0, false); // |x| <= pi/4
  if (!Number.isFinite(x)) return NaN;
  return quadrant(remPio2(x));
}

/** Cosine, for |x| <= 2^19 pi/2: cos x = sin(x + pi/2), one quadrant on. */
export function cos(x: number): number {
  if ((highWord(x) & 0x7fffffff) <= 0x3fe921fb) return kernelCos(x, 0);
  if (!Number.isFinite(x)) return NaN;
  return quadrant(remPio2(x) + 1);
}

// ---------------------------------------------------------------------------------------
// Textbook compositions

/** Inverse hyperbolic sine, odd: log(|x| + sqrt(x^2 + 1)) (relative error a few ulp). */
export function asinh(x: number): number {
  const a = Math.abs(x);
  const r = a > 1e150 ? log(a) + ln2_hi + ln2_lo : log(a + Math.sqrt(a * a + 1));
  return x < 0 ? -r : r;
}

/** Hyperbolic sine (exp(x) - exp(-x)) / 2 (absolute error ~1e-16 near 0). */
export function sinh(x: number): number {
  return 0.5 * (exp(x) - exp(-x));
}
