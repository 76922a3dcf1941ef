/**
 * eng_to_ipa's reading of one word: its CMU variants transcribed (stress
 * placement, symbol table), sorted, the last kept (`cmu_to_ipa` + `get_top`).
 * Variants come from npm `cmu-pronouncing-dictionary`, corrected to
 * eng_to_ipa's own CMU copy by the generated `_eng_to_ipa_overrides.ts`.
 * Internal to `english_ipa.ts`.
 *
 * @see https://github.com/mphilli/English-to-IPA (`eng_to_ipa/transcribe.py`)
 * @module
 */

import { dictionary } from "cmu-pronouncing-dictionary";
import { placeStress } from "./_cmu_stress.ts";
import { ENG_TO_IPA_OVERRIDES } from "./_eng_to_ipa_overrides.ts";

/** eng_to_ipa `cmu_to_ipa` symbols (table facts transcribed). */
const CMU_IPA: Record<string, string> = {
  a: "ə",
  ey: "eɪ",
  aa: "ɑ",
  ae: "æ",
  ah: "ə",
  ao: "ɔ",
  aw: "aʊ",
  ay: "aɪ",
  ch: "ʧ",
  dh: "ð",
  eh: "ɛ",
  er: "ər",
  hh: "h",
  ih: "ɪ",
  jh: "ʤ",
  ng: "ŋ",
  ow: "oʊ",
  oy: "ɔɪ",
  sh: "ʃ",
  th: "θ",
  uh: "ʊ",
  uw: "u",
  zh: "ʒ",
  iy: "i",
  y: "j",
};
const CMU = dictionary as Record<string, string>;
const cache = new Map<string, string | undefined>();

/** eng_to_ipa's reading, or `null` where eng_to_ipa has no entry. */
function readOverrides(): Map<string, string | null> {
  const table = new Map<string, string | null>();
  for (const line of ENG_TO_IPA_OVERRIDES.split("\n")) {
    if (line === "") continue;
    const space = line.indexOf(" ");
    if (space < 0) table.set(line, null);
    else table.set(line.slice(0, space), line.slice(space + 1));
  }
  return table;
}

const OVERRIDES = readOverrides();

function toIpa(cmu: string): string {
  let out = "";
  for (const piece of placeStress(cmu.toLowerCase())) {
    const mark = piece[0] === "ˈ" || piece[0] === "ˌ" ? piece[0] : "";
    const phone = piece.slice(mark.length);
    out += CMU_IPA[phone] === undefined ? piece : mark + CMU_IPA[phone];
  }
  for (const [from, to] of [["ˈər", "əˈr"], ["ˈie", "iˈe"]] as const) {
    if (!out.startsWith(from)) out = out.replaceAll(from, to);
  }
  return out;
}

/** One npm entry's phones, without cmudict's `# comment` ("… G # place"). */
function entry(key: string): string | undefined {
  if (!Object.hasOwn(CMU, key)) return undefined;
  return CMU[key]?.split("#")[0]?.trim();
}

function readNpm(word: string): string | undefined {
  const variants = new Set<string>();
  for (let n = 1; n < 10; n++) {
    const phones = entry(n === 1 ? word : `${word}(${n})`);
    if (phones === undefined) break;
    variants.add(toIpa(phones));
  }
  return variants.size === 0 ? undefined : [...variants].sort().at(-1);
}

/**
 * eng_to_ipa's IPA for one lowercase word without outer punctuation, before
 * english_to_ipa2's rewrites (`r`, `ʤ`, `ʧ` as eng_to_ipa writes them), or
 * `undefined` where eng_to_ipa's dictionary has no entry (it prints `word*`).
 *
 * @example
 * ```ts
 * import { readEngToIpaWord } from "./_eng_to_ipa_words.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(readEngToIpaWord("was"), "wɑz");
 * assert.equal(readEngToIpaWord("water"), "ˈwɔtər");
 * assert.equal(readEngToIpaWord("zzyzxq"), undefined);
 * ```
 */
export function readEngToIpaWord(word: string): string | undefined {
  if (cache.has(word)) return cache.get(word);
  const override = OVERRIDES.get(word);
  const ipa = override === undefined ? readNpm(word) : override ?? undefined;
  if (cache.size > 10_000) cache.clear();
  cache.set(word, ipa);
  return ipa;
}
