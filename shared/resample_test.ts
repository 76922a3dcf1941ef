import assert from "node:assert/strict";
import { resample, resampledLength } from "./resample.ts";

const PAIRS = [
  [22050, 16000],
  [16000, 22050],
  [44100, 16000],
  [48000, 16000],
  [24000, 16000],
] as const;

function tone(hz: number, rateHz: number, length: number): Float32Array {
  return Float32Array.from(
    { length },
    (_, n) => Math.sin((2 * Math.PI * hz * n) / rateHz),
  );
}

/**
 * Least-squares fit of `a·sin + b·cos` at `hz` over `samples[from, to)`; returns the amplitude
 * `√(a² + b²)` and the phase of the sine term (0 for `sin(2π·hz·n/rateHz)`).
 */
function fitTone(
  samples: Float32Array,
  { hz, rateHz, from, to }: {
    hz: number;
    rateHz: number;
    from: number;
    to: number;
  },
): { amplitude: number; phase: number } {
  let ss = 0, sc = 0, cc = 0, ys = 0, yc = 0;
  for (let n = from; n < to; n++) {
    const angle = (2 * Math.PI * hz * n) / rateHz;
    const s = Math.sin(angle), c = Math.cos(angle), y = samples[n]!;
    ss += s * s;
    sc += s * c;
    cc += c * c;
    ys += y * s;
    yc += y * c;
  }
  const det = ss * cc - sc * sc;
  const a = (ys * cc - yc * sc) / det, b = (yc * ss - ys * sc) / det;
  return { amplitude: Math.hypot(a, b), phase: Math.atan2(b, a) };
}

/** RMS of `samples[from, to)`. */
function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let n = from; n < to; n++) sum += samples[n]! ** 2;
  return Math.sqrt(sum / (to - from));
}

/** Gain in dB of a unit tone at `hz` (aliases included), measured away from the edges. */
function gainDb(hz: number, fromHz: number, toHz: number): number {
  const output = resample(tone(hz, fromHz, fromHz), { fromHz, toHz });
  const margin = Math.ceil(toHz / 20); // 50 ms, beyond the filter's reach
  return 20 *
    Math.log10(
      rms(output, margin, output.length - margin) * Math.SQRT2,
    );
}

Deno.test("resample() returns ⌈length·toHz/fromHz⌉ samples", () => {
  for (const [fromHz, toHz] of [...PAIRS, [8000, 48000], [48000, 8000]]) {
    for (const length of [0, 1, 2, 3, 440, 441, 442, 999, 22050]) {
      const expected = Number(
        (BigInt(length) * BigInt(toHz) + BigInt(fromHz - 1)) / BigInt(fromHz),
      );
      const input = new Float32Array(length);
      assert.equal(resample(input, { fromHz, toHz }).length, expected);
      assert.equal(resampledLength(length, { fromHz, toHz }), expected);
    }
  }
});

Deno.test("resample() keeps a passband tone's amplitude within 0.001 dB and its phase", () => {
  for (const [fromHz, toHz] of PAIRS) {
    const nyquist = Math.min(fromHz, toHz) / 2;
    for (const hz of [100, 1000, 0.5 * nyquist, 0.85 * nyquist]) {
      const output = resample(tone(hz, fromHz, fromHz), { fromHz, toHz });
      const margin = Math.ceil(toHz / 20);
      const { amplitude, phase } = fitTone(output, {
        hz,
        rateHz: toHz,
        from: margin,
        to: output.length - margin,
      });
      const label = `${fromHz} → ${toHz} Hz, tone ${hz} Hz`;
      assert.ok(Math.abs(20 * Math.log10(amplitude)) <= 0.001, label);
      assert.ok(Math.abs(phase) < 1e-5, `${label}: phase ${phase}`);
    }
  }
});

Deno.test("resample() attenuates tones that would alias by at least 90 dB", () => {
  for (const [fromHz, toHz] of PAIRS) {
    if (toHz > fromHz) continue;
    const nyquist = toHz / 2;
    for (let hz = 1.014 * nyquist; hz < fromHz / 2; hz += 0.1 * nyquist) {
      const db = gainDb(hz, fromHz, toHz);
      assert.ok(db <= -90, `${fromHz} → ${toHz} Hz, tone ${hz} Hz: ${db} dB`);
    }
  }
});

Deno.test("resample() attenuates the images of an upsampled tone by at least 90 dB", () => {
  // 6 kHz at 16 kHz, upsampled: what is not the 6 kHz tone is the image (10 kHz) and noise.
  const fromHz = 16000, toHz = 22050, hz = 6000;
  const output = resample(tone(hz, fromHz, fromHz), { fromHz, toHz });
  const margin = Math.ceil(toHz / 20);
  const residual = output.map((y, n) =>
    y - Math.sin((2 * Math.PI * hz * n) / toHz)
  );
  const db = 20 *
    Math.log10(rms(residual, margin, output.length - margin) * Math.SQRT2);
  assert.ok(db <= -90, `${db} dB`);
});

