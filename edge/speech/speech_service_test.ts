import assert from "node:assert/strict";
import { createVoice } from "../voices/voice.ts";
import type { SynthesisPlan } from "../text/synthesis_plan.ts";
import { createSpeechService } from "./speech_service.ts";

const piper = createVoice("piper-en", {
  audio: { sample_rate: 16000 },
  espeak: { voice: "en-us" },
  phoneme_type: "espeak",
  num_speakers: 2,
  speaker_id_map: { low: 0, high: 1 },
  phoneme_id_map: Object.fromEntries(
    ["_", "^", "$", " ", ...",.!?abdefhiklmnoprstuvwzæðŋɐɑɔəɛɜɪɹʃʊʌʒˈˌːθ"].map((
      c,
      i,
    ) => [c, [i]]),
  ),
});

function recordingService(delayMs = 0) {
  const plans: SynthesisPlan[] = [];
  const service = createSpeechService({
    voices: [piper],
    synthesizer: async (_voice, plan, { signal }) => {
      plans.push(plan);
      await new Promise((r) => setTimeout(r, delayMs));
      signal.throwIfAborted();
      return new Float32Array(plan.ids.length * 10);
    },
  });
  return { service, plans };
}

Deno.test("createSpeechService() lists voices with languages and speakers in id order", async () => {
  const { service } = recordingService();
  const [info] = await service.listVoices();
  assert.deepEqual(info, {
    id: "piper-en",
    kind: "piper",
    languages: ["en"],
    speakers: ["low", "high"],
    numSpeakers: 2,
    sampleRateHz: 16000,
  });
  assert.equal(await service.getVoice("nope"), undefined);
});

Deno.test("createSpeechService() speaks sentence by sentence with the request's speaker and speed", async () => {
  const { service, plans } = recordingService();
  const chunks = [];
  for await (
    const chunk of service.synthesize({
      text: "The first one. Then a second! And a third?",
      voiceId: "piper-en",
      speaker: "high",
      speed: 2,
    }, { signal: new AbortController().signal })
  ) chunks.push(chunk);
  assert.deepEqual(chunks.map((c) => c.sentenceIndex), [0, 1, 2]);
  assert.deepEqual(chunks.map((c) => c.text), [
    "The first one.",
    "Then a second!",
    "And a third?",
  ]);
  assert.ok(chunks.every((c) => c.sampleRateHz === 16000));
  assert.ok(plans.every((p) => p.speakerId === 1 && p.lengthScale === 0.5));
  assert.equal(chunks[0]!.samples.length, plans[0]!.ids.length * 10);
});

Deno.test("createSpeechService() synthesizes only as far as the consumer pulls", async () => {
  const { service, plans } = recordingService();
  const iterator = service.synthesize(
    { text: "One here. Two here. Three here.", voiceId: "piper-en" },
    { signal: new AbortController().signal },
  )[Symbol.asyncIterator]();
  await iterator.next();
  assert.equal(plans.length, 1);
  await iterator.return?.();
  assert.equal(plans.length, 1);
});

Deno.test("createSpeechService() stops at an abort and makes no further model call", async () => {
  const { service, plans } = recordingService(20);
  const controller = new AbortController();
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (
      const chunk of service.synthesize(
        { text: "One here. Two here. Three here.", voiceId: "piper-en" },
        { signal: controller.signal },
      )
    ) {
      seen.push(chunk.sentenceIndex);
      controller.abort(new DOMException("client left", "AbortError"));
    }
  }, { name: "AbortError" });
  assert.deepEqual(seen, [0]);
  assert.ok(plans.length <= 2);
});

Deno.test("createSpeechService() rejects an unknown voice or speaker with the field named", async () => {
  const { service } = recordingService();
  const signal = new AbortController().signal;
  await assert.rejects(
    () =>
      Array.fromAsync(
        service.synthesize({ text: "Hi there.", voiceId: "x" }, { signal }),
      ),
    { code: "unknown_voice" },
  );
  await assert.rejects(
    () =>
      Array.fromAsync(
        service.synthesize({
          text: "Hi there.",
          voiceId: "piper-en",
          speaker: "alto",
        }, {
          signal,
        }),
      ),
    { code: "unknown_speaker" },
  );
});
