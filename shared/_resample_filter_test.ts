import assert from "node:assert/strict";
import { ResampleFilter, resampleFilterFor } from "./_resample_filter.ts";

Deno.test("resampleFilterFor() reduces the ratio and sizes the filter from the lower rate", () => {
  const cases = [
    // [fromHz, toHz, up, down, latency]: latency = ⌈64·max(1, fromHz/toHz)⌉
    [22050, 16000, 320, 441, 89],
    [16000, 22050, 441, 320, 64],
    [48000, 16000, 1, 3, 192],
    [44100, 16000, 160, 441, 177],
    [8000, 48000, 6, 1, 64],
  ] as const;
  for (const [fromHz, toHz, up, down, latency] of cases) {
    const filter = resampleFilterFor(fromHz, toHz);
    assert.equal(filter.up, up);
    assert.equal(filter.down, down);
    assert.equal(filter.latency, latency);
    assert.equal(filter.taps, 2 * latency);
    assert.equal(filter.lead, latency - 1);
    assert.equal(filter.coefficients.length, up * 2 * latency);
  }
});

Deno.test("resampleFilterFor() designs each rate pair once", () => {
  assert.equal(
    resampleFilterFor(22050, 16000),
    resampleFilterFor(22050, 16000),
  );
  assert.notEqual(
    resampleFilterFor(22050, 16000),
    resampleFilterFor(16000, 22050),
  );
});

Deno.test("ResampleFilter phases mirror each other: h(t) = h(−t)", () => {
  // Phase p's tap j is at t = p/up + lead − j; phase up − p's tap taps − 1 − j is at −t.
  const { up, taps, coefficients } = new ResampleFilter(22050, 16000);
  for (let phase = 1; phase < up; phase++) {
    for (let j = 0; j < taps; j++) {
      const a = coefficients[phase * taps + j]!;
      const b = coefficients[(up - phase) * taps + taps - 1 - j]!;
      assert.ok(Math.abs(a - b) <= 1e-7 * Math.abs(a), `${phase}, ${j}`);
    }
  }
  // Phase 0 is centred on tap `lead`: h(0) = cutoff = 0.9475937167399596 · 320/441.
  const centre = coefficients[taps / 2 - 1]!;
  assert.ok(Math.abs(centre - 0.9475937167399596 * 320 / 441) < 1e-7);
  assert.equal(
    coefficients[taps / 2 - 1 - 64],
    coefficients[taps / 2 - 1 + 64],
  );
});

Deno.test("resampleFilterFor() refuses tables larger than 2^20 coefficients", () => {
  assert.throws(
    () => resampleFilterFor(44100, 44099),
    (error: unknown) =>
      error instanceof RangeError &&
      error.message.startsWith(
        "Cannot resample from 44100 Hz to 44099 Hz: the filter would need",
      ),
  );
});
