/**
 * IEEE 754 binary16 (`FP16`) and bfloat16 (`BF16`) conversion to and from JavaScript numbers.
 *
 * Tensors of these types carry raw 16-bit patterns in a `Uint16Array` (see `tensor.ts`); these
 * helpers turn them into `Float32Array`s and back. Narrowing rounds to nearest, ties to even; values
 * beyond the largest finite half overflow to ±Infinity, tiny values become subnormals or ±0, and NaN
 * stays NaN (quiet, payload truncated).
 *
 * @see https://en.wikipedia.org/wiki/Half-precision_floating-point_format
 * @see https://en.wikipedia.org/wiki/Bfloat16_floating-point_format
 * @module
 */

const scratchFloat = new Float32Array(1);
const scratchBits = new Uint32Array(scratchFloat.buffer);

/** The 32 bits of `value` rounded to binary32. */
function float32Bits(value: number): number {
  scratchFloat[0] = value;
  return scratchBits[0]!;
}

/**
 * Rounds a number to binary16 and returns its bit pattern.
 *
 * @param value Any number; it is first rounded to binary32, as a `Float32Array` would.
 * @returns The 16-bit pattern, `0 ≤ bits ≤ 0xffff`.
 * @example Round-trip of one value
 * ```ts
 * import { float16BitsToFloat32, float32ToFloat16Bits } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(float32ToFloat16Bits(1), 0x3c00);
 * assert.equal(float32ToFloat16Bits(65520), 0x7c00); // rounds up to Infinity
 * assert.equal(float16BitsToFloat32(float32ToFloat16Bits(0.1)), 0.0999755859375);
 * ```
 */
export function float32ToFloat16Bits(value: number): number {
  const bits = float32Bits(value);
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) {
    return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200 | (mantissa >>> 13));
  }
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal result: value = m · 2^-24 with m = significand >> (14 − halfExponent).
    if (halfExponent < -10) return sign;
    const significand = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    return sign | roundShift(significand, shift);
  }
  // A carry out of the mantissa correctly bumps the exponent (and 0x7bff + 1 becomes Infinity).
  return sign | roundShift((halfExponent << 23) | mantissa, 13);
}

/** `value >> shift` rounded to nearest, ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value - kept * 2 ** shift;
  const half = 2 ** (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

/**
 * The number a binary16 bit pattern encodes (exact: every half is a binary32).
 *
 * @param bits 16-bit pattern; higher bits are ignored.
 * @returns The value, including ±0, subnormals, ±Infinity and NaN.
 * @example Smallest subnormal and negative zero
 * ```ts
 * import { float16BitsToFloat32 } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(float16BitsToFloat32(0x0001), 2 ** -24);
 * assert.ok(Object.is(float16BitsToFloat32(0x8000), -0));
 * ```
 */
export function float16BitsToFloat32(bits: number): number {
  const sign = (bits & 0x8000) === 0 ? 1 : -1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mantissa) * 2 ** (exponent - 25);
}

/**
 * Rounds a number to bfloat16 (the top half of a binary32) and returns its bit pattern.
 *
 * @param value Any number; it is first rounded to binary32.
 * @returns The 16-bit pattern.
 * @example Ties round to even
 * ```ts
 * import { bfloat16BitsToFloat32, float32ToBfloat16Bits } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(float32ToBfloat16Bits(1), 0x3f80);
 * assert.equal(bfloat16BitsToFloat32(float32ToBfloat16Bits(1 + 2 ** -8)), 1); // tie → even
 * ```
 */
export function float32ToBfloat16Bits(value: number): number {
  const bits = float32Bits(value);
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0) {
    return (bits >>> 16) | 0x40;
  }
  return roundShift(bits, 16) & 0xffff;
}

/**
 * The number a bfloat16 bit pattern encodes (exact).
 *
 * @param bits 16-bit pattern; higher bits are ignored.
 * @returns The value.
 * @example One
 * ```ts
 * import { bfloat16BitsToFloat32 } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.equal(bfloat16BitsToFloat32(0x3f80), 1);
 * ```
 */
export function bfloat16BitsToFloat32(bits: number): number {
  scratchBits[0] = (bits & 0xffff) << 16;
  return scratchFloat[0]!;
}

/**
 * Converts numbers to an array of binary16 bit patterns (an `FP16` tensor's data).
 *
 * @param values Numbers to narrow.
 * @returns A new `Uint16Array` of the same length.
 * @example Encode a vector
 * ```ts
 * import { toFloat16Bits } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([...toFloat16Bits([0, 1, -2])], [0x0000, 0x3c00, 0xc000]);
 * ```
 */
export function toFloat16Bits(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = float32ToFloat16Bits(values[i]!);
  }
  return out;
}

/**
 * Widens binary16 bit patterns to a `Float32Array`.
 *
 * @param bits An `FP16` tensor's data.
 * @returns A new `Float32Array` of the same length.
 * @example Decode a vector
 * ```ts
 * import { fromFloat16Bits } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([...fromFloat16Bits(Uint16Array.of(0x3c00, 0xc000))], [1, -2]);
 * ```
 */
export function fromFloat16Bits(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < out.length; i++) out[i] = float16BitsToFloat32(bits[i]!);
  return out;
}

/**
 * Converts numbers to an array of bfloat16 bit patterns (a `BF16` tensor's data).
 *
 * @param values Numbers to narrow.
 * @returns A new `Uint16Array` of the same length.
 * @example Encode a vector
 * ```ts
 * import { toBfloat16Bits } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([...toBfloat16Bits([1, -2])], [0x3f80, 0xc000]);
 * ```
 */
export function toBfloat16Bits(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = float32ToBfloat16Bits(values[i]!);
  }
  return out;
}

/**
 * Widens bfloat16 bit patterns to a `Float32Array`.
 *
 * @param bits A `BF16` tensor's data.
 * @returns A new `Float32Array` of the same length.
 * @example Decode a vector
 * ```ts
 * import { fromBfloat16Bits } from "@lipstream/shared";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([...fromBfloat16Bits(Uint16Array.of(0x3f80, 0xc000))], [1, -2]);
 * ```
 */
export function fromBfloat16Bits(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  for (let i = 0; i < out.length; i++) out[i] = bfloat16BitsToFloat32(bits[i]!);
  return out;
}
