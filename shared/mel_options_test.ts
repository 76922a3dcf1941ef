import assert from "node:assert/strict";
import { resolveMelOptions, WAV2LIP_MEL_OPTIONS } from "./mel_options.ts";

Deno.test("resolveMelOptions() defaults to Wav2Lip's hparams.py", () => {
  assert.deepEqual(resolveMelOptions(), {
    sampleRateHz: 16000,
    fftSize: 800,
    hopSamples: 200,
    melBands: 80,
    fminHz: 55,
    fmaxHz: 7600,
    preemphasis: 0.97,
    minLevelDb: -100,
    refLevelDb: 20,
    maxAbsValue: 4,
  });
  assert.ok(Object.isFrozen(WAV2LIP_MEL_OPTIONS));
});

Deno.test("resolveMelOptions() rejects unusable parameters", () => {
  const bad = [
    { fftSize: 801 },
    { fftSize: 0 },
    { hopSamples: 0 },
    { melBands: 2.5 },
    { sampleRateHz: 0 },
    { fmaxHz: 8001 },
    { fminHz: 7600 },
  ];
  for (const options of bad) {
    assert.throws(
      () => resolveMelOptions(options),
      RangeError,
      JSON.stringify(options),
    );
  }
});