Deno.test("resample() has the documented transition band", () => {
  for (const [fromHz, toHz] of [[22050, 16000], [16000, 22050]] as const) {
    const nyquist = Math.min(fromHz, toHz) / 2;
    const at = (fraction: number) => gainDb(fraction * nyquist, fromHz, toHz);
    assert.ok(Math.abs(at(0.88)) < 0.001);
    assert.ok(Math.abs(at(0.9) + 0.04) < 0.01);
    assert.ok(Math.abs(at(0.937) + 3) < 0.1);
    assert.ok(Math.abs(at(0.9476) + 6) < 0.1);
  }
  assert.ok(gainDb(1.021 * 8000, 22050, 16000) < -120);
});

Deno.test("resample() has unit DC gain at every phase", () => {
  for (const [fromHz, toHz] of PAIRS) {
    const output = resample(new Float32Array(fromHz).fill(1), { fromHz, toHz });
    const margin = Math.ceil(toHz / 20);
    for (let k = margin; k < output.length - margin; k++) {
      assert.ok(Math.abs(output[k]! - 1) < 1e-6, `${fromHz} → ${toHz}: ${k}`);
    }
  }
});

Deno.test("resample() is linear-phase and centred: an impulse's response is symmetric", () => {
  // Input sample 441·20 sits exactly at output sample 320·20.
  const input = new Float32Array(22050);
  input[441 * 20] = 1;
  const output = resample(input, { fromHz: 22050, toHz: 16000 });
  const centre = 320 * 20;
  for (let k = 0; k < output.length; k++) {
    if (k !== centre) assert.ok(Math.abs(output[k]!) < output[centre]!);
  }
  for (let i = 1; i < 100; i++) {
    assert.equal(output[centre + i], output[centre - i], `offset ${i}`);
  }
  // The peak is the filter's DC-normalised centre tap: cutoff ratio ρ·320/441.
  assert.ok(Math.abs(output[centre]! - 0.9475937167399596 * 320 / 441) < 1e-6);
});

Deno.test("resample() treats the signal as zero outside its ends", () => {
  const input = tone(440, 22050, 4410);
  const padded = new Float32Array(441 * 3 + 4410 + 441 * 3);
  padded.set(input, 441 * 3);
  const a = resample(input, { fromHz: 22050, toHz: 16000 });
  const b = resample(padded, { fromHz: 22050, toHz: 16000 });
  // 3·441 input samples are exactly 3·320 output samples.
  assert.deepEqual(a, b.subarray(320 * 3, 320 * 3 + a.length));
});

Deno.test("resample() with equal rates returns a copy", () => {
  const input = Float32Array.of(0.5, -0, Number.NaN, 1e-40);
  const output = resample(input, { fromHz: 16000, toHz: 16000 });
  assert.notEqual(output, input);
  assert.deepEqual(
    new Uint32Array(output.buffer),
    new Uint32Array(input.buffer),
  );
});

Deno.test("resample() writes into options.output and returns a view of it", () => {
  const input = tone(300, 22050, 1000);
  const expected = resample(input, { fromHz: 22050, toHz: 16000 });
  const output = new Float32Array(expected.length + 5).fill(7);
  const result = resample(input, { fromHz: 22050, toHz: 16000, output });
  assert.equal(result.buffer, output.buffer);
  assert.equal(result.length, expected.length);
  assert.deepEqual(result, expected);
  assert.equal(output[expected.length], 7);
  assert.throws(
    () =>
      resample(input, {
        fromHz: 22050,
        toHz: 16000,
        output: new Float32Array(expected.length - 1),
      }),
    RangeError,
  );
});

Deno.test("resample() rejects rates that are not positive integers", () => {
  const input = new Float32Array(10);
  for (const bad of [0, -16000, 22050.5, Number.NaN, Infinity, 2 ** 53]) {
    assert.throws(
      () => resample(input, { fromHz: bad, toHz: 16000 }),
      (error: unknown) =>
        error instanceof RangeError &&
        error.message ===
          `Cannot resample: fromHz must be a positive integer: received ${bad}`,
    );
    assert.throws(
      () => resample(input, { fromHz: 16000, toHz: bad }),
      RangeError,
    );
  }
  assert.throws(() => resampledLength(-1, { fromHz: 1, toHz: 2 }), RangeError);
  assert.throws(() => resampledLength(0.5, { fromHz: 1, toHz: 2 }), RangeError);
});
