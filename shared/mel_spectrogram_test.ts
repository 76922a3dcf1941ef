import assert from "node:assert/strict";
import { MelFilterbank } from "./mel_filterbank.ts";
import { MelSpectrogram, melSpectrogram } from "./mel_spectrogram.ts";

/** Deterministic test audio: a few tones plus noise, in [−0.9, 0.9]. */
function testAudio(length: number): Float32Array {
  let seed = 99;
  return Float32Array.from({ length }, (_, n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const noise = (seed / 2 ** 32 - 0.5) * 0.2;
    return 0.4 * Math.sin((2 * Math.PI * 440 * n) / 16000) +
      0.2 * Math.sin((2 * Math.PI * 3100 * n) / 16000) + noise;
  });
}

/**
 * One mel frame straight from Wav2Lip's `audio.melspectrogram` (with librosa 0.7.0's `stft`
 * defaults) with a direct DFT (no FFT, no shared helpers except the
 * filterbank, tested on its own): pre-emphasis, reflect padding by 400, periodic Hann, |DFT|, mel,
 * dB, symmetric normalisation.
 */
function specFrame(x: Float32Array, t: number, bank: MelFilterbank): number[] {
  const n = x.length;
  const y = (j: number) => (j < 0 ? 0 : x[j]! - 0.97 * (j > 0 ? x[j - 1]! : 0));
  const magnitude: number[] = [];
  for (let k = 0; k <= 400; k++) {
    let re = 0, im = 0;
    for (let i = 0; i < 800; i++) {
      let j = 200 * t + i - 400;
      if (j < 0) j = -j;
      if (j >= n) j = 2 * (n - 1) - j;
      const v = y(j) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / 800));
      const angle = (-2 * Math.PI * ((k * i) % 800)) / 800;
      re += v * Math.cos(angle);
      im += v * Math.sin(angle);
    }
    magnitude.push(Math.hypot(re, im));
  }
  return Array.from({ length: 80 }, (_, m) => {
    let energy = 0;
    for (let k = 0; k <= 400; k++) {
      energy += bank.weights[m * 401 + k]! * magnitude[k]!;
    }
    const s = 20 * Math.log10(Math.max(1e-5, energy)) - 20;
    return Math.min(4, Math.max(-4, 0.08 * s + 4));
  });
}

Deno.test("melSpectrogram() matches a direct-DFT transcription of the spec at edges and middle", () => {
  const x = testAudio(4321);
  const mel = melSpectrogram(x);
  const frames = 1 + Math.floor(4321 / 200);
  assert.equal(mel.length, frames * 80);
  const bank = new MelFilterbank();
  for (const t of [0, 1, 2, 11, frames - 3, frames - 2, frames - 1]) {
    const want = specFrame(x, t, bank);
    for (let m = 0; m < 80; m++) {
      assert.ok(
        Math.abs(mel[t * 80 + m]! - want[m]!) < 1e-5,
        `frame ${t} band ${m}`,
      );
    }
  }
});

Deno.test("melSpectrogram() has 1 + floor(N/200) frames and maps silence to -4", () => {
  for (const n of [1, 199, 200, 401, 16000, 52800]) {
    const mel = melSpectrogram(new Float32Array(n));
    assert.equal(mel.length, (1 + Math.floor(n / 200)) * 80);
    assert.ok(mel.every((v) => v === -4));
  }
  assert.equal(melSpectrogram(new Float32Array(0)).length, 0);
});

Deno.test("melSpectrogram() puts a 1 kHz tone in the band centred nearest 1 kHz", () => {
  const tone = Float32Array.from(
    { length: 8000 },
    (_, n) => 0.5 * Math.sin((2 * Math.PI * 1000 * n) / 16000),
  );
  const mel = melSpectrogram(tone);
  const frame = mel.subarray(20 * 80, 21 * 80);
  const loudest = frame.indexOf(Math.max(...frame));
  // Centres are 80 points evenly spaced in Slaney mel from mel(55) to mel(7600); 1 kHz is mel 15.
  const low = 55 / (200 / 3),
    high = 15 + Math.log(7600 / 1000) / (Math.log(6.4) / 27);
  const nearest = Math.round((15 - low) / ((high - low) / 81)) - 1;
  assert.ok(
    Math.abs(loudest - nearest) <= 1,
    `loudest band ${loudest}, expected ~${nearest}`,
  );
  assert.ok(frame.every((v) => v >= -4 && v <= 4));
});

Deno.test("MelSpectrogram.compute() writes into a caller buffer and checks its size", () => {
  const plan = new MelSpectrogram();
  const x = testAudio(1000);
  const out = new Float32Array(6 * 80 + 5);
  assert.equal(plan.compute(x, out), out);
  assert.deepEqual(out.subarray(0, 480), melSpectrogram(x));
  assert.throws(() => plan.compute(x, new Float32Array(479)), RangeError);
  assert.equal(plan.frameCount(1000), 6);
  assert.equal(plan.options.hopSamples, 200);
});

Deno.test("melSpectrogram() honours other hop sizes", () => {
  const mel = melSpectrogram(testAudio(3200), { hopSamples: 160 });
  assert.equal(mel.length, 21 * 80);
});
