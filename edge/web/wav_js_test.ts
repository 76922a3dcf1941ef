import assert from "node:assert/strict";
import {
  encodeWav,
  encodeWavSamples,
  encodeWavStreamHeader,
} from "@lipstream/shared";
import { importBrowserModule } from "./_browser_module.ts";
import { WAV_JS } from "./wav_js.ts";

interface WavModule {
  parseWav(bytes: Uint8Array): {
    sampleRate: number;
    channels: Float32Array[];
  };
}

const { parseWav } = await importBrowserModule<WavModule>(WAV_JS);
const SAMPLES = Float32Array.from(
  { length: 501 },
  (_, i) => 0.9 * Math.sin(i / 7),
);

function maxError(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length);
  return a.reduce((worst, x, i) => Math.max(worst, Math.abs(x - b[i]!)), 0);
}

Deno.test("parseWav() reads the edge's PCM16 and float32 WAV parts", () => {
  const pcm16 = parseWav(
    encodeWav(SAMPLES, { sampleRateHz: 22050, format: "pcm16" }),
  );
  assert.equal(pcm16.sampleRate, 22050);
  assert.equal(pcm16.channels.length, 1);
  assert.ok(maxError(pcm16.channels[0]!, SAMPLES) < 2 / 32768);
  const float32 = parseWav(
    encodeWav(SAMPLES, { sampleRateHz: 16000, format: "float32" }),
  );
  assert.equal(float32.sampleRate, 16000);
  assert.deepEqual(float32.channels[0], SAMPLES);
});

Deno.test("parseWav() reads a streamed WAV whose data size is 0xFFFFFFFF to the end", () => {
  const options = { sampleRateHz: 16000, format: "pcm16" } as const;
  const header = encodeWavStreamHeader(options);
  const body = encodeWavSamples(SAMPLES, options.format);
  const parsed = parseWav(new Uint8Array([...header, ...body]));
  assert.equal(parsed.channels[0]!.length, SAMPLES.length);
});

Deno.test("parseWav() refuses other formats and broken files", () => {
  const wav = encodeWav(SAMPLES, { sampleRateHz: 16000, format: "pcm16" });
  const eightBit = wav.slice();
  new DataView(eightBit.buffer).setUint16(34, 8, true); // bits per sample
  assert.throws(() => parseWav(eightBit), RangeError);
  assert.throws(() => parseWav(new Uint8Array(8)), SyntaxError);
  assert.throws(() => parseWav(wav.slice(0, 36)), SyntaxError);
});
