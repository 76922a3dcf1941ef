/**
 * The symbol list a VITS config implies when it has no `symbols` field: the
 * training code then used the `symbols` of its own `text/symbols.py`, which
 * depends on the cleaner it was trained with.
 *
 * - Original VITS (jaywalnut310/vits `text/symbols.py`, from keithito/tacotron):
 *   `[_pad] + list(_punctuation) + list(_letters) + list(_letters_ipa)`, 178
 *   entries, used by `english_cleaners2`, `english_cleaners`,
 *   `basic_cleaners` and `transliteration_cleaners`.
 * - VITS-fast-fine-tuning (Plachtaa/VITS-fast-fine-tuning `text/symbols.py`):
 *   one `_pad + _punctuation + _letters` block per cleaner; the active one is
 *   `cjke_cleaners2`'s, the others are commented out but name their cleaner.
 *
 * The lists are written from those definitions (strings of symbols, one
 * symbol per code point, in the upstream order; ids are list indexes).
 *
 * @module
 */

function block(pad: string, punctuation: string, letters: string): string[] {
  return [pad, ...punctuation, ...letters];
}

/**
 * Original VITS `text/symbols.py`. `_letters_ipa` ends with `'̩'ᵻ`: an
 * apostrophe, a combining vertical line below, another apostrophe and `ᵻ`,
 * so `'` appears twice (ids 174 and 176; the first wins in a lookup).
 */
export const VITS_SYMBOLS: readonly string[] = [
  "_",
  ...';:,.!?¡¿—…"«»“” ',
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  ..."ɑɐɒæɓʙβɔɕçɗɖðʤəɘɚɛɜɝɞɟʄɡɠɢʛɦɧħɥʜɨɪʝɭɬɫɮʟɱɯɰŋɳɲɴøɵɸθœɶʘɹɺɾɻʀʁɽʂʃʈʧʉʊʋⱱʌɣɤʍχʎʏʑʐʒʔʡʕʢǀǁǂǃˈˌːˑʼʴʰʱʲʷˠˤ˞↓↑→↗↘'̩'ᵻ",
];

const FAST_FINE_TUNING: Record<string, readonly string[]> = {
  japanese_cleaners: block("_", ",.!?-", "AEINOQUabdefghijkmnoprstuvwyzʃʧ↓↑ "),
  japanese_cleaners2: block(
    "_",
    ",.!?-~…",
    "AEINOQUabdefghijkmnoprstuvwyzʃʧʦ↓↑ ",
  ),
  korean_cleaners: block(
    "_",
    ",.!?…~",
    "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎㄲㄸㅃㅆㅉㅏㅓㅗㅜㅡㅣㅐㅔ ",
  ),
  chinese_cleaners: block(
    "_",
    "，。！？—…",
    "ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦㄧㄨㄩˉˊˇˋ˙ ",
  ),
  zh_ja_mixture_cleaners: block(
    "_",
    ",.!?-~…",
    "AEINOQUabdefghijklmnoprstuvwyzʃʧʦɯɹəɥ⁼ʰ`→↓↑ ",
  ),
  sanskrit_cleaners: block(
    "_",
    "।",
    "ँंःअआइईउऊऋएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलळवशषसहऽािीुूृॄेैोौ्ॠॢ ",
  ),
  cjks_cleaners: block(
    "_",
    ",.!?-~…",
    "NQabdefghijklmnopstuvwxyzʃʧʥʦɯɹəɥçɸɾβŋɦː⁼ʰ`^#*=→↓↑ ",
  ),
  thai_cleaners: block(
    "_",
    ".!? ",
    "กขฃคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลวศษสหฬอฮฯะัาำิีึืุูเแโใไๅๆ็่้๊๋์",
  ),
  cjke_cleaners2: block(
    "_",
    ",.!?-~…",
    "NQabdefghijklmnopstuvwxyzɑæʃʑçɯɪɔɛɹðəɫɥɸʊɾʒθβŋɦ⁼ʰ`^#*=ˈˌ→↓↑ ",
  ),
  shanghainese_cleaners: block(
    "_",
    ",.!?…",
    "abdfghiklmnopstuvyzøŋȵɑɔɕəɤɦɪɿʑʔʰ̩̃ᴀᴇ15678 ",
  ),
};

const VITS_CLEANERS = new Set([
  "english_cleaners2",
  "english_cleaners",
  "basic_cleaners",
  "transliteration_cleaners",
]);

/**
 * Returns the symbols a config without `symbols` was trained with, judged by
 * its last cleaner (the one whose output the ids are read from), or
 * `undefined` when no upstream `symbols.py` names that cleaner.
 *
 * @example
 * ```ts
 * import { impliedSymbols } from "@lipstream/edge/voices";
 * import assert from "node:assert/strict";
 *
 * assert.equal(impliedSymbols(["english_cleaners2"])?.length, 178);
 * assert.equal(impliedSymbols(["chinese_cleaners"])?.length, 50);
 * assert.equal(impliedSymbols([]), undefined);
 * ```
 *
 * @param cleaners The config's `data.text_cleaners`.
 * @returns The implied symbol list, or `undefined`.
 */
export function impliedSymbols(
  cleaners: readonly string[],
): readonly string[] | undefined {
  const last = cleaners.at(-1);
  if (last === undefined) return undefined;
  if (VITS_CLEANERS.has(last)) return VITS_SYMBOLS;
  return FAST_FINE_TUNING[last];
}
