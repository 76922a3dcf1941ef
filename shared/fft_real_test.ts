import assert from "node:assert/strict";
import { RealFft } from "./fft_real.ts";
import { uniformNoise } from "./_mulberry32.ts";

/** Largest |error| of `got` against a float64 direct DFT of real `x`, relative to the largest bin. */
function relativeError(
  x: ArrayLike<number>,
  gotRe: ArrayLike<number>,
  gotIm: ArrayLike<number>,
): number {
  const n = x.length;
  let worst = 0, peak = 0;
  for (let k = 0; k <= n / 2; k++) {
    let sr = 0, si = 0;
    for (let t = 0; t < n; t++) {
      const angle = (-2 * Math.PI * ((k * t) % n)) / n;
      sr += x[t]! * Math.cos(angle);
      si += x[t]! * Math.sin(angle);
    }
    peak = Math.max(peak, Math.hypot(sr, si));
    worst = Math.max(worst, Math.hypot(sr - gotRe[k]!, si - gotIm[k]!));
  }
  return worst / peak;
}

for (const size of [2, 4, 16, 30, 60, 120, 240, 400, 800, 98]) {
  Deno.test(`RealFft.forward() matches a float64 DFT for size ${size}`, () => {
    const x = uniformNoise(size, size);
    const fft = new RealFft(size);
    assert.equal(fft.binCount, size / 2 + 1);
    const re = new Float64Array(fft.binCount),
      im = new Float64Array(fft.binCount);
    fft.forward(x, re, im);
    // ~1e-15 relative is float64 round-off; 1e-5 (100 dB) is the brief's budget.
    assert.ok(relativeError(x, re, im) < 1e-12);
    assert.equal(im[0], 0);
    assert.equal(im[size / 2], 0);
  });
}

Deno.test("RealFft.forward() reads float32 input", () => {
  const x = Float32Array.from(uniformNoise(800, 5));
  const re = new Float64Array(401), im = new Float64Array(401);
  new RealFft(800).forward(x, re, im);
  assert.ok(relativeError(x, re, im) < 1e-12);
});

Deno.test("RealFft rejects odd sizes and short buffers", () => {
  for (const size of [0, 1, 5, 801]) {
    assert.throws(() => new RealFft(size), RangeError);
  }
  const fft = new RealFft(16);
  assert.throws(
    () =>
      fft.forward(
        new Float64Array(15),
        new Float64Array(9),
        new Float64Array(9),
      ),
    RangeError,
  );
  assert.throws(
    () =>
      fft.forward(
        new Float64Array(16),
        new Float64Array(8),
        new Float64Array(9),
      ),
    RangeError,
  );
});
