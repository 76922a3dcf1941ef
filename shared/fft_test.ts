import assert from "node:assert/strict";
import { ComplexFft } from "./fft.ts";
import { uniformNoise } from "./_mulberry32.ts";

/** Float64 direct DFT, angles reduced exactly with integer `k·n mod size`. */
function dft(re: Float64Array, im: Float64Array): [Float64Array, Float64Array] {
  const n = re.length;
  const outRe = new Float64Array(n), outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0, si = 0;
    for (let t = 0; t < n; t++) {
      const angle = (-2 * Math.PI * ((k * t) % n)) / n;
      const c = Math.cos(angle), s = Math.sin(angle);
      sr += re[t]! * c - im[t]! * s;
      si += re[t]! * s + im[t]! * c;
    }
    outRe[k] = sr;
    outIm[k] = si;
  }
  return [outRe, outIm];
}

/** Signal-to-noise ratio in dB of `got` against `want` (KISS FFT's test metric). */
function snrDb(
  wantRe: ArrayLike<number>,
  wantIm: ArrayLike<number>,
  gotRe: ArrayLike<number>,
  gotIm: ArrayLike<number>,
): number {
  let signal = 0, noisePower = 0;
  for (let k = 0; k < wantRe.length; k++) {
    signal += wantRe[k]! ** 2 + wantIm[k]! ** 2;
    noisePower += (wantRe[k]! - gotRe[k]!) ** 2 + (wantIm[k]! - gotIm[k]!) ** 2;
  }
  return 10 * Math.log10(signal / Math.max(noisePower, 1e-300));
}

const SIZES = [1, 2, 3, 4, 5, 7, 16, 49, 143, 400, 800];
for (let k = 0; k <= 5; k++) SIZES.push(15 * 2 ** k);

for (const size of SIZES) {
  Deno.test(`ComplexFft.forward() matches a float64 DFT for size ${size}`, () => {
    const re = uniformNoise(size, size), im = uniformNoise(size, size + 1000);
    const [wantRe, wantIm] = dft(re, im);
    const fft = new ComplexFft(size);
    const gotRe = new Float64Array(size), gotIm = new Float64Array(size);
    fft.forward(re, im, gotRe, gotIm);
    const snr = snrDb(wantRe, wantIm, gotRe, gotIm);
    assert.ok(snr >= 250, `SNR ${snr.toFixed(1)} dB below 250 dB`);
    // A plan is reusable: a second run on other data is as accurate.
    const re2 = uniformNoise(size, 7), im2 = uniformNoise(size, 8);
    const [want2Re, want2Im] = dft(re2, im2);
    fft.forward(re2, im2, gotRe, gotIm);
    assert.ok(snrDb(want2Re, want2Im, gotRe, gotIm) >= 250);
  });
}

Deno.test("ComplexFft.forward() accepts float32 buffers at float32 accuracy", () => {
  const size = 800;
  const re = uniformNoise(size, 3), im = uniformNoise(size, 4);
  const [wantRe, wantIm] = dft(
    Float64Array.from(Float32Array.from(re)),
    Float64Array.from(Float32Array.from(im)),
  );
  const gotRe = new Float32Array(size), gotIm = new Float32Array(size);
  new ComplexFft(size).forward(
    Float32Array.from(re),
    Float32Array.from(im),
    gotRe,
    gotIm,
  );
  assert.ok(snrDb(wantRe, wantIm, gotRe, gotIm) >= 120);
});

Deno.test("ComplexFft.forward() puts a pure tone in its own bin", () => {
  const size = 400, bin = 37;
  const re = Float64Array.from(
    { length: size },
    (_, n) => Math.cos((2 * Math.PI * bin * n) / size),
  );
  const outRe = new Float64Array(size), outIm = new Float64Array(size);
  new ComplexFft(size).forward(re, new Float64Array(size), outRe, outIm);
  for (let k = 0; k < size; k++) {
    const want = k === bin || k === size - bin ? size / 2 : 0;
    assert.ok(Math.abs(outRe[k]! - want) < 1e-9, `bin ${k}`);
    assert.ok(Math.abs(outIm[k]!) < 1e-9, `bin ${k}`);
  }
});

Deno.test("ComplexFft rejects bad sizes, short buffers and aliasing", () => {
  for (const size of [0, -4, 2.5, Number.NaN]) {
    assert.throws(() => new ComplexFft(size), RangeError);
  }
  const fft = new ComplexFft(8);
  const a = new Float64Array(8), b = new Float64Array(8);
  assert.throws(
    () => fft.forward(a, b, new Float64Array(7), new Float64Array(8)),
    RangeError,
  );
  assert.throws(() => fft.forward(a, b, a, new Float64Array(8)), TypeError);
  assert.equal(fft.size, 8);
});
