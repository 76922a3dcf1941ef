/**
 * VITS-fast-fine-tuning's `korean_cleaners` (`text/cleaners.py`): Latin
 * letters spelled in Hangul, numbers read before a Hangul word (native
 * Korean numerals before a classifier, Sino-Korean otherwise; other digits
 * one by one), every syllable split into compatibility jamo with compound
 * jamo divided, and `.` after a final jamo. Its only dependency is `jamo`
 * (`h2j`, `j2hcj`: Unicode decomposition and jamo names), which is plain
 * data, so this port is exact; `tests/text_reference_korean_test.ts` checks
 * it against the reference run with jamo 0.4.1.
 *
 * Where the reference itself is undefined or fails, this port picks one
 * answer: number tokens are replaced longest first (the reference iterates a
 * Python `set`, whose order changes between runs when one token is inside
 * another: `11개 1개`); a number of more than 16 digits is read digit by
 * digit (the reference raises); Hangul Jamo Extended-A/B letters pass
 * through unchanged (jamo raises on them).
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/cleaners.py`, `text/korean.py`)
 * @see https://github.com/JDongian/python-jamo (`jamo/jamo.py`)
 * @module
 */

/**
 * `_korean_classifiers`: words counted with native numerals. The reference
 * tests membership with Python's `in` on this string, i.e. as a substring.
 */
const KOREAN_CLASSIFIERS =
  "군데 권 개 그루 닢 대 두 마리 모 모금 뭇 발 발짝 방 번 벌 보루 살 수 술 시 쌈 움큼 정 짝 채 척 첩 축 켤레 톨 통";

/** `_latin_to_hangul`, a–z. */
const LETTER_NAMES = [
  "에이",
  "비",
  "시",
  "디",
  "이",
  "에프",
  "지",
  "에이치",
  "아이",
  "제이",
  "케이",
  "엘",
  "엠",
  "엔",
  "오",
  "피",
  "큐",
  "아르",
  "에스",
  "티",
  "유",
  "브이",
  "더블유",
  "엑스",
  "와이",
  "제트",
];

/**
 * Letters Python's `re.IGNORECASE` also matches for `i`, `k` and `s`
 * besides ASCII: dotted and dotless I, the Kelvin sign, long s.
 */
const CASE_FOLDED_LETTERS: Record<string, string> = {
  "\u0130": "i",
  "\u0131": "i",
  "\u212A": "k",
  "\u017F": "s",
};

const LATIN_REGEXP = /[A-Za-z\u0130\u0131\u212A\u017F]/g;

/**
 * Spells each Latin letter with its Korean name (`_latin_to_hangul`).
 *
 * @example
 * ```ts
 * import { latinToHangul } from "./korean_cleaners.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(latinToHangul("TV 봐"), "티브이 봐");
 * ```
 *
 * @param text Any text.
 * @returns The text with Latin letters spelled in Hangul.
 */
export function latinToHangul(text: string): string {
  return text.replace(LATIN_REGEXP, (letter) => {
    const ascii = CASE_FOLDED_LETTERS[letter] ?? letter.toLowerCase();
    return LETTER_NAMES[ascii.charCodeAt(0) - 0x61]!;
  });
}

const SINO_NAMES: Record<string, string> = {
  "1": "일",
  "2": "이",
  "3": "삼",
  "4": "사",
  "5": "오",
  "6": "육",
  "7": "칠",
  "8": "팔",
  "9": "구",
};
const NATIVE_UNITS: Record<string, string> = {
  "1": "한",
  "2": "두",
  "3": "세",
  "4": "네",
  "5": "다섯",
  "6": "여섯",
  "7": "일곱",
  "8": "여덟",
  "9": "아홉",
};
const NATIVE_TENS: Record<string, string> = {
  "1": "열",
  "2": "스물",
  "3": "서른",
  "4": "마흔",
  "5": "쉰",
  "6": "예순",
  "7": "일흔",
  "8": "여든",
  "9": "아흔",
};
/** Place names from 10² to 10¹⁵ (index = place), `""` where none. */
const PLACE_UNITS = [
  "",
  "",
  "백",
  "천",
  "만",
  "십",
  "백",
  "천",
  "억",
  "십",
  "백",
  "천",
  "조",
  "십",
  "백",
  "천",
];
/** Places whose leading 일 the reference drops (일백 → 백). */
const DROPS_LEADING_ONE = new Set([2, 3, 4, 5, 6, 7]);

