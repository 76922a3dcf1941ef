import assert from "node:assert/strict";
import { pypinyinDictionary } from "./pypinyin_dictionary.ts";

// Expected values are pypinyin 0.55.0's own data (`pinyin_dict.json` first
// readings, `phrases_dict.json`), in TONE3 with 5 for the neutral tone.

Deno.test("pypinyinDictionary() gives each character its first reading", () => {
  const dictionary = pypinyinDictionary();
  assert.equal(dictionary.charReading("行"), "xing2");
  assert.equal(dictionary.charReading("长"), "zhang3");
  assert.equal(dictionary.charReading("嗯"), "n2");
  assert.equal(dictionary.charReading("噷"), "hm5");
  assert.equal(dictionary.charReading("\u{20000}"), "he1");
  assert.equal(dictionary.charReading("兙"), undefined); // not in pinyin_dict
  assert.equal(dictionary.charReading("a"), undefined);
});

Deno.test("pypinyinDictionary() gives phrase readings, stored or the characters' own", () => {
  const dictionary = pypinyinDictionary();
  assert.deepEqual(dictionary.phraseReadings("意思"), ["yi4", "si5"]);
  assert.deepEqual(dictionary.phraseReadings("还给"), ["huan2", "gei3"]);
  assert.deepEqual(dictionary.phraseReadings("一点"), ["yi4", "dian3"]);
  assert.equal(dictionary.phraseReadings("奶奶"), undefined); // nai3 nai3 per character
  assert.deepEqual(dictionary.phraseReadings("银行"), ["yin2", "hang2"]);
  // stored without readings: the same as each character's own
  assert.deepEqual(dictionary.phraseReadings("一丁不识"), [
    "yi1",
    "ding1",
    "bu4",
    "shi2",
  ]);
  assert.equal(dictionary.phraseReadings("思意"), undefined);
  assert.ok(dictionary.isPhrase("中国人"));
  assert.ok(!dictionary.isPhrase("中国人民解放"));
  assert.ok(dictionary.isPhrasePrefix("中国人民解放")); // of 中国人民解放军
  assert.ok(!dictionary.isPhrasePrefix("思意"));
});
