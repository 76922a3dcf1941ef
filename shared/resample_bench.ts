/**
 * Cost of resampling 10 s of a 22,050 Hz voice to 16 kHz: whole-buffer, and streamed in 20 ms
 * (441-sample) chunks into one reused output array. Real-time factor = time ÷ 10 s.
 */
import { resample, ResampleStream } from "@lipstream/shared";

const FROM_HZ = 22050, TO_HZ = 16000, CHUNK = 441;
const input = Float32Array.from(
  { length: 10 * FROM_HZ },
  (_, n) => 0.5 * Math.sin(n * 0.0731) + 0.2 * Math.sin(n * 1.37),
);
const whole = new Float32Array(10 * TO_HZ);

Deno.bench("resample 10 s 22050 → 16000, whole buffer", {
  group: "resample10s",
  baseline: true,
}, () => {
  resample(input, { fromHz: FROM_HZ, toHz: TO_HZ, output: whole });
});

const stream = new ResampleStream({ fromHz: FROM_HZ, toHz: TO_HZ });
const chunkOutput = new Float32Array(stream.maxOutputLength(CHUNK));
Deno.bench("resample 10 s 22050 → 16000, streamed in 20 ms chunks", {
  group: "resample10s",
}, () => {
  for (let at = 0; at < input.length; at += CHUNK) {
    stream.pushInto(input.subarray(at, at + CHUNK), chunkOutput);
  }
  stream.flushInto(chunkOutput);
});
