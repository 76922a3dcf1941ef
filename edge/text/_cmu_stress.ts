/**
 * eng_to_ipa's stress placement: CMU stress digits become `ˈ`/`ˌ` marks moved
 * to the start of the stressed syllable's onset, by its own rules (consonant
 * classes, `sp st sk fr fl` clusters, hiatus). Internal to `english_ipa.ts`.
 *
 * @see https://github.com/mphilli/English-to-IPA (`eng_to_ipa/stress.py`, `syllables.py`, `resources/phones.json`)
 * @module
 */

/** CMU phone classes (`resources/phones.json`, transcribed). */
const PHONE_CLASS: Record<string, string> = {
  aa: "vowel",
  ae: "vowel",
  ah: "vowel",
  ao: "vowel",
  aw: "vowel",
  ay: "vowel",
  eh: "vowel",
  er: "vowel",
  ey: "vowel",
  ih: "vowel",
  iy: "vowel",
  ow: "vowel",
  oy: "vowel",
  uh: "vowel",
  uw: "vowel",
  b: "stop",
  d: "stop",
  g: "stop",
  k: "stop",
  p: "stop",
  t: "stop",
  ch: "affricate",
  jh: "affricate",
  dh: "fricative",
  f: "fricative",
  s: "fricative",
  sh: "fricative",
  th: "fricative",
  v: "fricative",
  z: "fricative",
  zh: "fricative",
  hh: "aspirate",
  l: "liquid",
  r: "liquid",
  m: "nasal",
  n: "nasal",
  ng: "nasal",
  w: "semivowel",
  y: "semivowel",
};
/** Adjacent vowels that are two syllables (`syllables.py`). */
const HIATUS = new Set([
  "er iy",
  "iy ow",
  "uw ow",
  "iy ah",
  "iy ey",
  "uw eh",
  "er eh",
]);
const CLUSTERS = new Set(["sp", "st", "sk", "fr", "fl"]);
const STOP_AT = new Set(["nasal", "fricative", "vowel"]);
const MARKS: Record<string, string> = { "1": "ˈ", "2": "ˌ" };

function bare(phone: string): string {
  return phone.replace(/[0-9ˈˌ]/g, "");
}

function syllableCount(phones: string[]): number {
  let nuclei = 0;
  phones.forEach((phone, index) => {
    const prev = phones.at(index - 1) ?? "";
    if (PHONE_CLASS[phone] !== "vowel") return;
    if (index === 0 || PHONE_CLASS[prev] !== "vowel") nuclei++;
    else if (HIATUS.has(`${prev} ${phone}`)) nuclei++;
  });
  return nuclei;
}

/** Places the stress marks of one lowercase CMU pronunciation ("hh ah0 l ow1"). */
export function placeStress(cmu: string): string[] {
  const phones = cmu.split(" ");
  if (syllableCount(phones.map(bare)) <= 1) return phones.map(bare);
  let word: string[] = [];
  for (const phone of phones) {
    const mark = MARKS[phone.at(-1) ?? ""];
    if (mark === undefined) {
      word.push(bare(phone));
      continue;
    }
    if (word.length === 0) {
      word.push(mark + bare(phone));
      continue;
    }
    let placed = false;
    let hiatus = false;
    word.reverse();
    for (let i = 0; i < word.length; i++) {
      const sym = bare(word[i] ?? "");
      const prevSym = bare(word.at(i - 1) ?? "");
      const prevClass = PHONE_CLASS[prevSym];
      const symClass = PHONE_CLASS[sym] ?? "";
      if (
        STOP_AT.has(symClass) || (i > 0 && prevClass === "stop") ||
        sym === "er" || sym === "w" || sym === "j"
      ) {
        if (CLUSTERS.has(sym + prevSym)) word[i] = mark + word[i];
        else if (prevClass !== "vowel" && i > 0) {
          word[i - 1] = mark + word[i - 1];
        } else if (symClass === "vowel") {
          hiatus = true;
          word = [mark + bare(phone), ...word];
        } else word[i] = mark + word[i];
        placed = true;
        break;
      }
    }
    if (!placed && word.length > 0) {
      word[word.length - 1] = mark + word[word.length - 1];
    }
    word.reverse();
    if (!hiatus) word.push(bare(phone));
  }
  return word;
}
