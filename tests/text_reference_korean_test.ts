/**
 * Reference equivalence for `korean_cleaners`: 135 Korean sentences
 * (tests/fixtures/text/reference_sentences_korean.json, written by
 * scripts/text_reference_korean_sentences.py: compound vowels and final
 * clusters, Latin letters, punctuation, numbers before classifiers and
 * Sino-Korean words, commas, zeros, newlines) run through
 * VITS-fast-fine-tuning's own `korean_cleaners` with jamo 0.4.1 by
 * scripts/text_reference.py (`PYTHONHASHSEED=0`: the reference's order of
 * number replacement is a Python set's, see edge/text/korean_cleaners.ts)
 * into tests/fixtures/text/reference_corpus_korean.json, committed so this
 * test needs no Python. Every case must be equal.
 */
import assert from "node:assert/strict";
import {
  loadReferenceCorpus,
  runReferenceCase,
  symbolTable,
} from "./support/reference_corpus.ts";

const CORPUS = await loadReferenceCorpus("reference_corpus_korean.json");

Deno.test("korean_cleaners ids match the reference pipeline's on every case", async () => {
  const table = symbolTable(CORPUS.symbols["korean_cleaners"]!);
  const differences: string[] = [];
  for (const row of CORPUS.cases) {
    const result = await runReferenceCase(row, "korean_cleaners", table);
    if (!result.equal) differences.push(result.difference);
  }
  console.log(
    `korean_cleaners: ${
      CORPUS.cases.length - differences.length
    }/${CORPUS.cases.length} ids equal`,
  );
  assert.ok(CORPUS.cases.length >= 100);
  assert.deepEqual(differences, []);
});
