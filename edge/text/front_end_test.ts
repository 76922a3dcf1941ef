import assert from "node:assert/strict";
import { createVoice } from "../voices/voice.ts";
import { planSynthesis } from "./front_end.ts";
import { TextFrontEndError } from "./text_front_end_error.ts";

const FIXTURES = new URL("../../tests/fixtures/text/", import.meta.url);
const CJKE = createVoice(
  "uma",
  JSON.parse(await Deno.readTextFile(new URL("cjke_config.json", FIXTURES))),
);
const PIPER = createVoice(
  "amy",
  JSON.parse(await Deno.readTextFile(new URL("en_piper.onnx.json", FIXTURES))),
);

function symbolIds(symbols: string): number[] {
  // cjke_cleaners2 symbols: "_" + ",.!?-~…" + letters (Plachtaa/VITS-fast-fine-tuning
  // `text/symbols.py`, the cjke_cleaners2 block)
  const table = [
    "_",
    ...",.!?-~…",
    ..."NQabdefghijklmnopstuvwxyzɑæʃʑçɯɪɔɛɹðəɫɥɸʊɾʒθβŋɦ⁼ʰ`^#*=ˈˌ→↓↑ ",
  ];
  return [...symbols].map((symbol) => table.indexOf(symbol));
}

function withBlanks(ids: number[]): bigint[] {
  return [0n, ...ids.flatMap((id) => [BigInt(id), 0n])];
}

Deno.test("planSynthesis() gives cjke ids for Chinese with blanks interspersed", async () => {
  const plan = await planSynthesis(CJKE, { text: "你好", language: "zh" });
  // 你 ni3 → n i ↓↑ ; 好 hao3 → x ɑʊ ↓↑ ; trailing "." added by the cleaner
  assert.equal(plan.symbols, "ni↓↑xɑʊ↓↑.");
  assert.deepEqual(symbolIds("ni↓↑xɑʊ↓↑."), [
    22,
    17,
    65,
    66,
    30,
    33,
    48,
    65,
    66,
    2,
  ]);
  assert.deepEqual(
    [...plan.ids],
    withBlanks([22, 17, 65, 66, 30, 33, 48, 65, 66, 2]),
  );
  assert.equal(plan.ids.length, 21);
  assert.equal(plan.sampleRateHz, 22050);
  assert.equal(plan.kind, "vits");
});

Deno.test("planSynthesis() uses VC_inference defaults and speed as 1/length", async () => {
  const plan = await planSynthesis(CJKE, {
    text: "你好",
    language: "zh",
    speed: 1.25,
  });
  assert.equal(plan.noiseScale, 0.667);
  assert.equal(plan.noiseW, 0.8);
  assert.equal(plan.lengthScale, 0.8);
  assert.equal(plan.speakerId, 0);
});

Deno.test("planSynthesis() picks speakers by name or id", async () => {
  const byName = await planSynthesis(CJKE, {
    text: "你好",
    language: "zh",
    speaker: "taffy",
  });
  assert.equal(byName.speakerId, 1);
  const byId = await planSynthesis(CJKE, {
    text: "你好",
    language: "zh",
    speaker: 1,
  });
  assert.equal(byId.speakerId, 1);
  const byDigits = await planSynthesis(CJKE, {
    text: "你好",
    language: "zh",
    speaker: "0",
  });
  assert.equal(byDigits.speakerId, 0);
  await assert.rejects(
    planSynthesis(CJKE, { text: "你好", language: "zh", speaker: "nobody" }),
    { code: "unknown_speaker", field: "speaker" },
  );
  await assert.rejects(
    planSynthesis(CJKE, { text: "你好", language: "zh", speaker: 2 }),
    { code: "unknown_speaker" },
  );
  await assert.rejects(
    planSynthesis(PIPER, { text: "hi", speaker: 3 }),
    { code: "unknown_speaker" },
  );
});

Deno.test("planSynthesis() honours mix marks and warns about dropped characters", async () => {
  const plan = await planSynthesis(CJKE, {
    text: "[ZH]《好》[ZH][EN]cat[EN]",
    language: "mix",
  });
  // 《 and 》 are words of their own: appended as is, while a Chinese word
  // after any text gets a space first (mandarin.py chinese_to_bopomofo);
  // neither has a symbol. cat → kæt
  assert.equal(plan.symbols, "《 xɑʊ↓↑》 kæt.");
  assert.equal(plan.warnings.length, 1);
  assert.match(
    plan.warnings[0] ?? "",
    /Dropped 2 characters.*'《' x1, '》' x1/,
  );
});

Deno.test("planSynthesis() gives Piper ids in the C++ layout with config scales", async () => {
  const plan = await planSynthesis(PIPER, { text: "Hello world!", speed: 2 });
  assert.equal(plan.symbols, "həlˈoʊ wˈɜːld!");
  // ^ _ then each phoneme followed by _ , then $ (ids from the fixture map)
  const phonemeIds = [20, 59, 24, 120, 27, 100, 3, 35, 120, 62, 122, 24, 17, 4];
  assert.deepEqual(
    [...plan.ids],
    [1n, 0n, ...phonemeIds.flatMap((id) => [BigInt(id), 0n]), 2n],
  );
  assert.equal(plan.noiseScale, 0.5);
  assert.equal(plan.lengthScale, 0.6);
  assert.equal(plan.noiseW, 0.7);
  assert.equal(plan.speakerId, undefined);
});

Deno.test("planSynthesis() refuses text with nothing to speak", async () => {
  for (const text of ["", "。。。", "😀", "《》"]) {
    await assert.rejects(
      planSynthesis(CJKE, { text, language: "zh" }),
      (error: unknown) => {
        assert.ok(error instanceof TextFrontEndError);
        assert.equal(error.code, "nothing_to_speak");
        assert.equal(error.field, "text");
        return true;
      },
      text,
    );
  }
  await assert.rejects(planSynthesis(PIPER, { text: "?!" }), {
    code: "nothing_to_speak",
  });
});

Deno.test("planSynthesis() enforces the text limit, language and options", async () => {
  await assert.rejects(
    planSynthesis(CJKE, { text: "好".repeat(11), language: "zh" }, {
      maxTextChars: 10,
    }),
    { code: "text_too_long", field: "text" },
  );
  await assert.rejects(
    planSynthesis(CJKE, { text: "好", language: "fr" }),
    { code: "unknown_language", field: "language" },
  );
  await assert.rejects(
    planSynthesis(CJKE, { text: "好", language: "zh", speed: 0 }),
    { code: "invalid_option", field: "speed" },
  );
  await assert.rejects(
    planSynthesis(CJKE, { text: "好", language: "zh", noiseScale: -1 }),
    { code: "invalid_option", field: "noiseScale" },
  );
});
