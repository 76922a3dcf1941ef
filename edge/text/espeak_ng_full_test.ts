import assert from "node:assert/strict";
import { espeakNgClauses } from "./espeak_ng_full.ts";
import { EspeakNgPhonemizer } from "./espeak_ng_phonemizer.ts";

Deno.test("espeakNgClauses() reads German with eSpeak NG 1.51's phoneme data, as Piper's eSpeak", async () => {
  // piper-phonemize 1.1.0 and Debian's espeak-ng 1.51 both write these; the
  // full build's own 1.52 data writes fˈʏnf ʃlˈʏsəl vˌʊɐdə.
  assert.deepEqual(
    await espeakNgClauses("fünf Schlüssel wurden", "de"),
    ["fˈynf ʃlˈysəl vˌ??dən"],
  );
});

Deno.test("espeakNgClauses() keeps 1.52's phoneme data for Catalan, whose table 1.52 renumbered", async () => {
  const current = await EspeakNgPhonemizer.create();
  for (const voice of ["ca", "roa/ca"]) {
    assert.deepEqual(
      await espeakNgClauses("El tren va arribar a les set", voice),
      current.clauses("El tren va arribar a les set", voice),
    );
  }
});
