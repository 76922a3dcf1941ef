import assert from "node:assert/strict";
import { runCleaner } from "./cleaners.ts";
import { TextFrontEndError } from "./text_front_end_error.ts";

Deno.test("runCleaner('cjke_cleaners2') joins spans and ends with punctuation", async () => {
  // [ZH] span + " ", [EN] span + " ", trailing space stripped, "." appended
  const result = await runCleaner("cjke_cleaners2", "[ZH]好[ZH][EN]cat[EN]");
  assert.equal(result.text, "xɑʊ↓↑ kæt.");
  const ended = await runCleaner("cjke_cleaners2", "[ZH]好！[ZH]");
  assert.equal(ended.text, "xɑʊ↓↑!");
});

Deno.test("runCleaner('cjke_cleaners2') drops unsupported spans with a warning", async () => {
  const result = await runCleaner(
    "cjke_cleaners2",
    "[JA]こんにちは[JA][ZH]好[ZH]",
  );
  assert.equal(result.text, "xɑʊ↓↑.");
  assert.deepEqual(result.warnings, [
    "Dropped a [JA] span: language not supported",
  ]);
});

Deno.test("runCleaner('chinese_cleaners_tone3') gives TONE3 pinyin", async () => {
  // 中国 zhong1 guo2 ; 的 de (neutral: no digit) ; 女 nv3
  const result = await runCleaner(
    "chinese_cleaners_tone3",
    "[ZH]中国的女孩[ZH]",
  );
  assert.equal(result.text, "zhong1 guo2 de nv3 hai2");
});

Deno.test("runCleaner('chinese_cleaners') gives bopomofo words, ending a final tone with 。", async () => {
  // jieba: 中国 / 的 / 女孩; tone 1 ˉ, neutral ˙ last (pypinyin BOPOMOFO)
  const result = await runCleaner("chinese_cleaners", "[ZH]中国的女孩[ZH]");
  assert.equal(result.text, "ㄓㄨㄥˉㄍㄨㄛˊ ㄉㄜ˙ ㄋㄩˇㄏㄞˊ。");
  const ended = await runCleaner("chinese_cleaners", "你好！");
  assert.equal(ended.text, "ㄋㄧˇㄏㄠˇ！");
  // numbers through cn2an, Latin letters spelled (case-insensitive); jieba
  // keeps 十二个 one word (reference output of the upstream cleaner)
  const mixed = await runCleaner("chinese_cleaners", "12个Ab");
  assert.equal(mixed.text, "ㄕˊㄦˋㄍㄜˋㄟˉㄅㄧˋ。");
});

Deno.test("runCleaner('english_cleaners2') phonemizes with eSpeak, keeping punctuation", async () => {
  const result = await runCleaner("english_cleaners2", "Mr. Brown, hello!");
  assert.equal(result.text, "mˈɪstɚ bɹˈaʊn, həlˈoʊ!");
});

Deno.test("runCleaner() refuses cleaners without a faithful route, naming them", async () => {
  for (const name of ["japanese_cleaners", "thai_cleaners", "klingon"]) {
    await assert.rejects(
      runCleaner(name, "x"),
      (error) =>
        error instanceof TextFrontEndError &&
        error.code === "unsupported_language" && error.message.includes(name),
    );
  }
});

Deno.test("runCleaner('zh_ja_mixture_cleaners') reads [ZH] as romaji (reference output)", async () => {
  const result = await runCleaner(
    "zh_ja_mixture_cleaners",
    "[ZH]今天是星期四，吃饭了吗？[ZH]",
  );
  assert.equal(
    result.text,
    "ʧ⁼iNN→tʰyeNN→ s`ɹ`↓ ʃiNg→ʧʰi→sɹ↓, ʦ`ʰɹ`→faNN↓ lə ma?",
  );
});

Deno.test("runCleaner('cjks_cleaners') reads [ZH] and [EN] as lazy IPA (reference output)", async () => {
  const en = await runCleaner("cjks_cleaners", "[EN]Hello, world![EN]");
  assert.equal(en.text, "he↓lou, wəɹld!");
  const zh = await runCleaner("cjks_cleaners", "[ZH]你好，我是小明。[ZH]");
  assert.equal(zh.text, "ni↓↑xau↓↑, wo↓↑ s`ɹ`↓ ʃau↓↑miŋ↑.");
});
