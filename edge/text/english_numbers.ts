/**
 * English number reading for `english_to_ipa2`, after the reference's
 * `normalize_numbers` (which uses inflect's `number_to_words`), plus
 * percentages.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/english.py`)
 * @module
 */

const ONES = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = [
  "",
  "",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
];
const SCALES = ["", " thousand", " million", " billion", " trillion"];
const ORDINAL_ENDINGS: [RegExp, string][] = [
  [/one$/, "first"],
  [/two$/, "second"],
  [/three$/, "third"],
  [/five$/, "fifth"],
  [/eight$/, "eighth"],
  [/nine$/, "ninth"],
  [/twelve$/, "twelfth"],
  [/y$/, "ieth"],
];

function readHundreds(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ONES[hundreds]} hundred`);
  if (rest >= 20) {
    const tens = TENS[Math.floor(rest / 10)] ?? "";
    parts.push(rest % 10 === 0 ? tens : `${tens}-${ONES[rest % 10]}`); // inflect hyphenates
  } else if (rest > 0 || hundreds === 0) {
    parts.push(ONES[rest] ?? "");
  }
  return parts.join(" ");
}

/** Reads a whole number in words, inflect-style with no "and" ("one thousand, two hundred"). */
export function cardinalWords(digits: string): string {
  const value = digits.replace(/^0+(?=\d)/, "");
  if (value.length > 15) {
    return [...value].map((d) => ONES[Number(d)]).join(" ");
  }
  const groups: number[] = [];
  for (let end = value.length; end > 0; end -= 3) {
    groups.unshift(Number(value.slice(Math.max(0, end - 3), end)));
  }
  if (groups.every((group) => group === 0)) return "zero";
  const parts: string[] = [];
  groups.forEach((group, index) => {
    if (group === 0) return;
    parts.push(readHundreds(group) + (SCALES[groups.length - 1 - index] ?? ""));
  });
  return parts.join(", ");
}

function ordinalWords(digits: string): string {
  const words = cardinalWords(digits);
  for (const [regexp, ending] of ORDINAL_ENDINGS) {
    if (regexp.test(words)) return words.replace(regexp, ending);
  }
  return `${words}th`;
}

/** The reference's `_expand_number`: years 1001–2999 read in pairs. */
function numberWords(digits: string): string {
  const value = Number(digits);
  if (value > 1000 && value < 3000) {
    if (value === 2000) return "two thousand";
    if (value > 2000 && value < 2010) {
      return `two thousand ${cardinalWords(String(value % 100))}`;
    }
    if (value % 100 === 0) {
      return `${cardinalWords(String(value / 100))} hundred`;
    }
    const low = value % 100;
    const lowWords = low < 10 ? `oh ${ONES[low]}` : cardinalWords(String(low));
    return `${cardinalWords(String(Math.floor(value / 100)))} ${lowWords}`;
  }
  return cardinalWords(digits);
}

function dollars(amount: string): string {
  const parts = amount.split(".");
  if (parts.length > 2) return `${amount} dollars`;
  const whole = Number(parts[0] || "0");
  const cents = Number(parts[1] || "0");
  const unit = (n: number, one: string, many: string) =>
    `${n} ${n === 1 ? one : many}`;
  if (whole && cents) {
    return `${unit(whole, "dollar", "dollars")}, ${
      unit(cents, "cent", "cents")
    }`;
  }
  if (whole) return unit(whole, "dollar", "dollars");
  if (cents) return unit(cents, "cent", "cents");
  return "zero dollars";
}

/**
 * Reads numbers in English text as words, in the reference's order: thousands
 * commas removed, `£5` → "5 pounds", `$3.50` → "3 dollars, 50 cents",
 * `3.14` → "3 point 14", ordinals, then every number (years 1001–2999 in
 * pairs). `50%` → "50 percent" is an addition. Hyphens inflect puts in
 * ("twenty-three") are spaces here, so each word is found in the dictionary.
 *
 * @example Money, decimals, ordinals and years
 * ```ts
 * import { normalizeEnglishNumbers } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(normalizeEnglishNumbers("$3.50"), "three dollars, fifty cents");
 * assert.equal(normalizeEnglishNumbers("pi is 3.14"), "pi is three point fourteen");
 * assert.equal(normalizeEnglishNumbers("the 21st of 1984"), "the twenty-first of nineteen eighty-four");
 * assert.equal(
 *   normalizeEnglishNumbers("12,345 or 50%"),
 *   "twelve thousand, three hundred forty-five or fifty percent",
 * );
 * ```
 *
 * @param text Lowercased English text.
 * @returns The text with numbers in words.
 */
export function normalizeEnglishNumbers(text: string): string {
  return text
    .replace(/([0-9][0-9,]+[0-9])/g, (match) => match.replaceAll(",", ""))
    .replace(/£([0-9,]*[0-9]+)/g, "$1 pounds")
    .replace(/\$([0-9.,]*[0-9]+)/g, (_, amount: string) => dollars(amount))
    .replace(/([0-9]+)\s*%/g, "$1 percent")
    .replace(/([0-9]+)\.([0-9]+)/g, "$1 point $2")
    .replace(
      /([0-9]+)(st|nd|rd|th)/g,
      (_, digits: string) => ordinalWords(digits),
    )
    .replace(/[0-9]+/g, numberWords);
}
