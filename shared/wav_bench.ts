/**
 * WAV encode and decode of 10 s of 22,050 Hz mono (a long VITS utterance). Goal: each at most
 * 2 ms (≥ 5000× real time on one core), so the container never shows next to the models.
 * Large-buffer allocation makes the mean noisy; compare medians or p75.
 */
import { decodeWavMono, encodeWav } from "@lipstream/shared";

const RATE_HZ = 22050;
const samples = Float32Array.from(
  { length: 10 * RATE_HZ },
  (_, n) => 0.5 * Math.sin(n / 7) * Math.sin(n / 1300),
);
const float32Wav = encodeWav(samples, {
  sampleRateHz: RATE_HZ,
  format: "float32",
});
const pcm16Wav = encodeWav(samples, { sampleRateHz: RATE_HZ, format: "pcm16" });

// Let V8 tier up every path before timing; otherwise whichever bench runs first pays for it.
for (let i = 0; i < 50; i++) {
  encodeWav(samples, { sampleRateHz: RATE_HZ, format: "float32" });
  encodeWav(samples, { sampleRateHz: RATE_HZ, format: "pcm16" });
  decodeWavMono(float32Wav);
  decodeWavMono(pcm16Wav);
}

Deno.bench(
  "encode float32, 10 s at 22050 Hz",
  { group: "encode", warmup: 100 },
  () => {
    encodeWav(samples, { sampleRateHz: RATE_HZ, format: "float32" });
  },
);

Deno.bench(
  "encode pcm16, 10 s at 22050 Hz",
  { group: "encode", warmup: 100 },
  () => {
    encodeWav(samples, { sampleRateHz: RATE_HZ, format: "pcm16" });
  },
);

Deno.bench(
  "decode float32, 10 s at 22050 Hz",
  { group: "decode", warmup: 100 },
  () => {
    decodeWavMono(float32Wav);
  },
);

Deno.bench(
  "decode pcm16, 10 s at 22050 Hz",
  { group: "decode", warmup: 100 },
  () => {
    decodeWavMono(pcm16Wav);
  },
);
