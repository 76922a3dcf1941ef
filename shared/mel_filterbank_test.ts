import assert from "node:assert/strict";
import { hzToMel, MelFilterbank, melToHz } from "./mel_filterbank.ts";

Deno.test("hzToMel() and melToHz() follow the Slaney scale", () => {
  // librosa's documented values: hz_to_mel(60) = 0.9, mel_to_hz(3) = 200.
  assert.ok(Math.abs(hzToMel(60) - 0.9) < 1e-12);
  assert.ok(Math.abs(melToHz(3) - 200) < 1e-12);
  // Above 1 kHz each mel step is a constant ratio: 6.4^(1/27).
  const ratio = melToHz(31) / melToHz(30);
  assert.ok(Math.abs(ratio - 6.4 ** (1 / 27)) < 1e-12);
  for (const hz of [0, 55, 999, 1000, 4000, 7600]) {
    assert.ok(Math.abs(melToHz(hzToMel(hz)) - hz) < 1e-9);
  }
});

Deno.test("MelFilterbank builds Wav2Lip's 80 triangles between 55 and 7600 Hz", () => {
  const bank = new MelFilterbank();
  assert.equal(bank.bandCount, 80);
  assert.equal(bank.binCount, 401);
  const w = bank.weights;
  const row = (m: number) => w.subarray(m * 401, m * 401 + 401);
  // Bins are 20 Hz apart: nothing at or below 55 Hz (bins 0..2) or at or above 7600 Hz (bin 380+).
  for (let m = 0; m < 80; m++) {
    for (const k of [0, 1, 2]) assert.equal(row(m)[k], 0);
    for (let k = 380; k < 401; k++) assert.equal(row(m)[k], 0);
  }
  // Every band is a single triangle: non-zero on one run of bins, rising then falling.
  const lowMel = hzToMel(55), highMel = hzToMel(7600);
  for (let m = 0; m < 80; m++) {
    const r = row(m);
    const nonzero = [...r.keys()].filter((k) => r[k]! > 0);
    assert.ok(nonzero.length > 0, `band ${m} empty`);
    assert.equal(nonzero.at(-1)! - nonzero[0]! + 1, nonzero.length);
    // The peak sits at a bin next to the band's centre frequency.
    const centre = melToHz(lowMel + ((m + 1) * (highMel - lowMel)) / 81);
    const peak = nonzero.reduce((a, b) => (r[b]! > r[a]! ? b : a));
    assert.ok(
      Math.abs(peak * 20 - centre) <= 20,
      `band ${m} peak ${peak * 20} Hz`,
    );
  }
  // Area normalisation: a triangle of height 2/(hi − lo) has unit area, so wide bands sum to
  // ≈ 1 once multiplied by the 20 Hz bin spacing (sampling error shrinks as bands widen).
  for (let m = 40; m < 80; m++) {
    const area = row(m).reduce((a, b) => a + b, 0) * 20;
    assert.ok(Math.abs(area - 1) < 0.03, `band ${m} area ${area}`);
  }
});

Deno.test("MelFilterbank.apply() equals the dense product", () => {
  const bank = new MelFilterbank();
  const spectrum = Float64Array.from(
    { length: 401 },
    (_, k) => 1 + Math.sin(k),
  );
  const out = new Float64Array(82);
  bank.apply(spectrum, out, 2);
  for (let m = 0; m < 80; m++) {
    let want = 0;
    for (let k = 0; k < 401; k++) {
      want += bank.weights[m * 401 + k]! * spectrum[k]!;
    }
    assert.ok(Math.abs(out[m + 2]! - want) < 1e-12);
  }
  assert.equal(out[0], 0);
});
