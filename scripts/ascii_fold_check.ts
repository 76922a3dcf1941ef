/**
 * Checks `toAscii` (edge/text/_ascii_fold.ts) against Unidecode 1.4.0 itself,
 * character by character, over Latin-1 Supplement, Latin Extended-A, General
 * Punctuation, Currency Symbols, Letterlike Symbols and Number Forms. Prints
 * the characters that differ per block; exits 1 when one differs in a block
 * the table covers in full (U+00A0–U+017F).
 *
 * Usage:
 *   .tools/venv-textref/bin/python -c 'import json, unidecode
 *   print(json.dumps({chr(c): unidecode.unidecode(chr(c)) for r in
 *   [(0xa0, 0x180), (0x2000, 0x2070), (0x20a0, 0x20c0), (0x2100, 0x2160)]
 *   for c in range(*r)}))' > /tmp/unidecode.json
 *   bash scripts/deno.sh run -A scripts/ascii_fold_check.ts /tmp/unidecode.json
 */
import { toAscii } from "../edge/text/_ascii_fold.ts";

const path = Deno.args[0];
if (path === undefined) {
  console.error("usage: ascii_fold_check.ts UNIDECODE.json");
  Deno.exit(2);
}
const reference = JSON.parse(await Deno.readTextFile(path)) as Record<
  string,
  string
>;
let failed = false;
const blocks = new Map<string, { total: number; differ: string[] }>();
for (const [char, want] of Object.entries(reference)) {
  const point = char.codePointAt(0) ?? 0;
  const block = point < 0x180
    ? "U+00A0–U+017F"
    : `U+${(point & 0xfff0).toString(16).toUpperCase().padStart(4, "0")}`;
  const stat = blocks.get(block) ?? { total: 0, differ: [] };
  stat.total++;
  const got = toAscii(char);
  if (got !== want) {
    stat.differ.push(`${char} ${JSON.stringify(want)}/${JSON.stringify(got)}`);
    if (point < 0x180) failed = true;
  }
  blocks.set(block, stat);
}
for (const [block, { total, differ }] of blocks) {
  console.log(`${block}: ${total - differ.length}/${total}`, differ.join(" "));
}
if (failed) Deno.exit(1);