/**
 * `hangul_number`: a number (commas allowed) in Sino-Korean or native
 * Korean words. At most 16 digits (the reference's place table).
 *
 * @example
 * ```ts
 * import { hangulNumber } from "./korean_cleaners.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(hangulNumber("2024", true), "이천이십사");
 * assert.equal(hangulNumber("20", false), "스무");
 * assert.equal(hangulNumber("1,000", true), "천");
 * ```
 *
 * @param digits The number as written.
 * @param sino Sino-Korean (`true`) or native (`false`) numerals.
 * @returns The spelled-out number.
 * @throws {RangeError} For more than 16 digits.
 */
export function hangulNumber(digits: string, sino: boolean): string {
  const num = digits.replaceAll(",", "");
  if (num === "0") return "영";
  if (!sino && num === "20") return "스무";
  const length = [...num].length;
  if (length > 16) {
    throw new RangeError(`hangulNumber: ${length} digits, at most 16`);
  }
  const spelled: string[] = [];
  let name = "";
  [...num].forEach((digit, position) => {
    const place = length - position - 1;
    if (sino) {
      if (place === 0) name = SINO_NAMES[digit] ?? "";
      else if (place === 1) {
        name = `${SINO_NAMES[digit] ?? ""}십`.replace("일십", "십");
      }
    } else if (place === 0) name = NATIVE_UNITS[digit] ?? "";
    else if (place === 1) name = NATIVE_TENS[digit] ?? "";
    if (digit === "0") {
      if (place % 4 !== 0) {
        spelled.push("");
        return;
      }
      const lastThree = spelled.slice(-Math.min(3, spelled.length));
      if (lastThree.join("") === "") {
        spelled.push("");
        return;
      }
    }
    if (place >= 2) {
      name = `${SINO_NAMES[digit] ?? ""}${PLACE_UNITS[place]}`;
      if (DROPS_LEADING_ONE.has(place)) {
        name = name.replace(`일${PLACE_UNITS[place]}`, PLACE_UNITS[place]!);
      }
    }
    spelled.push(name);
  });
  return spelled.join("");
}

const NUMBER_BEFORE_HANGUL_REGEXP = /(\p{Nd}[\p{Nd},]*)([\uac00-\ud71f]+)/gu;
const DIGIT_NAMES = "영일이삼사오육칠팔구";

function countsWithNativeNumerals(classifier: string): boolean {
  return KOREAN_CLASSIFIERS.includes([...classifier].slice(0, 2).join("")) ||
    KOREAN_CLASSIFIERS.includes([...classifier][0]!);
}

/**
 * `number_to_hangul`: a number directly before a Hangul word is read in
 * words, native before a classifier (`3개` 세개) and Sino-Korean otherwise
 * (`3월` 삼월); the remaining ASCII digits are read one by one.
 *
 * @example
 * ```ts
 * import { numberToHangul } from "./korean_cleaners.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(numberToHangul("사과 3개, 3월, 3.5"), "사과 세개, 삼월, 삼.오");
 * ```
 *
 * @param text Any text.
 * @returns The text with numbers in Hangul.
 */
export function numberToHangul(text: string): string {
  const tokens = new Map<string, string>();
  for (
    const [whole, num, classifier] of text.matchAll(
      NUMBER_BEFORE_HANGUL_REGEXP,
    )
  ) {
    if ([...num!.replaceAll(",", "")].length > 16) continue;
    const sino = !countsWithNativeNumerals(classifier!);
    tokens.set(whole, `${hangulNumber(num!, sino)}${classifier}`);
  }
  let result = text;
  const longestFirst = [...tokens.keys()].sort((a, b) => b.length - a.length);
  for (const token of longestFirst) {
    result = result.replaceAll(token, tokens.get(token)!);
  }
  return result.replace(/[0-9]/g, (digit) => DIGIT_NAMES[Number(digit)]!);
}

const LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const TAILS = ["", ..."ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"];

/**
 * `j2hcj` for conjoining jamo (U+1100–U+11FF) that have a compatibility
 * jamo of the same Unicode name, as `jamo` 0.4.1 maps them: pairs of
 * (conjoining, compatibility) characters.
 */
