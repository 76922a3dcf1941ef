import assert from "node:assert/strict";
import { TextFrontEndError } from "../text/text_front_end_error.ts";
import type { SpeechChunk, SpeechRequest } from "../pipeline/types.ts";
import { createDemoSpeechService, DEMO_VOICE_ID } from "./demo_voice.ts";
import { createEspeakNgSynthesizer } from "./espeak_ng_synthesizer.ts";

const espeak = createEspeakNgSynthesizer();
const demo = createDemoSpeechService({ espeak });
const TIMEOUT_MS = 30_000;

async function speak(
  request: Omit<SpeechRequest, "voiceId">,
  signal = AbortSignal.timeout(TIMEOUT_MS),
): Promise<SpeechChunk[]> {
  return await Array.fromAsync(
    demo.synthesize({ voiceId: DEMO_VOICE_ID, ...request }, { signal }),
  );
}

function joined(chunks: SpeechChunk[]): Float32Array {
  const out = new Float32Array(
    chunks.reduce((n, chunk) => n + chunk.samples.length, 0),
  );
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk.samples, offset);
    offset += chunk.samples.length;
  }
  return out;
}

/** RMS of each 10 ms frame. */
function envelope(samples: Float32Array, sampleRateHz: number): Float64Array {
  const hop = Math.round(sampleRateHz / 100);
  const frames = new Float64Array(Math.floor(samples.length / hop));
  for (let f = 0; f < frames.length; f++) {
    let sum = 0;
    for (let i = f * hop; i < (f + 1) * hop; i++) sum += samples[i]! ** 2;
    frames[f] = Math.sqrt(sum / hop);
  }
  return frames;
}

/**
 * How speech-like an envelope is: its depth (std / mean) and the share of its
 * modulation energy (0.5–20 Hz) that lies at syllable rates, 2–8 Hz.
 */
function modulation(
  frames: Float64Array,
): { depth: number; syllableShare: number } {
  const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
  const std = Math.sqrt(
    frames.reduce((a, b) => a + (b - mean) ** 2, 0) / frames.length,
  );
  let band = 0;
  let total = 0;
  for (let hz = 0.5; hz <= 20; hz += 0.25) {
    let re = 0;
    let im = 0;
    for (let n = 0; n < frames.length; n++) {
      const phase = 2 * Math.PI * hz * n / 100;
      re += (frames[n]! - mean) * Math.cos(phase);
      im += (frames[n]! - mean) * Math.sin(phase);
    }
    const power = re * re + im * im;
    total += power;
    if (hz >= 2 && hz <= 8) band += power;
  }
  return { depth: std / mean, syllableShare: band / total };
}

function tone(seconds: number, envelopeHz: number): Float32Array {
  return new Float32Array(Math.round(22050 * seconds)).map((_, i) =>
    0.3 * Math.sin(2 * Math.PI * 220 * i / 22050) *
    (envelopeHz === 0
      ? 1
      : 0.5 + 0.5 * Math.sin(2 * Math.PI * envelopeHz * i / 22050))
  );
}

function isSpeechLike(samples: Float32Array, sampleRateHz: number): boolean {
  const { depth, syllableShare } = modulation(envelope(samples, sampleRateHz));
  return depth > 0.5 && syllableShare > 0.5;
}

Deno.test("isSpeechLike() (this file's check) refuses a steady tone and a slowly swelling one", () => {
  assert.equal(isSpeechLike(tone(3, 0), 22050), false);
  assert.equal(isSpeechLike(tone(3, 0.7), 22050), false);
});

Deno.test("demo voice: a sentence sounds like speech: syllable-rate envelope, plausible duration", async () => {
  const text =
    "The quick brown fox jumps over the lazy dog, and then it runs away into the forest.";
  const chunks = await speak({ text });
  const samples = joined(chunks);
  const rate = chunks[0]!.sampleRateHz;
  assert.equal(rate, 22050);
  // Measured: depth 0.83, 76 % of the modulation energy at 2–8 Hz.
  const { depth, syllableShare } = modulation(envelope(samples, rate));
  assert.ok(depth > 0.5 && syllableShare > 0.5, `${depth}, ${syllableShare}`);
  // eSpeak's nominal 175 words per minute: 5.8 s for 17 words (measured 4.5 s).
  const seconds = samples.length / rate;
  const nominal = text.split(/\s+/).length / (175 / 60);
  assert.ok(
    seconds > 0.5 * nominal && seconds < 1.5 * nominal,
    `${seconds} s for a nominal ${nominal} s`,
  );
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  assert.ok(peak > 0.1 && peak <= 1, `peak ${peak}`);
});

