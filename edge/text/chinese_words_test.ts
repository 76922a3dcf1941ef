import assert from "node:assert/strict";
import { numberToChinese } from "./chinese_numbers.ts";
import { jiebaWords } from "./chinese_words.ts";

const FIXTURE = JSON.parse(
  await Deno.readTextFile(
    new URL("../../tests/fixtures/text/zh_conformance.json", import.meta.url),
  ),
) as { sentences: { text: string; read: string; jieba: string[] }[] };

// tests/fixtures/text/zh_conformance.json holds Python jieba 0.42.1's words
// (jieba.lcut(text, cut_all=False)), produced independently of this code.
Deno.test("jiebaWords() equals Python jieba's words on every fixture sentence; Intl.Segmenter does not", () => {
  const icu = new Intl.Segmenter("zh", { granularity: "word" });
  let jieba = 0, intl = 0;
  for (const row of FIXTURE.sentences) {
    const text = numberToChinese(row.text);
    assert.deepEqual(jiebaWords(text), row.jieba, text);
    jieba++;
    const words = [...icu.segment(text)].map((s) => s.segment);
    if (JSON.stringify(words) === JSON.stringify(row.jieba)) intl++;
  }
  console.log(
    `segmentation equal to jieba: jieba-wasm ${jieba}/${FIXTURE.sentences.length}, Intl.Segmenter ${intl}/${FIXTURE.sentences.length}`,
  );
  assert.ok(intl < jieba);
});

Deno.test("jiebaWords() rebuilds its input, including empty and non-Chinese text", () => {
  for (
    const text of [
      "",
      "abc 123",
      "😀你好😀",
      "\u0000\ud800x",
      "我来到北京清华大学",
    ]
  ) {
    assert.equal(jiebaWords(text).join(""), text);
  }
});