const CONJOINING_TO_COMPATIBILITY =
  "ᄀㄱᄁㄲᄂㄴᄃㄷᄄㄸᄅㄹᄆㅁᄇㅂᄈㅃᄉㅅᄊㅆᄋㅇᄌㅈᄍㅉᄎㅊᄏㅋᄐㅌᄑㅍᄒㅎᄔㅥᄕㅦᄚㅀᄜㅮᄝㅱᄞㅲᄠㅳᄡㅄᄢㅴᄣㅵᄧㅶᄩㅷᄫㅸᄬㅹᄭㅺᄮㅻᄯㅼᄲㅽᄶㅾᅀㅿᅇㆀᅌㆁᅗㆄᅘㆅᅙㆆᅛㅧᅜㄵᅝㄶᅡㅏᅢㅐᅣㅑᅤㅒᅥㅓᅦㅔᅧㅕᅨㅖᅩㅗᅪㅘᅫㅙᅬㅚᅭㅛᅮㅜᅯㅝᅰㅞᅱㅟᅲㅠᅳㅡᅴㅢᅵㅣᆄㆇᆅㆈᆈㆉᆑㆊᆒㆋᆔㆌᆞㆍᆨㄱᆩㄲᆪㄳᆫㄴᆬㄵᆭㄶᆮㄷᆯㄹᆰㄺᆱㄻᆲㄼᆳㄽᆴㄾᆵㄿᆶㅀᆷㅁᆸㅂᆹㅄᆺㅅᆻㅆᆼㅇᆽㅈᆾㅊᆿㅋᇀㅌᇁㅍᇂㅎᇆㅦᇇㅧᇈㅨᇌㅩᇎㅪᇓㅫᇗㅬᇙㅭᇜㅮᇝㅯᇟㅰᇢㅱᇦㅸᇧㅺᇨㅼᇪㅽᇫㅿᇮㆀᇰㆁᇱㆂᇲㆃᇴㆄᇹㆆᇿㅥ";
const COMPATIBILITY_OF = new Map<string, string>();
for (let i = 0; i < CONJOINING_TO_COMPATIBILITY.length; i += 2) {
  COMPATIBILITY_OF.set(
    CONJOINING_TO_COMPATIBILITY[i]!,
    CONJOINING_TO_COMPATIBILITY[i + 1]!,
  );
}

/** `_hangul_divided`: compound jamo written as two. */
const DIVIDED: Record<string, string> = {
  "ㄳ": "ㄱㅅ",
  "ㄵ": "ㄴㅈ",
  "ㄶ": "ㄴㅎ",
  "ㄺ": "ㄹㄱ",
  "ㄻ": "ㄹㅁ",
  "ㄼ": "ㄹㅂ",
  "ㄽ": "ㄹㅅ",
  "ㄾ": "ㄹㅌ",
  "ㄿ": "ㄹㅍ",
  "ㅀ": "ㄹㅎ",
  "ㅄ": "ㅂㅅ",
  "ㅘ": "ㅗㅏ",
  "ㅙ": "ㅗㅐ",
  "ㅚ": "ㅗㅣ",
  "ㅝ": "ㅜㅓ",
  "ㅞ": "ㅜㅔ",
  "ㅟ": "ㅜㅣ",
  "ㅢ": "ㅡㅣ",
  "ㅑ": "ㅣㅏ",
  "ㅒ": "ㅣㅐ",
  "ㅕ": "ㅣㅓ",
  "ㅖ": "ㅣㅔ",
  "ㅛ": "ㅣㅗ",
  "ㅠ": "ㅣㅜ",
};

function compatibilityJamo(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) {
    const index = code - 0xac00;
    return LEADS[Math.floor(index / 588)]! +
      String.fromCharCode(0x314f + Math.floor((index % 588) / 28)) +
      TAILS[index % 28]!;
  }
  return COMPATIBILITY_OF.get(char) ?? char;
}

/**
 * `divide_hangul`: syllables to compatibility jamo (`j2hcj(h2j(text))`),
 * compound jamo divided.
 *
 * @example
 * ```ts
 * import { divideHangul } from "./korean_cleaners.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(divideHangul("닭과"), "ㄷㅏㄹㄱㄱㅗㅏ");
 * ```
 *
 * @param text Any text.
 * @returns The text with Hangul as divided compatibility jamo.
 */
export function divideHangul(text: string): string {
  let result = "";
  for (const char of text) {
    for (const jamo of compatibilityJamo(char)) result += DIVIDED[jamo] ?? jamo;
  }
  return result;
}

/**
 * `korean_cleaners`: Latin letters, then numbers, then jamo, and `.` after a
 * final jamo (before a final newline too, as Python's `$` matches there).
 *
 * @example
 * ```ts
 * import { koreanCleaners } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * assert.equal(koreanCleaners("안녕 2개"), "ㅇㅏㄴㄴㅣㅓㅇ ㄷㅜㄱㅐ.");
 * ```
 *
 * @param text Korean text.
 * @returns The cleaned jamo string the voice's symbols spell.
 */
export function koreanCleaners(text: string): string {
  return divideHangul(numberToHangul(latinToHangul(text))).replace(
    /([\u3131-\u3163])(\n?)$/,
    "$1.$2",
  );
}
