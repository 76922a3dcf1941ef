/**
 * Why `fft.ts` is a hand-written mixed-radix FFT: the 800-point real transform of Wav2Lip's STFT
 * against the alternatives — a planned direct DFT (cos/sin table, O(n²)) and the least a Bluestein
 * transform could cost (its two 2048-point complex FFTs, before the chirp multiplies).
 */
import { ComplexFft, RealFft } from "@lipstream/shared";

const N = 800;
const input = Float64Array.from(
  { length: N },
  (_, n) => Math.sin(n * 0.37) + 0.1 * Math.cos(n * 2.1),
);
const re = new Float64Array(N / 2 + 1), im = new Float64Array(N / 2 + 1);

const real = new RealFft(N);
Deno.bench("RealFft 800 (400-point complex + split)", {
  group: "fft800",
  baseline: true,
}, () => {
  real.forward(input, re, im);
});

const complex = new ComplexFft(N);
const zeros = new Float64Array(N),
  fullRe = new Float64Array(N),
  fullIm = new Float64Array(N);
Deno.bench("ComplexFft 800 on real input", { group: "fft800" }, () => {
  complex.forward(input, zeros, fullRe, fullIm);
});

const cosTable = new Float64Array((N / 2 + 1) * N),
  sinTable = new Float64Array((N / 2 + 1) * N);
for (let k = 0; k <= N / 2; k++) {
  for (let n = 0; n < N; n++) {
    const angle = (-2 * Math.PI * ((k * n) % N)) / N;
    cosTable[k * N + n] = Math.cos(angle);
    sinTable[k * N + n] = Math.sin(angle);
  }
}
Deno.bench("planned direct DFT 800 → 401 bins", { group: "fft800" }, () => {
  for (let k = 0, row = 0; k <= N / 2; k++, row += N) {
    let sr = 0, si = 0;
    for (let n = 0; n < N; n++) {
      sr += input[n]! * cosTable[row + n]!;
      si += input[n]! * sinTable[row + n]!;
    }
    re[k] = sr;
    im[k] = si;
  }
});

const pow2 = new ComplexFft(2048);
const bRe = new Float64Array(2048), bIm = new Float64Array(2048);
const cRe = new Float64Array(2048), cIm = new Float64Array(2048);
Deno.bench(
  "Bluestein lower bound: 2 × ComplexFft 2048",
  { group: "fft800" },
  () => {
    pow2.forward(bRe, bIm, cRe, cIm);
    pow2.forward(cRe, cIm, bRe, bIm);
  },
);
