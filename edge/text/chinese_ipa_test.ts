import assert from "node:assert/strict";
import { chineseToIpa } from "./chinese_ipa.ts";

// Expected values apply mandarin.py's tables by hand: initial + final from
// `_bopomofo_to_ipa`, tone arrows (1 →, 2 ↑, 3 ↓↑, 4 ↓), then i+[aoe] → j,
// u+[aoəe] → w, ɹ` after bare zh/ch/sh/r, ɹ after bare z/c/s.

Deno.test("chineseToIpa() applies the syllable tables and tone arrows", () => {
  // 妈 ma1 = m a → ; 麻 ma2 ; 马 ma3 ; 骂 ma4 (one word each, spaces between)
  assert.equal(chineseToIpa("妈"), "ma→");
  assert.equal(chineseToIpa("骂"), "ma↓");
  // 你好 ni3 hao3: n i ↓↑ + x ɑʊ ↓↑, one word
  assert.equal(chineseToIpa("你好"), "ni↓↑xɑʊ↓↑");
});

Deno.test("chineseToIpa() adds ɹ` and ɹ to bare retroflex and dental sibilants", () => {
  // 知 zhi1 ts`⁼ + ɹ` ; 吃 chi1 ts`ʰ + ɹ` ; 日 ri4 ɹ` + ɹ` ; 字 zi4 ts⁼ + ɹ ; 四 si4 s + ɹ
  assert.equal(chineseToIpa("知"), "ts`⁼ɹ`→");
  assert.equal(chineseToIpa("吃"), "ts`ʰɹ`→");
  assert.equal(chineseToIpa("日"), "ɹ`ɹ`↓");
  assert.equal(chineseToIpa("字"), "ts⁼ɹ↓");
  assert.equal(chineseToIpa("四"), "sɹ↓");
});

Deno.test("chineseToIpa() turns i and u before a vowel into j and w", () => {
  // 家 jia1: tʃ⁼ i a → tʃ⁼ja ; 我 wo3: u o → wo ; 水 shui3: s` u eɪ → s`weɪ
  assert.equal(chineseToIpa("家"), "tʃ⁼ja→");
  assert.equal(chineseToIpa("我"), "wo↓↑");
  assert.equal(chineseToIpa("水"), "s`weɪ↓↑");
  // 学 xue2: ʃ ɥ ɛ (ɛ is not in [aoe], so no glide change) ; 远 yuan3: ɥæn
  assert.equal(chineseToIpa("学"), "ʃɥɛ↑");
  assert.equal(chineseToIpa("远"), "ɥæn↓↑");
});

Deno.test("chineseToIpa() maps Chinese punctuation and spells Latin letters", () => {
  // 好， → x ɑʊ ↓↑ , ; "AB" → ㄟˉ ㄅㄧˋ → eɪ→ p⁼i↓
  assert.equal(chineseToIpa("好，"), "xɑʊ↓↑,");
  assert.equal(chineseToIpa("AB"), "eɪ→p⁼i↓");
});

Deno.test("chineseToIpa() reads numbers first", () => {
  // 3 → 三 san1 → s an → (the ɹ rule needs s directly before a tone arrow)
  assert.equal(chineseToIpa("3"), "san→");
});

Deno.test("chineseToIpa() reads polyphones in context", () => {
  // 银行 yin2 hang2 (bank) vs 行走 xing2 zou3 (walk)
  assert.match(chineseToIpa("银行"), /xɑŋ↑/);
  assert.match(chineseToIpa("行走"), /ʃiŋ↑/);
});
