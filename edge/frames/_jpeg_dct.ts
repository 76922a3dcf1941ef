/**
 * The forward 8×8 DCT of the JPEG encoder: the Arai–Agui–Nakajima factorisation (5 multiplies
 * per 8-point pass) with its output scale folded into the quantiser, as in IJG's float DCT.
 *
 * @see https://github.com/libjpeg-turbo/libjpeg-turbo/blob/main/src/jfdctflt.c
 * @module
 */

const AAN_SCALE = [
  1.0,
  1.387039845,
  1.306562965,
  1.175875602,
  1.0,
  0.785694958,
  0.5411961,
  0.275899379,
];

/** `1 / (q[n] · aan[row] · aan[col] · 8)` per natural index: multiply a raw AAN output by it. */
export function aanDivisors(quant: Uint8Array): Float32Array {
  return Float32Array.from(
    { length: 64 },
    (_, n) => 1 / (quant[n]! * AAN_SCALE[n >> 3]! * AAN_SCALE[n & 7]! * 8),
  );
}

/** In-place unscaled forward DCT of the 8×8 block at `offset` (natural order); rows, then columns. */
export function forwardDct(blocks: Float32Array, offset: number): void {
  for (let i = 0; i < 64; i += 8) pass(blocks, offset + i, 1);
  for (let i = 0; i < 8; i++) pass(blocks, offset + i, 8);
}

function pass(d: Float32Array, at: number, step: number): void {
  const i0 = at, i1 = at + step, i2 = at + 2 * step, i3 = at + 3 * step;
  const i4 = at + 4 * step,
    i5 = at + 5 * step,
    i6 = at + 6 * step,
    i7 = at + 7 * step;
  const s07 = d[i0]! + d[i7]!, d07 = d[i0]! - d[i7]!;
  const s16 = d[i1]! + d[i6]!, d16 = d[i1]! - d[i6]!;
  const s25 = d[i2]! + d[i5]!, d25 = d[i2]! - d[i5]!;
  const s34 = d[i3]! + d[i4]!, d34 = d[i3]! - d[i4]!;
  // Even part.
  const e0 = s07 + s34, e3 = s07 - s34, e1 = s16 + s25, e2 = s16 - s25;
  d[i0] = e0 + e1;
  d[i4] = e0 - e1;
  const z1 = (e2 + e3) * 0.707106781;
  d[i2] = e3 + z1;
  d[i6] = e3 - z1;
  // Odd part.
  const o0 = d34 + d25, o1 = d25 + d16, o2 = d16 + d07;
  const z5 = (o0 - o2) * 0.382683433;
  const z2 = 0.5411961 * o0 + z5;
  const z4 = 1.306562965 * o2 + z5;
  const z3 = o1 * 0.707106781;
  const z11 = d07 + z3, z13 = d07 - z3;
  d[i5] = z13 + z2;
  d[i3] = z13 - z2;
  d[i1] = z11 + z4;
  d[i7] = z11 - z4;
}
