import assert from "node:assert/strict";
import { melSpectrogram } from "@lipstream/shared";
import { randomSizes, seededRandom, voiced } from "./_test_support.ts";
import { MEL_BANDS, MEL_WINDOW_VALUES, MelTimeline } from "./mel_timeline.ts";

function windows(timeline: MelTimeline, starts: number[]): Float32Array {
  const out = new Float32Array(starts.length * MEL_WINDOW_VALUES);
  starts.forEach((start, i) =>
    timeline.copyWindow(start, out, i * MEL_WINDOW_VALUES)
  );
  return out;
}

Deno.test("MelTimeline fed in random chunks equals the timeline fed whole", () => {
  const rate = 22050;
  const audio = voiced(1.3, rate);
  const whole = new MelTimeline(rate);
  whole.push(audio);
  whole.finish();
  const random = seededRandom(3);
  for (let trial = 0; trial < 3; trial++) {
    const split = new MelTimeline(rate);
    let at = 0;
    for (const size of randomSizes(audio.length, 5000, random)) {
      split.push(audio.subarray(at, at += size));
      assert.ok(split.frameCount <= whole.frameCount);
    }
    split.finish();
    assert.equal(split.frameCount, whole.frameCount);
    const starts = Array.from({ length: whole.frameCount }, (_, i) => i - 4);
    assert.deepEqual(windows(split, starts), windows(whole, starts));
  }
});

Deno.test("MelTimeline at 16 kHz holds the whole-utterance mel, frame-major", () => {
  const audio = voiced(0.5, 16000);
  const timeline = new MelTimeline(16000);
  timeline.push(audio);
  assert.equal(timeline.hasWindow(timeline.frameCount - 16), true);
  assert.equal(timeline.hasWindow(timeline.frameCount - 15), false);
  timeline.finish();
  assert.equal(timeline.hasWindow(1000), true);
  const mel = melSpectrogram(audio); // frames × bands
  const frames = mel.length / MEL_BANDS;
  assert.equal(timeline.frameCount, frames);
  // Past the end the window is the final 16 frames (Wav2Lip's reference).
  const [pastEnd, last] = [
    windows(timeline, [frames - 10]),
    windows(timeline, [frames - 16]),
  ];
  assert.deepEqual(pastEnd, last);
  const window = windows(timeline, [frames - 10, frames - 20]);
  for (let m = 0; m < MEL_BANDS; m++) {
    for (let c = 0; c < 16; c++) {
      const t = frames - 16 + c;
      const expected = mel[t * MEL_BANDS + m]!;
      assert.ok(
        Math.abs(window[m * 16 + c]! - expected) < 1e-5,
        `band ${m}, frame ${t}`,
      );
      const early = frames - 20 + c;
      assert.ok(
        Math.abs(
          window[MEL_WINDOW_VALUES + m * 16 + c]! - mel[early * MEL_BANDS + m]!,
        ) < 1e-5,
        `band ${m}, frame ${early}`,
      );
    }
  }
});

Deno.test("MelTimeline shorter than 16 frames pads before its start, like melChunkStarts", () => {
  const audio = voiced(0.05, 16000);
  const timeline = new MelTimeline(16000);
  timeline.push(audio);
  timeline.finish();
  const frames = timeline.frameCount;
  assert.ok(frames < 16);
  const mel = melSpectrogram(audio);
  const [window] = [windows(timeline, [0])];
  const pad = 16 - frames;
  for (let c = 0; c < 16; c++) {
    const expected = c < pad ? -4 : mel[(c - pad) * MEL_BANDS]!;
    assert.ok(Math.abs(window[c]! - expected) < 1e-5, `column ${c}`);
  }
});

Deno.test("MelTimeline peaks tell silence from speech and refuses audio after finish", () => {
  const timeline = new MelTimeline(16000);
  const audio = new Float32Array(16000);
  audio.set(voiced(0.5, 16000));
  timeline.push(audio);
  timeline.finish();
  assert.ok(timeline.windowPeak(10) > 0);
  assert.equal(timeline.windowPeak(60), -4);
  assert.equal(timeline.windowPeak(500), -4);
  assert.throws(() => timeline.push(new Float32Array(1)), /finished/);
});
