import assert from "node:assert/strict";
import { pinyinToBopomofo } from "./chinese_bopomofo.ts";

// Expected spellings are the standard zhuyin of each syllable (tone 1 unmarked,
// neutral tone ˙ last, as pypinyin writes them).
const CASES: [string, string][] = [
  ["ma1", "ㄇㄚ"],
  ["ma2", "ㄇㄚˊ"],
  ["ma3", "ㄇㄚˇ"],
  ["ma4", "ㄇㄚˋ"],
  ["ma0", "ㄇㄚ˙"],
  ["ma5", "ㄇㄚ˙"],
  ["zhi1", "ㄓ"],
  ["chi1", "ㄔ"],
  ["shi4", "ㄕˋ"],
  ["ri4", "ㄖˋ"],
  ["zi4", "ㄗˋ"],
  ["ci2", "ㄘˊ"],
  ["si4", "ㄙˋ"],
  ["yi1", "ㄧ"],
  ["ying1", "ㄧㄥ"],
  ["yin2", "ㄧㄣˊ"],
  ["wu3", "ㄨˇ"],
  ["wo3", "ㄨㄛˇ"],
  ["yu2", "ㄩˊ"],
  ["ju2", "ㄐㄩˊ"],
  ["que4", "ㄑㄩㄝˋ"],
  ["xuan3", "ㄒㄩㄢˇ"],
  ["jun1", "ㄐㄩㄣ"],
  ["nv3", "ㄋㄩˇ"],
  ["lve4", "ㄌㄩㄝˋ"],
  ["liu2", "ㄌㄧㄡˊ"],
  ["gui4", "ㄍㄨㄟˋ"],
  ["lun2", "ㄌㄨㄣˊ"],
  ["zhong1", "ㄓㄨㄥ"],
  ["xiong2", "ㄒㄩㄥˊ"],
  ["weng1", "ㄨㄥ"],
  ["er2", "ㄦˊ"],
  ["bo2", "ㄅㄛˊ"],
  ["ye3", "ㄧㄝˇ"],
  ["yue4", "ㄩㄝˋ"],
  ["yuan2", "ㄩㄢˊ"],
  ["yun2", "ㄩㄣˊ"],
  ["yong3", "ㄩㄥˇ"],
  ["n2", "ㄣˊ"],
  ["m2", "ㄇㄨˊ"],
  ["hm", "ㄏㄇ˙"], // 噷, pypinyin's one reading without a vowel or n/m alone
  ["兙", "兙˙"], // a Han character pypinyin has no reading for goes through as is
];

Deno.test("pinyinToBopomofo() spells each syllable in zhuyin", () => {
  for (const [pinyin, bopomofo] of CASES) {
    assert.equal(pinyinToBopomofo(pinyin), bopomofo, pinyin);
  }
});
