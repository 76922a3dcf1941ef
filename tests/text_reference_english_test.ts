/**
 * Reference equivalence for English text beyond the main corpus: 38 `[EN]`
 * sentences of numbers (inflect's commas and "and"s, 36-digit numbers),
 * money, non-ASCII letters and signs (unidecode), punctuation and words whose
 * eng_to_ipa reading differs from the npm dictionary's
 * (tests/fixtures/text/reference_sentences_english.json), run through
 * VITS-fast-fine-tuning's own cleaners by scripts/text_reference.py into
 * tests/fixtures/text/reference_corpus_english.json (committed, so this test
 * needs no Python). Fails when a cleaner's match count falls below the one
 * recorded in edge/text/CONFORMANCE.md.
 */
import assert from "node:assert/strict";
import {
  loadReferenceCorpus,
  runReferenceCase,
  symbolTable,
} from "./support/reference_corpus.ts";

const CORPUS = await loadReferenceCorpus("reference_corpus_english.json");

/**
 * Exact id matches of 38; the 2 others are known differences: a newline
 * inside the span (the reference's span regexp stops at it) and CJK
 * characters, which unidecode romanizes.
 */
const RECORDED: Record<string, number> = {
  cjke_cleaners2: 36,
  cjks_cleaners: 36,
};

Deno.test("English cleaner ids match the reference pipeline's", async () => {
  const exact = new Map<string, number>();
  const differences: string[] = [];
  for (const row of CORPUS.cases) {
    const cleaner = row.cleaner!;
    const result = await runReferenceCase(
      row,
      cleaner,
      symbolTable(CORPUS.symbols[cleaner]!),
    );
    if (result.equal) exact.set(cleaner, (exact.get(cleaner) ?? 0) + 1);
    else differences.push(result.difference);
  }
  if (Deno.env.get("TEXT_REFERENCE_DIFF")) console.log(differences.join("\n"));
  for (const [cleaner, recorded] of Object.entries(RECORDED)) {
    const count = exact.get(cleaner) ?? 0;
    console.log(`${cleaner}: ${count}/38 English ids equal`);
    assert.ok(count >= recorded, `${cleaner}: ${count} < recorded ${recorded}`);
  }
});
