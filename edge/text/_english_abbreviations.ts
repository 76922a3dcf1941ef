/**
 * Tacotron's abbreviation table, shared by `english_cleaners2` and
 * `english_to_ipa2` (table facts transcribed).
 *
 * @see https://github.com/jaywalnut310/vits (`text/cleaners.py`)
 * @module
 */

const ABBREVIATIONS: [RegExp, string][] = [
  ["mrs", "misess"],
  ["mr", "mister"],
  ["dr", "doctor"],
  ["st", "saint"],
  ["co", "company"],
  ["jr", "junior"],
  ["maj", "major"],
  ["gen", "general"],
  ["drs", "doctors"],
  ["rev", "reverend"],
  ["lt", "lieutenant"],
  ["hon", "honorable"],
  ["sgt", "sergeant"],
  ["capt", "captain"],
  ["esq", "esquire"],
  ["ltd", "limited"],
  ["col", "colonel"],
  ["ft", "fort"],
].map(([abbr, word]) => [new RegExp(`\\b${abbr}\\.`, "gi"), word ?? ""]);

/** Expands "dr." → "doctor" and the rest of the table, in table order. */
export function expandAbbreviations(text: string): string {
  let out = text;
  for (const [regexp, word] of ABBREVIATIONS) out = out.replace(regexp, word);
  return out;
}
