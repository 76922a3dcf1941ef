/**
 * Checks the English word path against eng_to_ipa itself: every line of the
 * expectation file that scripts/eng_to_ipa_overrides.py writes with --expect
 * (`word<TAB>ipa`, what `eng_to_ipa.convert(word)` returns, for every word of
 * eng_to_ipa's and the npm dictionary) must be what `readEngToIpaWord` gives
 * (`word*` where it gives none). Prints the differences and exits 1 on any.
 *
 * Usage:
 *   .tools/venv-textref/bin/python scripts/eng_to_ipa_overrides.py \
 *     --out edge/text/_eng_to_ipa_overrides.ts --expect /tmp/eng_to_ipa_expect.tsv
 *   bash scripts/deno.sh run -A scripts/eng_to_ipa_overrides_check.ts /tmp/eng_to_ipa_expect.tsv
 */
import { readEngToIpaWord } from "../edge/text/_eng_to_ipa_words.ts";

const path = Deno.args[0];
if (path === undefined) {
  console.error("usage: eng_to_ipa_overrides_check.ts EXPECT.tsv");
  Deno.exit(2);
}
let total = 0;
const differences: string[] = [];
for (const line of (await Deno.readTextFile(path)).split("\n")) {
  if (line === "") continue;
  const [word = "", want = ""] = line.split("\t");
  const ipa = readEngToIpaWord(word);
  const got = ipa ?? (/[^0-9]/.test(word) ? `${word}*` : word);
  total++;
  if (got !== want) differences.push(`${word}: want ${want}, got ${got}`);
}
console.log(differences.slice(0, 50).join("\n"));
console.log(`${total - differences.length}/${total} words equal eng_to_ipa`);
if (differences.length > 0) Deno.exit(1);
