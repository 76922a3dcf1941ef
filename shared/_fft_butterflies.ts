/**
 * Internal: one Stockham decimation-in-frequency stage per radix, used by {@linkcode ComplexFft}.
 *
 * A stage of radix `p` on sub-transforms of `span` points at `stride` reads, for `j < m = span/p`
 * and `q < stride`, the inputs `x[q + stride·(j + r·m)]` (r < p), takes their p-point DFT `b[k]`,
 * and writes `b[k]·W[j·k]` to `y[q + stride·(p·j + k)]`, where `W[j·k] = e^(−2πi·jk/span)`. Twiddles
 * sit at `twiddle[twiddleOffset + j·(p−1) + k−1]`.
 *
 * @module
 */
import type { FftBuffer } from "./fft.ts";

/** Mutable, preallocated description of one stage, so running a stage allocates nothing. */
export interface ButterflyStage {
  span: number;
  stride: number;
  srcRe: FftBuffer;
  srcIm: FftBuffer;
  dstRe: FftBuffer;
  dstIm: FftBuffer;
  twiddleRe: Float64Array;
  twiddleIm: Float64Array;
  twiddleOffset: number;
  /** Scratch of 4·p numbers for the generic radix. */
  generic: Float64Array;
}

const SIN_60 = Math.sqrt(3) / 2;
const COS_72 = Math.cos((2 * Math.PI) / 5);
const COS_144 = Math.cos((4 * Math.PI) / 5);
const SIN_72 = Math.sin((2 * Math.PI) / 5);
const SIN_144 = Math.sin((4 * Math.PI) / 5);

/** Runs one stage of the given radix. */
export function runButterflyStage(radix: number, stage: ButterflyStage): void {
  switch (radix) {
    case 2:
      return butterfly2(stage);
    case 3:
      return butterfly3(stage);
    case 4:
      return butterfly4(stage);
    case 5:
      return butterfly5(stage);
    default:
      return butterflyGeneric(radix, stage);
  }
}

function butterfly2(c: ButterflyStage): void {
  const { stride: s, srcRe: xr, srcIm: xi, dstRe: yr, dstIm: yi } = c;
  const m = c.span / 2;
  const sm = s * m;
  let t = c.twiddleOffset;
  for (let j = 0; j < m; j++, t++) {
    const wr = c.twiddleRe[t]!, wi = c.twiddleIm[t]!;
    for (let q = 0; q < s; q++) {
      const i0 = q + s * j, o = q + 2 * s * j;
      const ar = xr[i0]!, ai = xi[i0]!, br = xr[i0 + sm]!, bi = xi[i0 + sm]!;
      const dr = ar - br, di = ai - bi;
      yr[o] = ar + br;
      yi[o] = ai + bi;
      yr[o + s] = dr * wr - di * wi;
      yi[o + s] = dr * wi + di * wr;
    }
  }
}

function butterfly3(c: ButterflyStage): void {
  const { stride: s, srcRe: xr, srcIm: xi, dstRe: yr, dstIm: yi } = c;
  const { twiddleRe: wr, twiddleIm: wi } = c;
  const m = c.span / 3;
  const sm = s * m;
  let t = c.twiddleOffset;
  for (let j = 0; j < m; j++, t += 2) {
    const w1r = wr[t]!, w1i = wi[t]!, w2r = wr[t + 1]!, w2i = wi[t + 1]!;
    for (let q = 0; q < s; q++) {
      const i0 = q + s * j, i1 = i0 + sm, i2 = i1 + sm;
      const o0 = q + 3 * s * j, o1 = o0 + s, o2 = o1 + s;
      const a0r = xr[i0]!, a0i = xi[i0]!;
      const sr = xr[i1]! + xr[i2]!, si = xi[i1]! + xi[i2]!;
      const dr = (xr[i1]! - xr[i2]!) * SIN_60;
      const di = (xi[i1]! - xi[i2]!) * SIN_60;
      const hr = a0r - 0.5 * sr, hi = a0i - 0.5 * si;
      // b1 = h − i·d, b2 = h + i·d
      const b1r = hr + di, b1i = hi - dr, b2r = hr - di, b2i = hi + dr;
      yr[o0] = a0r + sr;
      yi[o0] = a0i + si;
      yr[o1] = b1r * w1r - b1i * w1i;
      yi[o1] = b1r * w1i + b1i * w1r;
      yr[o2] = b2r * w2r - b2i * w2i;
      yi[o2] = b2r * w2i + b2i * w2r;
    }
  }
}

