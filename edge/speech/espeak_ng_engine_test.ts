import assert from "node:assert/strict";
import { createEspeakNgEngine } from "./espeak_ng_engine.ts";
import { DEMO_LANGUAGE_VOICES } from "./demo_voice.ts";
import { ESPEAK_SAMPLE_RATE_HZ } from "./espeak_ng_synthesizer.ts";

const engine = await createEspeakNgEngine();

Deno.test("createEspeakNgEngine() reports the rate the synthesizer declares", () => {
  assert.equal(engine.sampleRateHz, ESPEAK_SAMPLE_RATE_HZ);
});

Deno.test("createEspeakNgEngine() is deterministic per text and voice, whatever ran before", () => {
  const text = "The quick brown fox jumps over the lazy dog.";
  const first = engine.synthesize(text, { voice: "en-us" })!;
  engine.synthesize("Something else entirely, and longer.", { voice: "en-us" });
  engine.synthesize("Guten Tag.", { voice: "de" });
  assert.deepEqual(engine.synthesize(text, { voice: "en-us" }), first);
  const other = engine.synthesize("A different sentence.", { voice: "en-us" })!;
  assert.notDeepEqual(other, first);
  assert.notEqual(other.length, first.length);
});

Deno.test("createEspeakNgEngine() speaks faster at a higher rate, clamped to eSpeak's range", () => {
  const text = "One two three four five six seven eight nine ten.";
  const normal = engine.synthesize(text, { voice: "en-us" })!.length;
  const fast = engine.synthesize(text, { voice: "en-us", rateWpm: 350 })!
    .length;
  assert.ok(fast < 0.7 * normal, `${fast} vs ${normal} samples`);
  assert.deepEqual(
    engine.synthesize(text, { voice: "en-us", rateWpm: 10_000 }),
    engine.synthesize(text, { voice: "en-us", rateWpm: 450 }),
  );
});

Deno.test("createEspeakNgEngine() stops when asked and skips unknown voices", () => {
  const text = "This sentence would take a few seconds to say out loud.";
  const whole = engine.synthesize(text, { voice: "en-us" })!.length;
  let polls = 0;
  const stopped = engine.synthesize(text, {
    voice: "en-us",
    shouldStop: () => ++polls > 2,
  })!.length;
  assert.ok(stopped < whole / 2, `${stopped} of ${whole} samples`);
  assert.equal(engine.synthesize(text, { voice: "xx-nowhere" }), undefined);
});

Deno.test("createEspeakNgEngine() has every voice the demo voice maps a language to", () => {
  for (const [language, voice] of Object.entries(DEMO_LANGUAGE_VOICES)) {
    const samples = engine.synthesize("1 2 3", { voice });
    assert.ok(samples !== undefined, `${language}: no eSpeak voice ${voice}`);
    assert.ok(samples.length > 0.5 * ESPEAK_SAMPLE_RATE_HZ, language);
  }
});
