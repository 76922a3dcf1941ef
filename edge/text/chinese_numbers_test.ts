import assert from "node:assert/strict";
import { numberToChinese } from "./chinese_numbers.ts";

// Expected readings follow standard Mandarin number reading (cn2an's low mode):
// units 十百千 within groups of four, 万 and 亿 between groups, 零 for gaps,
// a leading 一十 shortened to 十.
const CASES: [string, string][] = [
  ["0", "零"],
  ["7", "七"],
  ["10", "十"],
  ["19", "十九"],
  ["20", "二十"],
  ["105", "一百零五"],
  ["110", "一百一十"],
  ["2000", "二千"],
  ["2005", "二千零五"],
  ["10001", "一万零一"],
  ["100000", "十万"],
  ["120000", "十二万"],
  ["1000000", "一百万"],
  ["100010000", "一亿零一万"],
  ["123456789", "一亿二千三百四十五万六千七百八十九"],
  ["3.14", "三点一四"],
  ["0.05", "零点零五"],
];

Deno.test("numberToChinese() reads integers and decimals like cn2an", () => {
  for (const [number, reading] of CASES) {
    assert.equal(numberToChinese(number), reading, number);
  }
});

Deno.test("numberToChinese() reads numbers inside text", () => {
  assert.equal(
    numberToChinese("我有3个苹果和12个梨"),
    "我有三个苹果和十二个梨",
  );
});

Deno.test("numberToChinese() reads dates, years, times, percentages and symbols", () => {
  assert.equal(numberToChinese("2024年5月1日"), "二零二四年五月一日");
  assert.equal(numberToChinese("2024/12/31"), "二零二四年十二月三十一日");
  assert.equal(numberToChinese("1998年"), "一九九八年");
  assert.equal(numberToChinese("10:30开会"), "十点三十分开会");
  assert.equal(numberToChinese("7:00"), "七点整");
  assert.equal(numberToChinese("增长12.5%"), "增长百分之十二点五");
  assert.equal(numberToChinese("-3℃"), "负三摄氏度");
  assert.equal(numberToChinese("1+1=2"), "一加一等于二");
});
