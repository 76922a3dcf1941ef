/**
 * eSpeak NG synthesis time per sentence, on the calling thread (the engine the
 * demo voice's worker runs): `deno task bench:micro edge/speech/espeak_ng_bench.ts`.
 *
 * @module
 */
import { createEspeakNgEngine } from "./espeak_ng_engine.ts";

const engine = await createEspeakNgEngine();
const SHORT = "Hello there, nice to meet you.";
const LONG =
  "The quick brown fox jumps over the lazy dog, and then it runs away into the forest, far from the farm.";
engine.synthesize(SHORT, { voice: "en-us" });

Deno.bench(
  "eSpeak NG: a 30-character first piece (6 words)",
  () => {
    engine.synthesize(SHORT, { voice: "en-us" });
  },
);

Deno.bench("eSpeak NG: a 100-character sentence (20 words)", () => {
  engine.synthesize(LONG, { voice: "en-us" });
});
