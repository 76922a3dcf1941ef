/**
 * Conformance of the Chinese branch of cjke_cleaners2 (chineseToIpa) with
 * values derived independently: hand-written pinyin (7 syllables corrected to
 * pypinyin's readings) and Debian jieba's word segmentation
 * (tests/fixtures/text/zh_conformance.json), composed here by
 * initial + final table lookups (the reference's bopomofo→IPA table with its
 * regex steps worked out per final by hand), not by the implementation's
 * bopomofo regex chain. Differences are listed in edge/text/CONFORMANCE.md.
 */
import assert from "node:assert/strict";
import { chineseToIpa } from "@lipstream/edge/text";

interface Row {
  text: string;
  read: string;
  pinyin: string;
  jieba: string[];
}

const FIXTURE = JSON.parse(
  await Deno.readTextFile(
    new URL("fixtures/text/zh_conformance.json", import.meta.url),
  ),
) as { sentences: Row[] };

const INITIALS: [string, string][] = [
  ["zh", "ts`⁼"],
  ["ch", "ts`ʰ"],
  ["sh", "s`"],
  ["b", "p⁼"],
  ["p", "pʰ"],
  ["m", "m"],
  ["f", "f"],
  ["d", "t⁼"],
  ["t", "tʰ"],
  ["n", "n"],
  ["l", "l"],
  ["g", "k⁼"],
  ["k", "kʰ"],
  ["h", "x"],
  ["j", "tʃ⁼"],
  ["q", "tʃʰ"],
  ["x", "ʃ"],
  ["r", "ɹ`"],
  ["z", "ts⁼"],
  ["c", "tsʰ"],
  ["s", "s"],
];
/** Finals after an initial (j/q/x + u is ü). */
const FINALS: Record<string, string> = {
  a: "a",
  o: "o",
  e: "ə",
  ai: "aɪ",
  ei: "eɪ",
  ao: "ɑʊ",
  ou: "oʊ",
  an: "an",
  en: "ən",
  ang: "ɑŋ",
  eng: "əŋ",
  ong: "ʊŋ",
  er: "əɹ`",
  i: "i",
  ia: "ja",
  ie: "iɛ",
  iao: "iɑʊ",
  iu: "joʊ",
  ian: "jɛn",
  in: "in",
  iang: "iɑŋ",
  ing: "iŋ",
  iong: "jʊŋ",
  u: "u",
  ua: "wa",
  uo: "wo",
  uai: "waɪ",
  ui: "weɪ",
  uan: "wan",
  un: "wən",
  uang: "uɑŋ",
  v: "ɥ",
  ve: "ɥɛ",
  van: "ɥæn",
  vn: "ɥn",
};
/** Syllables with no initial. */
const ZERO_INITIAL: Record<string, string> = {
  yi: "i",
  ya: "ja",
  ye: "iɛ",
  yao: "iɑʊ",
  you: "joʊ",
  yan: "jɛn",
  yin: "in",
  yang: "iɑŋ",
  ying: "iŋ",
  yong: "jʊŋ",
  yu: "ɥ",
  yue: "ɥɛ",
  yuan: "ɥæn",
  yun: "ɥn",
  wu: "u",
  wa: "wa",
  wo: "wo",
  wai: "waɪ",
  wei: "weɪ",
  wan: "wan",
  wen: "wən",
  wang: "uɑŋ",
  weng: "ʊŋ",
  er: "əɹ`",
  a: "a",
  ai: "aɪ",
  an: "an",
  ang: "ɑŋ",
  ao: "ɑʊ",
  e: "ə",
  en: "ən",
  ou: "oʊ",
};
const TONES = ["", "→", "↑", "↓↑", "↓", ""];
const PUNCTUATION: Record<string, string> = {
  "，": ",",
  "。": ".",
  "！": "!",
  "？": "?",
};
/** Letters spelled in bopomofo by mandarin.py, worked out to IPA. */
const LETTERS: Record<string, string> = { A: "eɪ→", I: "aɪ↓" };

const RETROFLEX_VOWEL_IF_FREE = "\ue000";
const DENTAL_VOWEL_IF_FREE = "\ue001";

function syllableIpa(syllable: string): string {
  const tone = TONES[Number(syllable.at(-1))] ?? "";
  const body = syllable.slice(0, -1);
  if (body in ZERO_INITIAL) return (ZERO_INITIAL[body] ?? "") + tone;
  const [initial, ipa] = INITIALS.find(([prefix]) => body.startsWith(prefix)) ??
    ["", ""];
  let final = body.slice(initial.length);
  // The reference adds the vowel of a bare sibilant only before a tone
  // arrow, a space or the end; a neutral tone has no arrow, so that vowel
  // waits for what follows (resolved in expected()).
  if (final === "i" && ["zh", "ch", "sh", "r"].includes(initial)) {
    return `${ipa}${tone === "" ? RETROFLEX_VOWEL_IF_FREE : "ɹ`"}${tone}`;
  }
  if (final === "i" && ["z", "c", "s"].includes(initial)) {
    return `${ipa}${tone === "" ? DENTAL_VOWEL_IF_FREE : "ɹ"}${tone}`;
  }
  if (["j", "q", "x"].includes(initial) && final.startsWith("u")) {
    final = `v${final.slice(1)}`;
  }
  if (final === "o" && ["b", "p", "m", "f"].includes(initial)) final = "uo";
  const finalIpa = FINALS[final];
  assert.ok(finalIpa !== undefined, `no final for ${syllable}`);
  return ipa + finalIpa + tone;
}

function expected(row: Row): string {
  const syllables = row.pinyin.split(" ");
  let out = "";
  for (const word of row.jieba) {
    const han = [...word].filter((char) => /[\u4e00-\u9fff]/.test(char));
    if (han.length === 0) {
      out += [...word].map((char) => PUNCTUATION[char] ?? LETTERS[char] ?? char)
        .join("");
      continue;
    }
    if (out !== "") out += " ";
    out += han.map(() => syllableIpa(syllables.shift() ?? "")).join("");
  }
  return out
    .replace(/\ue000(?= |$)/g, "ɹ`")
    .replace(/\ue001(?= |$)/g, "ɹ")
    .replace(/[\ue000\ue001]/g, "");
}

Deno.test("chineseToIpa() equals the hand-derived IPA of all 35 sentences", () => {
  const rows = FIXTURE.sentences;
  assert.ok(rows.length >= 30);
  let exact = 0;
  let syllables = 0;
  const report: string[] = [];
  for (const row of rows) {
    const want = expected(row);
    const got = chineseToIpa(row.text);
    if (got === want) exact++;
    if (got.replaceAll(" ", "") === want.replaceAll(" ", "")) syllables++;
    else report.push(`${row.text}\n  want ${want}\n  got  ${got}`);
  }
  console.log(
    `zh conformance: ${syllables}/${rows.length} equal ignoring word spaces, ${exact}/${rows.length} equal with jieba's word spaces`,
  );
  if (report.length > 0) console.log(report.join("\n"));
  assert.equal(exact, rows.length, `${exact}/${rows.length}`);
});