Deno.test("demo voice: the same text gives the same audio, another text other audio", async () => {
  const a = joined(await speak({ text: "Good morning, everyone." }));
  const b = joined(await speak({ text: "Good morning, everyone." }));
  const c = joined(await speak({ text: "Good evening, everybody." }));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("demo voice: one chunk per sentence, the first piece short", async () => {
  const chunks = await speak({
    text:
      "Hello there, nice to meet you, I hope you are well today. This is the second sentence.",
  });
  assert.deepEqual(chunks.map((chunk) => chunk.sentenceIndex), [0, 1, 2]);
  assert.ok(chunks[0]!.text!.length <= 40, chunks[0]!.text);
  assert.equal(chunks.at(-1)!.text, "This is the second sentence.");
});

Deno.test("demo voice: speed scales the speaking rate", async () => {
  const text = "One two three four five six seven eight nine ten.";
  const normal = joined(await speak({ text })).length;
  const fast = joined(await speak({ text, speed: 2 })).length;
  const slow = joined(await speak({ text, speed: 0.6 })).length;
  assert.ok(fast < 0.7 * normal, `${fast} vs ${normal}`);
  assert.ok(slow > 1.3 * normal, `${slow} vs ${normal}`);
});

Deno.test("demo voice: each language is spoken by its own eSpeak voice", async () => {
  const voice = await demo.getVoice(DEMO_VOICE_ID);
  assert.deepEqual(voice?.languages.slice(0, 2), ["en", "zh"]);
  const english = joined(await speak({ text: "Hello, Anna." }));
  const german = joined(await speak({ text: "Hello, Anna.", language: "de" }));
  const chinese = joined(await speak({ text: "你好，世界。", language: "zh" }));
  assert.notDeepEqual(english, german);
  assert.ok(isSpeechLike(chinese, 22050));
});

Deno.test("demo voice: bad requests name their field", async () => {
  const cases: [Omit<SpeechRequest, "voiceId">, string, string][] = [
    [{ text: "Hi there.", language: "xx" }, "unsupported_language", "language"],
    [{ text: "Hi there.", speed: 9 }, "invalid_option", "speed"],
    [{ text: " ?! … " }, "nothing_to_speak", "text"],
    [{ text: "a".repeat(1001) }, "text_too_long", "text"],
  ];
  for (const [request, code, field] of cases) {
    await assert.rejects(speak(request), (error: unknown) => {
      assert.ok(error instanceof TextFrontEndError);
      assert.equal(error.code, code);
      assert.equal(error.field, field);
      return true;
    });
  }
  await assert.rejects(
    Array.fromAsync(demo.synthesize(
      { text: "Hi.", voiceId: "fixture_vits" },
      { signal: AbortSignal.timeout(TIMEOUT_MS) },
    )),
    (error: unknown) =>
      error instanceof TextFrontEndError && error.field === "voice",
  );
});

Deno.test("demo voice: an abort ends the utterance at once, mid-sentence", async () => {
  const controller = new AbortController();
  const long = "This is a long sentence that goes on and on. ".repeat(8);
  const chunks = demo.synthesize(
    { text: long, voiceId: DEMO_VOICE_ID },
    { signal: controller.signal },
  )[Symbol.asyncIterator]();
  await chunks.next();
  const pending = chunks.next();
  controller.abort(new Error("client went away"));
  const started = performance.now();
  await assert.rejects(pending, /client went away/);
  // The caller does not wait for the worker to finish the sentence.
  assert.ok(performance.now() - started < 500);
  // The worker is still usable afterwards.
  assert.ok((await speak({ text: "Still here." })).length === 1);
});

Deno.test("demo voice: close the worker (last)", () => {
  espeak.close();
});
