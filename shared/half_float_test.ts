import assert from "node:assert/strict";
import {
  bfloat16BitsToFloat32,
  float16BitsToFloat32,
  float32ToBfloat16Bits,
  float32ToFloat16Bits,
  fromBfloat16Bits,
  fromFloat16Bits,
  toBfloat16Bits,
  toFloat16Bits,
} from "./half_float.ts";

/** Next binary32 above/below a positive finite binary32 `x`. */
function nextFloat32(x: number, direction: 1 | -1): number {
  const f = Float32Array.of(x);
  const u = new Uint32Array(f.buffer);
  u[0] = u[0]! + direction;
  return f[0]!;
}

Deno.test("float16BitsToFloat32() then float32ToFloat16Bits() is the identity on all 65536 patterns", () => {
  for (let bits = 0; bits < 0x10000; bits++) {
    const value = float16BitsToFloat32(bits);
    const back = float32ToFloat16Bits(value);
    if (Number.isNaN(value)) {
      assert.equal(back & 0x7c00, 0x7c00, `NaN 0x${bits.toString(16)}`);
      assert.notEqual(back & 0x3ff, 0); // still NaN (JS numbers do not keep the sign or payload)
    } else {
      assert.equal(back, bits, `pattern 0x${bits.toString(16)}`);
    }
  }
});

Deno.test("float16BitsToFloat32() decodes the special values", () => {
  assert.equal(float16BitsToFloat32(0x7bff), 65504);
  assert.equal(float16BitsToFloat32(0x0400), 2 ** -14);
  assert.equal(float16BitsToFloat32(0x03ff), 1023 * 2 ** -24);
  assert.equal(float16BitsToFloat32(0x7c00), Infinity);
  assert.equal(float16BitsToFloat32(0xfc00), -Infinity);
  assert.ok(Number.isNaN(float16BitsToFloat32(0x7e00)));
  assert.ok(Object.is(float16BitsToFloat32(0x8000), -0));
});

Deno.test("float32ToFloat16Bits() rounds midpoints to even and neighbours to nearest", () => {
  for (let bits = 0; bits < 0x7bff; bits++) {
    const low = float16BitsToFloat32(bits),
      high = float16BitsToFloat32(bits + 1);
    const mid = (low + high) / 2; // exact in binary32: a half has 11 significant bits
    const even = bits % 2 === 0 ? bits : bits + 1;
    assert.equal(
      float32ToFloat16Bits(mid),
      even,
      `midpoint above 0x${bits.toString(16)}`,
    );
    assert.equal(float32ToFloat16Bits(-mid), 0x8000 | even);
    if (mid > 0 && bits > 0) {
      assert.equal(float32ToFloat16Bits(nextFloat32(mid, -1)), bits);
      assert.equal(float32ToFloat16Bits(nextFloat32(mid, 1)), bits + 1);
    }
  }
});

Deno.test("float32ToFloat16Bits() overflows to Infinity and underflows to zero", () => {
  assert.equal(float32ToFloat16Bits(65504), 0x7bff);
  assert.equal(float32ToFloat16Bits(65519.99), 0x7bff);
  assert.equal(float32ToFloat16Bits(65520), 0x7c00);
  assert.equal(float32ToFloat16Bits(1e10), 0x7c00);
  assert.equal(float32ToFloat16Bits(-1e10), 0xfc00);
  assert.equal(float32ToFloat16Bits(Infinity), 0x7c00);
  assert.equal(float32ToFloat16Bits(2 ** -25), 0x0000); // tie with 0 → even
  assert.equal(float32ToFloat16Bits(nextFloat32(2 ** -25, 1)), 0x0001);
  assert.equal(float32ToFloat16Bits(2 ** -26), 0x0000);
  assert.equal(float32ToFloat16Bits(-(2 ** -30)), 0x8000);
  assert.equal(float32ToFloat16Bits(1e-45), 0x0000);
  const nan = float32ToFloat16Bits(NaN);
  assert.ok(Number.isNaN(float16BitsToFloat32(nan)));
});

Deno.test("float32ToBfloat16Bits() keeps the top half, rounding to nearest even", () => {
  assert.equal(float32ToBfloat16Bits(0), 0);
  assert.equal(float32ToBfloat16Bits(-0), 0x8000);
  assert.equal(float32ToBfloat16Bits(Infinity), 0x7f80);
  assert.equal(float32ToBfloat16Bits(-Infinity), 0xff80);
  assert.equal(float32ToBfloat16Bits(3.4028234663852886e38), 0x7f80); // rounds to Infinity
  assert.ok(Number.isNaN(bfloat16BitsToFloat32(float32ToBfloat16Bits(NaN))));
  // 1 + 3·2^-8 lies midway between 1 + 2^-7 (odd) and 1 + 2^-6 (even): goes up.
  assert.equal(float32ToBfloat16Bits(1 + 3 * 2 ** -8), 0x3f82);
  assert.equal(float32ToBfloat16Bits(1 + 2 ** -8 + 2 ** -20), 0x3f81);
  // The smallest subnormal bfloat16.
  assert.equal(bfloat16BitsToFloat32(0x0001), 2 ** -133);
  for (let bits = 0; bits < 0x10000; bits += 7) {
    const value = bfloat16BitsToFloat32(bits);
    if (!Number.isNaN(value)) assert.equal(float32ToBfloat16Bits(value), bits);
  }
});

Deno.test("toFloat16Bits() and friends convert whole arrays", () => {
  const values = Float32Array.of(0.5, -3, 1000, 0);
  assert.deepEqual(fromFloat16Bits(toFloat16Bits(values)), values);
  assert.deepEqual(fromBfloat16Bits(toBfloat16Bits(values)), values);
  assert.equal(toFloat16Bits([]).length, 0);
});
