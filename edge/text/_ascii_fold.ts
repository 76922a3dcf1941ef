/**
 * The reference's `unidecode(text)` (Unidecode 1.4.0), for the characters
 * English text has: Latin-1 and Latin Extended-A letters and signs,
 * punctuation, currency and letterlike signs, fractions. Accented letters
 * lose their accents through NFKD; the table below holds the characters
 * where unidecode does something else (`ß` → `ss`, `£` → `PS`, `—` → `--`).
 * Other scripts (CJK, Greek, Cyrillic) pass through, where unidecode would
 * romanize them. Internal to `english_ipa.ts`.
 *
 * @see https://pypi.org/project/Unidecode/ (table facts transcribed and
 * checked per character by scripts/ascii_fold_check.ts)
 * @module
 */

/** Characters unidecode writes otherwise than NFKD without accents does. */
const FOLD: Record<string, string> = {
  // Latin-1 Supplement
  "\u00a1": "!",
  "\u00a2": "C/",
  "\u00a3": "PS",
  "\u00a4": "$?",
  "\u00a5": "Y=",
  "\u00a6": "|",
  "\u00a7": "SS",
  "\u00a8": '"',
  "\u00a9": "(c)",
  "\u00ab": "<<",
  "\u00ac": "!",
  "\u00ad": "",
  "\u00ae": "(r)",
  "\u00af": "-",
  "\u00b0": "deg",
  "\u00b1": "+-",
  "\u00b4": "'",
  "\u00b5": "u",
  "\u00b6": "P",
  "\u00b7": "*",
  "\u00b8": ",",
  "\u00bb": ">>",
  "\u00bc": " 1/4",
  "\u00bd": " 1/2",
  "\u00be": " 3/4",
  "\u00bf": "?",
  "\u00c6": "AE",
  "\u00d0": "D",
  "\u00d7": "x",
  "\u00d8": "O",
  "\u00de": "Th",
  "\u00df": "ss",
  "\u00e6": "ae",
  "\u00f0": "d",
  "\u00f7": "/",
  "\u00f8": "o",
  "\u00fe": "th",
  // Latin Extended-A
  "\u0110": "D",
  "\u0111": "d",
  "\u0126": "H",
  "\u0127": "h",
  "\u0131": "i",
  "\u0138": "k",
  "\u013f": "L",
  "\u0140": "l",
  "\u0141": "L",
  "\u0142": "l",
  "\u0149": "'n",
  "\u014a": "NG",
  "\u014b": "ng",
  "\u0152": "OE",
  "\u0153": "oe",
  "\u0166": "T",
  "\u0167": "t",
  // General Punctuation
  "\u200b": " ",
  "\u200c": "",
  "\u200d": "",
  "\u200e": "",
  "\u200f": "",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "--",
  "\u2015": "--",
  "\u2016": "||",
  "\u2017": "_",
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": ",",
  "\u201b": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": ",,",
  "\u201f": '"',
  "\u2020": "+",
  "\u2021": "++",
  "\u2022": "*",
  "\u2023": "*>",
  "\u2027": ".",
  "\u2028": "\n",
  "\u2029": "\n\n",
  "\u202a": "",
  "\u202b": "",
  "\u202c": "",
  "\u202d": "",
  "\u202e": "",
  "\u2030": "%0",
  "\u2031": "%00",
  "\u2032": "'",
  "\u2033": "''",
  "\u2034": "'''",
  "\u2035": "`",
  "\u2039": "<",
  "\u203a": ">",
  "\u203b": "*",
  "\u203d": "!?",
  "\u203e": "-",
  "\u2044": "/",
  "\u2060": "",
  "\u2212": "-",
  // Currency and letterlike signs
  "\u20a3": "FF",
  "\u20a4": "L",
  "\u20a6": "N",
  "\u20a9": "W",
  "\u20aa": "NS",
  "\u20ab": "D",
  "\u20ac": "EUR",
  "\u20b1": "P",
  "\u20b4": "UAH",
  "\u20b9": "Rs",
  "\u20ba": "L",
  "\u20bd": "R",
  "\u20bf": "BTC",
  "\u2103": "degC",
  "\u2109": "degF",
  "\u2116": "No. ",
  "\u2117": "(p)",
  "\u2120": "(sm)",
  "\u2122": "(tm)",
  "\u2126": "ohm",
  // Vulgar fractions (as " 1/3 "; ¼ ½ ¾ above have no trailing space)
  "\u2153": " 1/3 ",
  "\u2154": " 2/3 ",
  "\u2155": " 1/5 ",
  "\u2156": " 2/5 ",
  "\u2157": " 3/5 ",
  "\u2158": " 4/5 ",
  "\u2159": " 1/6 ",
  "\u215a": " 5/6 ",
  "\u215b": " 1/8 ",
  "\u215c": " 3/8 ",
  "\u215d": " 5/8 ",
  "\u215e": " 7/8 ",
};
const FOLD_REGEXP = new RegExp(`[${Object.keys(FOLD).join("")}]`, "g");

/**
 * `unidecode` for the characters English text has: the table, then NFKD
 * with combining accents removed.
 *
 * @example
 * ```ts
 * import { toAscii } from "./_ascii_fold.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toAscii("Café — £5, Straße"), "Cafe -- PS5, Strasse");
 * ```
 */
export function toAscii(text: string): string {
  return text.replace(FOLD_REGEXP, (char) => FOLD[char] ?? char)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}
