import assert from "node:assert/strict";
import { firstLipFrameWindow } from "./first_window.ts";

// By hand: the 16th mel frame (index 15, hop 200, FFT 800) is emitted once input sample
// 15·200 + 400 − 1 = 3399 has arrived, so 3400 samples at 16 kHz; the resampler holds back
// half its filter (89 input samples for 22050 → 16000, none for equal rates).

Deno.test("firstLipFrameWindow: at 16 kHz, the 3400 samples the 16th mel frame needs (14 frames of 256)", () => {
  assert.equal(firstLipFrameWindow(16000), 14);
});

Deno.test("firstLipFrameWindow: at 22050 Hz, 3400 · 22050/16000 plus the resampler's 89 held samples (19 frames)", () => {
  assert.equal(firstLipFrameWindow(22050), 19);
});

Deno.test("firstLipFrameWindow: the window grows with the rate and shrinks with the hop", () => {
  assert.ok(firstLipFrameWindow(44100) > firstLipFrameWindow(22050));
  assert.ok(firstLipFrameWindow(44100, 512) < firstLipFrameWindow(44100));
  assert.equal(firstLipFrameWindow(22050), firstLipFrameWindow(22050)); // cached
});
