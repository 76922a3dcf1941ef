/**
 * Arabic numbers → Chinese readings, as cn2an's `an2cn` (default "low" mode)
 * does inside VITS-fast-fine-tuning's `number_to_chinese`, plus readings of
 * percentages, dates, clock times and a few symbols that the reference leaves
 * to be dropped.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/mandarin.py`)
 * @module
 */

const DIGITS = "零一二三四五六七八九";
const SMALL_UNITS = ["", "十", "百", "千"];
const BIG_UNITS = ["", "万", "亿", "万亿"];

function readGroup(group: string): string {
  let out = "";
  let zero = false;
  const digits = group.padStart(4, "0");
  for (let index = 0; index < 4; index++) {
    const digit = Number(digits[index]);
    if (digit === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    out += (DIGITS[digit] ?? "") + (SMALL_UNITS[3 - index] ?? "");
  }
  return out;
}

/** Reads a non-negative integer string ("10086" → 一万零八十六). */
function readInteger(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, "");
  if (/^0+$/.test(trimmed)) return "零";
  if (trimmed.length > 16) return readDigits(trimmed);
  let out = "";
  let pendingZero = false;
  const groups: string[] = [];
  for (let end = trimmed.length; end > 0; end -= 4) {
    groups.unshift(trimmed.slice(Math.max(0, end - 4), end));
  }
  groups.forEach((group, index) => {
    const unit = BIG_UNITS[groups.length - 1 - index] ?? "";
    if (Number(group) === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (out.length > 0 && (pendingZero || group.padStart(4, "0")[0] === "0")) {
      out += "零";
    }
    pendingZero = false;
    out += readGroup(group) + unit;
  });
  return out.startsWith("一十") ? out.slice(1) : out;
}

/** Reads digits one by one ("2024" → 二零二四). */
function readDigits(digits: string): string {
  return [...digits].map((digit) => DIGITS[Number(digit)] ?? "").join("");
}

/** Reads a number as cn2an does: integer part, then 点 and each decimal digit. */
function readNumber(number: string): string {
  const [integer = "0", decimals] = number.split(".");
  const head = readInteger(integer);
  return decimals === undefined ? head : `${head}点${readDigits(decimals)}`;
}

const DATE_REGEXP = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/g;
const YEAR_REGEXP = /(\d{4})年/g;
const TIME_REGEXP = /(\d{1,2})[:：](\d{2})(?![\d:])/g;
const PERCENT_REGEXP = /(-?\d+(?:\.\d+)?)\s*[%％]/g;
const NUMBER_REGEXP = /\d+(?:\.?\d+)?/g;

const SYMBOLS: [RegExp, string][] = [
  [/℃/g, "摄氏度"],
  [/[+＋]/g, "加"],
  [/[=＝]/g, "等于"],
  [/[×]/g, "乘"],
  [/[÷]/g, "除以"],
  [/&/g, "和"],
  [/(?<![\d\p{L}])-(?=\d)/gu, "负"],
];

/**
 * Replaces numbers in Chinese text with their Chinese readings: dates
 * (`2024-05-01`, `2024年5月1日`), years (`2024年` read digit by digit), clock
 * times (`10:30`), percentages (`50%` → 百分之五十), a few symbols, then every
 * other number as cn2an's `an2cn` reads it (`10086` → 一万零八十六,
 * `3.14` → 三点一四).
 *
 * @example Numbers, percentages and dates
 * ```ts
 * import { numberToChinese } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(numberToChinese("我有10086元"), "我有一万零八十六元");
 * assert.equal(numberToChinese("圆周率3.14"), "圆周率三点一四");
 * assert.equal(numberToChinese("涨了50%"), "涨了百分之五十");
 * assert.equal(numberToChinese("2024-05-01"), "二零二四年五月一日");
 * ```
 *
 * @param text Chinese text.
 * @returns The text with numbers read out.
 */
export function numberToChinese(text: string): string {
  let out = text
    .replace(
      DATE_REGEXP,
      (_, y: string, m: string, d: string) =>
        `${readDigits(y)}年${readNumber(m)}月${readNumber(d)}日`,
    )
    .replace(YEAR_REGEXP, (_, y: string) => `${readDigits(y)}年`)
    .replace(
      TIME_REGEXP,
      (_, h: string, m: string) =>
        `${readNumber(h)}点${m === "00" ? "整" : `${readNumber(m)}分`}`,
    )
    .replace(
      PERCENT_REGEXP,
      (_, n: string) =>
        n.startsWith("-")
          ? `负百分之${readNumber(n.slice(1))}`
          : `百分之${readNumber(n)}`,
    );
  for (const [regexp, reading] of SYMBOLS) out = out.replace(regexp, reading);
  return out.replace(NUMBER_REGEXP, readNumber);
}

/**
 * Replaces every number (`\d+(?:\.?\d+)?`) with cn2an's `an2cn` reading and
 * nothing else, exactly as the reference's `number_to_chinese` does before
 * every Chinese cleaner (so `2024年` is 二千零二十四年 and `%` stays), the
 * reading the voices were trained on.
 *
 * @example
 * ```ts
 * import { numberToChineseAsTrained } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(numberToChineseAsTrained("2024年涨了50%"), "二千零二十四年涨了五十%");
 * ```
 *
 * @param text Chinese text.
 * @returns The text with numbers read out.
 */
export function numberToChineseAsTrained(text: string): string {
  return text.replace(NUMBER_REGEXP, readNumber);
}
