/**
 * Wav2Lip mel of 10 s of 16 kHz audio, whole and streamed. Goal: ≥ 1000× real time on one core
 * (≤ 10 ms here) and no slower than the numpy reference (`python3 scripts/mel_reference.py --bench 10`).
 */
import { MelSpectrogram, MelStream } from "@lipstream/shared";

const SECONDS = 10;
let seed = 7;
const audio = Float32Array.from({ length: SECONDS * 16000 }, (_, n) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return 0.3 * Math.sin(n / 7) * Math.sin(n / 1300) +
    0.05 * (seed / 2 ** 32 - 0.5);
});

const plan = new MelSpectrogram();
const out = new Float32Array(plan.frameCount(audio.length) * 80);
const stream = new MelStream();
const CHUNK = 320; // 20 ms

function streamAll(): void {
  for (let at = 0; at < audio.length; at += CHUNK) {
    stream.push(audio.subarray(at, at + CHUNK));
  }
  stream.flush();
}

// Let V8 tier up the shared kernel before timing; otherwise whichever bench runs first pays for it.
for (let i = 0; i < 30; i++) {
  plan.compute(audio, out);
  streamAll();
}

Deno.bench("mel 10 s, whole utterance (planned, caller buffer)", {
  group: "mel10s",
  baseline: true,
  warmup: 200,
}, () => {
  plan.compute(audio, out);
});

Deno.bench("mel 10 s, whole utterance (one-shot, plans and allocates)", {
  group: "mel10s",
  warmup: 200,
}, () => {
  new MelSpectrogram().compute(audio);
});

Deno.bench("mel 10 s, streamed in 20 ms chunks + flush", {
  group: "mel10s",
  warmup: 200,
}, streamAll);
