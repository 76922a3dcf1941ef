/**
 * English number reading for `english_to_ipa2`, after the reference's
 * `normalize_numbers` (which uses inflect 7.6's `number_to_words`).
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
/** inflect's `mill`; a longer number makes inflect raise, we read its digits. */
const SCALES = [
  "",
  " thousand",
  " million",
  " billion",
  " trillion",
  " quadrillion",
  " quintillion",
  " sextillion",
  " septillion",
  " octillion",
  " nonillion",
  " decillion",
];
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

function readHundreds(value: number, and: string): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ONES[hundreds]} hundred${rest ? and : ""}`);
  if (rest >= 20) {
    const tens = TENS[Math.floor(rest / 10)] ?? "";
    parts.push(rest % 10 === 0 ? tens : `${tens}-${ONES[rest % 10]}`); // inflect hyphenates
  } else if (rest > 0 || hundreds === 0) {
    parts.push(ONES[rest] ?? "");
  }
  return parts.join(" ");
}

/**
 * Reads a whole number in words, inflect-style with no "and" ("one thousand,
 * two hundred", "three thousand one").
 */
export function cardinalWords(digits: string, andWord = ""): string {
  const and = andWord === "" ? "" : ` ${andWord}`;
  const value = digits.replace(/^0+(?=\d)/, "");
  if (value.length > 3 * SCALES.length) {
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
    parts.push(
      readHundreds(group, and) + (SCALES[groups.length - 1 - index] ?? ""),
    );
  });
  // inflect's COMMA_WORD: a last group of one word (1–99) loses its comma
  // for the "and" word: "three thousand one", "one thousand and first".
  const last = groups.at(-1) ?? 0;
  if (parts.length > 1 && last > 0 && last < 100) {
    return `${parts.slice(0, -1).join(", ")}${and} ${parts.at(-1)}`;
  }
  return parts.join(", ");
}

/** `_expand_ordinal`: inflect with its default "and" ("one hundred and first"). */
function ordinalWords(digits: string): string {
  const words = cardinalWords(digits, "and");
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
 * pairs). As inflect writes them: hyphens ("twenty-three", which eng_to_ipa then
 * cannot find), commas between groups but none before a last group under 100
 * ("three thousand one"), "and" in ordinals only ("one hundred and first").
 * `%` stays (`50%` → "fifty%"), as in the reference. A number longer than 36
 * digits, where inflect raises, is read digit by digit.
 *
 * @example Money, decimals, ordinals and years
 * ```ts
 * import { normalizeEnglishNumbers } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(normalizeEnglishNumbers("$3.50"), "three dollars, fifty cents");
 * assert.equal(normalizeEnglishNumbers("pi is 3.14"), "pi is three point fourteen");
 * assert.equal(normalizeEnglishNumbers("the 21st of 1984"), "the twenty-first of nineteen eighty-four");
 * assert.equal(normalizeEnglishNumbers("the 101st"), "the one hundred and first");
 * assert.equal(
 *   normalizeEnglishNumbers("12,345 or 50%"),
 *   "twelve thousand, three hundred forty-five or fifty%",
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
    .replace(/([0-9]+)\.([0-9]+)/g, "$1 point $2")
    .replace(
      /([0-9]+)(st|nd|rd|th)/g,
      (_, digits: string) => ordinalWords(digits),
    )
    .replace(/[0-9]+/g, numberWords);
}
