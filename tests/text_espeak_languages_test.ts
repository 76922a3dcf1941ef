/**
 * Conformance of `espeakPhonemes` for non-English Piper voices (the full
 * eSpeak NG build, `@echogarden/espeak-ng-emscripten`, eSpeak NG 1.52-dev,
 * with eSpeak NG 1.51's phoneme data: edge/text/espeak_ng_full.ts) with
 * Debian's eSpeak NG 1.51 CLI, `espeak-ng -q --ipa -v <voice> <text>`.
 * Punctuation is removed from both sides (the CLI prints clauses on lines and
 * drops punctuation). Results and differences: edge/text/CONFORMANCE.md.
 *
 * Mandarin: Debian 1.51's `cmn` voice reads Chinese characters as English
 * spelled pinyin ("你" → "(en)nɪ5θɹˈiː5"), so the reference is its
 * `cmn-latn-pinyin` voice, compared on segments (tones, stress and word
 * spaces removed): 1.52 adds third-tone sandhi and word entries.
 *
 * Without the CLI the tests are skipped, unless `CI` is set: then they fail.
 */
import assert from "node:assert/strict";
import { espeakPhonemes } from "@lipstream/edge/text";

interface Case {
  /** The voice given to `espeakPhonemes` (a Piper `espeak.voice`). */
  voice: string;
  /** The Debian CLI voice used as the reference. */
  cliVoice: string;
  /** Sentences that must be equal; measured on Debian 12 (1.51+dfsg-10). */
  minimum: number;
  /** Folds both sides before comparing. */
  fold: (phonemes: string) => string;
  sentences: string[];
}

const PUNCTUATION = /[,.;:!?¡¿—…"«»“”]/g;

function normalize(phonemes: string): string {
  return phonemes.replace(PUNCTUATION, " ").replace(/\s+/g, " ").trim();
}

/** Mandarin segments: no tone numbers (eSpeak writes 1–5 and ɜ), stress or spaces. */
function mandarinSegments(phonemes: string): string {
  return phonemes.replace(/[1-5ɜˈˌ\s]/g, "");
}

const CASES: Case[] = [
  {
    voice: "de",
    cliVoice: "de",
    minimum: 8, // 1.51 phoneme data (espeak_ng_full.ts): y in fünf, Künstliche
    fold: (phonemes) => phonemes,
    sentences: [
      "Guten Morgen, wie geht es Ihnen heute?",
      "Das Wetter ist heute sehr schön.",
      "Ich möchte gerne eine Tasse Kaffee, bitte.",
      "Der schnelle braune Fuchs springt über den faulen Hund.",
      "Können Sie mir bitte den Weg zum Bahnhof zeigen?",
      "Wir fahren morgen mit dem Zug nach Berlin.",
      "Künstliche Intelligenz verändert unsere Welt.",
      "Im Jahr 2024 hatte die Stadt 35 Schulen.",
    ],
  },
  {
    voice: "fr-fr",
    cliVoice: "fr-fr",
    minimum: 8,
    fold: (phonemes) => phonemes,
    sentences: [
      "Bonjour, comment allez-vous aujourd'hui ?",
      "Il fait très beau ce matin.",
      "Je voudrais une tasse de café, s'il vous plaît.",
      "Le renard brun rapide saute par-dessus le chien paresseux.",
      "Pouvez-vous m'indiquer le chemin de la gare ?",
      "Nous partirons demain pour Paris en train.",
      "L'intelligence artificielle change notre monde.",
      "En 2024, la ville comptait 35 écoles.",
    ],
  },
  {
    voice: "es",
    cliVoice: "es",
    minimum: 8,
    fold: (phonemes) => phonemes,
    sentences: [
      "Buenos días, ¿cómo está usted hoy?",
      "Hace muy buen tiempo esta mañana.",
      "Quisiera una taza de café, por favor.",
      "El rápido zorro marrón salta sobre el perro perezoso.",
      "¿Puede indicarme el camino a la estación?",
      "Mañana viajaremos a Madrid en tren.",
      "La inteligencia artificial está cambiando el mundo.",
      "En 2024 la ciudad tenía 35 escuelas.",
    ],
  },
  {
    voice: "cmn",
    cliVoice: "cmn-latn-pinyin",
    minimum: 8,
    fold: mandarinSegments,
    sentences: [
      "你好，世界。",
      "今天天气很好。",
      "我想喝一杯咖啡。",
      "我们明天去北京。",
      "人工智能正在改变世界。",
      "请问火车站在哪里？",
      "这本书非常有意思。",
      "他今年二十五岁。",
    ],
  },
];

async function cliPhonemes(
  text: string,
  voice: string,
): Promise<string | undefined> {
  try {
    const { code, stdout } = await new Deno.Command("espeak-ng", {
      args: ["-q", "--ipa", "-v", voice, text],
      stdout: "piped",
      stderr: "null",
    }).output();
    return code === 0 ? new TextDecoder().decode(stdout) : undefined;
  } catch {
    return undefined;
  }
}

const cliAvailable = (await cliPhonemes("a", "en-us")) !== undefined;
const inCi = (Deno.env.get("CI") ?? "") !== "";

for (const testCase of CASES) {
  Deno.test({
    name:
      `espeakPhonemes(…, "${testCase.voice}") matches espeak-ng -v ${testCase.cliVoice} on ${testCase.sentences.length} sentences`,
    ignore: !cliAvailable && !inCi,
    async fn() {
      assert.ok(cliAvailable, "espeak-ng CLI is required when CI is set");
      assert.ok(testCase.sentences.length >= 5);
      let exact = 0;
      let matched = 0;
      const report: string[] = [];
      for (const sentence of testCase.sentences) {
        const cli = await cliPhonemes(sentence, testCase.cliVoice);
        assert.ok(cli !== undefined, `espeak-ng failed on ${sentence}`);
        const want = normalize(cli);
        const got = normalize(await espeakPhonemes(sentence, testCase.voice));
        assert.notEqual(got, "", sentence);
        if (got === want) exact++;
        if (testCase.fold(got) === testCase.fold(want)) matched++;
        else report.push(`${sentence}\n  cli  ${want}\n  wasm ${got}`);
      }
      console.log(
        `${testCase.voice}: ${matched}/${testCase.sentences.length} equal to espeak-ng -v ${testCase.cliVoice}` +
          ` (${exact} without folding)`,
      );
      if (report.length > 0) console.log(report.join("\n"));
      assert.ok(
        matched >= testCase.minimum,
        `${matched}/${testCase.sentences.length} < ${testCase.minimum}`,
      );
    },
  });
}

Deno.test("espeakPhonemes() rejects a voice eSpeak NG lacks, naming it", async () => {
  await assert.rejects(
    espeakPhonemes("Hallo Welt.", "xx-nope"),
    (error: unknown) =>
      error instanceof RangeError && error.message.includes("'xx-nope'"),
  );
});

if (!cliAvailable && !inCi) {
  console.warn(
    "text_espeak_languages_test: espeak-ng CLI not found; conformance tests skipped",
  );
}
