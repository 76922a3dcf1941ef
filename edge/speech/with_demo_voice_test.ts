import assert from "node:assert/strict";
import { createVoice } from "../voices/voice.ts";
import { createDemoSpeechService, DEMO_VOICE_ID } from "./demo_voice.ts";
import { createEspeakNgSynthesizer } from "./espeak_ng_synthesizer.ts";
import { createSpeechService } from "./speech_service.ts";
import { withDemoVoice } from "./with_demo_voice.ts";

function piperVoice(id: string, quality: string) {
  return createVoice(id, {
    audio: { sample_rate: 16000, quality },
    espeak: { voice: "en-us" },
    phoneme_id_map: { _: [0], "^": [1], $: [2], h: [3], "ə": [4] },
  });
}

/** A stand-in model: silence as long as the ids (the demo voice is the real part here). */
const silentModel = (_voice: unknown, plan: { ids: BigInt64Array }) =>
  Promise.resolve(new Float32Array(plan.ids.length * 256));

const espeak = createEspeakNgSynthesizer();
const demo = createDemoSpeechService({ espeak });

Deno.test("withDemoVoice(): with only the fixture voice, the demo voice is listed first (the default)", async () => {
  const speech = withDemoVoice(
    createSpeechService({
      voices: [piperVoice("fixture_vits", "fixture")],
      synthesizer: silentModel,
    }),
    demo,
  );
  const voices = await speech.listVoices();
  assert.deepEqual(voices.map((v) => [v.id, v.kind, v.demo, v.fixture]), [
    [DEMO_VOICE_ID, "espeak", true, undefined],
    ["fixture_vits", "piper", undefined, true],
  ]);
});

Deno.test("withDemoVoice(): a real voice model comes before the demo voice", async () => {
  const speech = withDemoVoice(
    createSpeechService({
      voices: [
        piperVoice("fixture_vits", "fixture"),
        piperVoice("zz_real", "medium"),
      ],
      synthesizer: silentModel,
    }),
    demo,
  );
  const voices = await speech.listVoices();
  assert.deepEqual(voices.map((v) => v.id), [
    "zz_real",
    DEMO_VOICE_ID,
    "fixture_vits",
  ]);
});

Deno.test("withDemoVoice(): each request goes to the service that has its voice", async () => {
  const speech = withDemoVoice(
    createSpeechService({
      voices: [piperVoice("fixture_vits", "fixture")],
      synthesizer: silentModel,
    }),
    demo,
  );
  const signal = AbortSignal.timeout(30_000);
  const [spoken] = await Array.fromAsync(
    speech.synthesize({ text: "Hello.", voiceId: DEMO_VOICE_ID }, { signal }),
  );
  const [silent] = await Array.fromAsync(
    speech.synthesize({ text: "ha", voiceId: "fixture_vits" }, { signal }),
  );
  assert.equal(spoken!.sampleRateHz, 22050);
  assert.ok(spoken!.samples.some((sample) => Math.abs(sample) > 0.05));
  assert.equal(silent!.sampleRateHz, 16000);
  assert.ok(silent!.samples.every((sample) => sample === 0));
  assert.equal((await speech.getVoice(DEMO_VOICE_ID))?.demo, true);
  assert.equal(await speech.getVoice("nobody"), undefined);
  await assert.rejects(
    Array.fromAsync(
      speech.synthesize({ text: "Hi.", voiceId: "nobody" }, { signal }),
    ),
    /Cannot find voice 'nobody'/,
  );
});

Deno.test("withDemoVoice(): close the worker (last)", () => {
  espeak.close();
});
