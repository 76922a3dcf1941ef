import assert from "node:assert/strict";
import { besselI0, createKaiserWindow } from "./_kaiser.ts";

/** Relative closeness, for values computed by different but exact-in-principle methods. */
function assertClose(actual: number, expected: number, tolerance = 1e-14) {
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.abs(expected),
    `${actual} vs ${expected}`,
  );
}

Deno.test("besselI0() matches numpy.i0", () => {
  // numpy 2.4 `np.i0` (Clenshaw–Curtis Chebyshev expansion, not a power series).
  assertClose(besselI0(0), 1);
  assertClose(besselI0(1), 1.2660658777520082);
  assertClose(besselI0(5), 27.239871823604442);
  assertClose(besselI0(14.769656459379492), 271903.6406814566);
  assertClose(besselI0(-5), besselI0(5));
});

Deno.test("createKaiserWindow() matches numpy.kaiser at its sample points", () => {
  // `np.kaiser(9, 14.769656459379492)`: 9 points spanning x = −1 … 1.
  const expected = [
    3.677773484362905e-06,
    0.00832064597993649,
    0.14876007782155964,
    0.6359951250799528,
    1.0,
  ];
  const kaiser = createKaiserWindow(14.769656459379492);
  for (let i = 0; i < 9; i++) {
    assertClose(kaiser(i / 4 - 1), expected[Math.min(i, 8 - i)]!, 1e-12);
  }
});

Deno.test("createKaiserWindow() is zero outside [-1, 1]", () => {
  const kaiser = createKaiserWindow(8);
  assert.equal(kaiser(1.0000001), 0);
  assert.equal(kaiser(-2), 0);
  assert.equal(kaiser(Number.NaN), 0);
  assert.ok(kaiser(1) > 0);
});