function butterfly4(c: ButterflyStage): void {
  const { stride: s, srcRe: xr, srcIm: xi, dstRe: yr, dstIm: yi } = c;
  const { twiddleRe: wr, twiddleIm: wi } = c;
  const m = c.span / 4;
  const sm = s * m;
  let t = c.twiddleOffset;
  for (let j = 0; j < m; j++, t += 3) {
    const w1r = wr[t]!, w1i = wi[t]!, w2r = wr[t + 1]!, w2i = wi[t + 1]!;
    const w3r = wr[t + 2]!, w3i = wi[t + 2]!;
    for (let q = 0; q < s; q++) {
      const i0 = q + s * j, i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm;
      const o0 = q + 4 * s * j, o1 = o0 + s, o2 = o1 + s, o3 = o2 + s;
      const t0r = xr[i0]! + xr[i2]!, t0i = xi[i0]! + xi[i2]!;
      const t1r = xr[i0]! - xr[i2]!, t1i = xi[i0]! - xi[i2]!;
      const t2r = xr[i1]! + xr[i3]!, t2i = xi[i1]! + xi[i3]!;
      const t3r = xr[i1]! - xr[i3]!, t3i = xi[i1]! - xi[i3]!;
      // b0 = t0 + t2, b1 = t1 − i·t3, b2 = t0 − t2, b3 = t1 + i·t3
      const b1r = t1r + t3i, b1i = t1i - t3r;
      const b2r = t0r - t2r, b2i = t0i - t2i;
      const b3r = t1r - t3i, b3i = t1i + t3r;
      yr[o0] = t0r + t2r;
      yi[o0] = t0i + t2i;
      yr[o1] = b1r * w1r - b1i * w1i;
      yi[o1] = b1r * w1i + b1i * w1r;
      yr[o2] = b2r * w2r - b2i * w2i;
      yi[o2] = b2r * w2i + b2i * w2r;
      yr[o3] = b3r * w3r - b3i * w3i;
      yi[o3] = b3r * w3i + b3i * w3r;
    }
  }
}

