/**
 * Conformance of the eSpeak path (espeakPhonemes, WebAssembly eSpeak NG from
 * npm) with Debian's eSpeak NG CLI: `espeak-ng -q --ipa -v en-us <text>`.
 * Punctuation is removed from both sides (the CLI prints clauses on lines and
 * drops punctuation); differences are listed in edge/text/CONFORMANCE.md.
 */
import assert from "node:assert/strict";
import { espeakPhonemes } from "@lipstream/edge/text";

const SENTENCES = (JSON.parse(
  await Deno.readTextFile(
    new URL("fixtures/text/en_conformance.json", import.meta.url),
  ),
) as { sentences: string[] }).sentences;

async function cliPhonemes(text: string): Promise<string | undefined> {
  try {
    const { code, stdout } = await new Deno.Command("espeak-ng", {
      args: ["-q", "--ipa", "-v", "en-us", text],
      stdout: "piped",
      stderr: "null",
    }).output();
    return code === 0 ? new TextDecoder().decode(stdout) : undefined;
  } catch {
    return undefined;
  }
}

function normalize(phonemes: string): string {
  return phonemes.replace(/[,.;:!?¡¿—…"«»“”]/g, " ").replace(/\s+/g, " ")
    .trim();
}

const cliAvailable = (await cliPhonemes("a")) !== undefined;

Deno.test({
  name: "espeakPhonemes() matches the espeak-ng CLI on 34 English sentences",
  ignore: !cliAvailable,
  async fn() {
    assert.ok(SENTENCES.length >= 30);
    let matched = 0;
    const report: string[] = [];
    for (const sentence of SENTENCES) {
      const want = normalize(await cliPhonemes(sentence) ?? "");
      const got = normalize(await espeakPhonemes(sentence, "en-us"));
      if (got === want) matched++;
      else report.push(`${sentence}\n  cli  ${want}\n  wasm ${got}`);
    }
    console.log(
      `en conformance: ${matched}/${SENTENCES.length} equal to espeak-ng CLI`,
    );
    if (report.length > 0) console.log(report.join("\n"));
    assert.ok(
      matched >= SENTENCES.length - 2,
      `${matched}/${SENTENCES.length}`,
    );
  },
});

if (!cliAvailable) {
  console.warn(
    "text_en_conformance_test: espeak-ng CLI not found; conformance test skipped",
  );
}