function butterfly5(c: ButterflyStage): void {
  const { stride: s, srcRe: xr, srcIm: xi, dstRe: yr, dstIm: yi } = c;
  const { twiddleRe: wr, twiddleIm: wi } = c;
  const m = c.span / 5;
  const sm = s * m;
  let t = c.twiddleOffset;
  for (let j = 0; j < m; j++, t += 4) {
    const w1r = wr[t]!, w1i = wi[t]!, w2r = wr[t + 1]!, w2i = wi[t + 1]!;
    const w3r = wr[t + 2]!, w3i = wi[t + 2]!, w4r = wr[t + 3]!;
    const w4i = wi[t + 3]!;
    for (let q = 0; q < s; q++) {
      const i0 = q + s * j, i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm;
      const i4 = i3 + sm;
      const o0 = q + 5 * s * j, o1 = o0 + s, o2 = o1 + s, o3 = o2 + s;
      const o4 = o3 + s;
      const a0r = xr[i0]!, a0i = xi[i0]!;
      const p1r = xr[i1]! + xr[i4]!, p1i = xi[i1]! + xi[i4]!;
      const p2r = xr[i2]! + xr[i3]!, p2i = xi[i2]! + xi[i3]!;
      const d1r = xr[i1]! - xr[i4]!, d1i = xi[i1]! - xi[i4]!;
      const d2r = xr[i2]! - xr[i3]!, d2i = xi[i2]! - xi[i3]!;
      // b1,4 = a0 + c72·p1 + c144·p2 ∓ i·(s72·d1 + s144·d2)
      const e1r = a0r + COS_72 * p1r + COS_144 * p2r;
      const e1i = a0i + COS_72 * p1i + COS_144 * p2i;
      const f1r = SIN_72 * d1r + SIN_144 * d2r;
      const f1i = SIN_72 * d1i + SIN_144 * d2i;
      // b2,3 = a0 + c144·p1 + c72·p2 ∓ i·(s144·d1 − s72·d2)
      const e2r = a0r + COS_144 * p1r + COS_72 * p2r;
      const e2i = a0i + COS_144 * p1i + COS_72 * p2i;
      const f2r = SIN_144 * d1r - SIN_72 * d2r;
      const f2i = SIN_144 * d1i - SIN_72 * d2i;
      const b1r = e1r + f1i, b1i = e1i - f1r, b4r = e1r - f1i, b4i = e1i + f1r;
      const b2r = e2r + f2i, b2i = e2i - f2r, b3r = e2r - f2i, b3i = e2i + f2r;
      yr[o0] = a0r + p1r + p2r;
      yi[o0] = a0i + p1i + p2i;
      yr[o1] = b1r * w1r - b1i * w1i;
      yi[o1] = b1r * w1i + b1i * w1r;
      yr[o2] = b2r * w2r - b2i * w2i;
      yi[o2] = b2r * w2i + b2i * w2r;
      yr[o3] = b3r * w3r - b3i * w3i;
      yi[o3] = b3r * w3i + b3i * w3r;
      yr[o4] = b4r * w4r - b4i * w4i;
      yi[o4] = b4r * w4i + b4i * w4r;
    }
  }
}

/** Any prime radix `p`: a direct p-point DFT per butterfly, roots computed once per stage. */
function butterflyGeneric(p: number, c: ButterflyStage): void {
  const { stride: s, srcRe: xr, srcIm: xi, dstRe: yr, dstIm: yi } = c;
  const { twiddleRe: wr, twiddleIm: wi, generic: g } = c;
  const m = c.span / p;
  const sm = s * m;
  // g[0, p): input re; g[p, 2p): input im; g[2p, 3p): cos; g[3p, 4p): −sin of 2π·t/p.
  for (let u = 0; u < p; u++) {
    g[2 * p + u] = Math.cos((2 * Math.PI * u) / p);
    g[3 * p + u] = -Math.sin((2 * Math.PI * u) / p);
  }
  let t = c.twiddleOffset;
  for (let j = 0; j < m; j++, t += p - 1) {
    for (let q = 0; q < s; q++) {
      const i0 = q + s * j, o0 = q + p * s * j;
      for (let r = 0; r < p; r++) {
        g[r] = xr[i0 + r * sm]!;
        g[p + r] = xi[i0 + r * sm]!;
      }
      for (let k = 0; k < p; k++) {
        let br = 0, bi = 0;
        for (let r = 0, u = 0; r < p; r++, u = (u + k) % p) {
          const cr = g[2 * p + u]!, ci = g[3 * p + u]!;
          const ar = g[r]!, ai = g[p + r]!;
          br += ar * cr - ai * ci;
          bi += ar * ci + ai * cr;
        }
        if (k === 0) {
          yr[o0] = br;
          yi[o0] = bi;
        } else {
          const w1r = wr[t + k - 1]!, w1i = wi[t + k - 1]!;
          yr[o0 + k * s] = br * w1r - bi * w1i;
          yi[o0 + k * s] = br * w1i + bi * w1r;
        }
      }
    }
  }
}
