/**
 * Reference equivalence for the original VITS `english_cleaners2` (the cleaner
 * of its LJ Speech and VCTK models): 238 English sentences (the `[EN]`
 * sentences of the two VITS-fast-fine-tuning corpora and the Piper en-us
 * corpus) run through jaywalnut310/vits `text/cleaners.py` with Python
 * phonemizer 3.4.0 and Debian's eSpeak NG 1.51 by
 * scripts/english_cleaners2_reference.py into
 * tests/fixtures/text/reference_corpus_english_cleaners2.json (committed, so
 * this test needs no Python). Fails below the match count recorded in
 * edge/text/CONFORMANCE.md; `TEXT_REFERENCE_DIFF=1` prints every difference.
 */
import assert from "node:assert/strict";
import {
  loadReferenceCorpus,
  runReferenceCase,
  symbolTable,
} from "./support/reference_corpus.ts";

const CORPUS = await loadReferenceCorpus<string[]>(
  "reference_corpus_english_cleaners2.json",
);

/** Exact id matches of 238 (the differences: CONFORMANCE.md, english_cleaners2). */
const RECORDED = 236;

Deno.test("english_cleaners2 ids match the original VITS pipeline's", async () => {
  const table = symbolTable(CORPUS.symbols);
  let exact = 0;
  const differences: string[] = [];
  for (const row of CORPUS.cases) {
    const result = await runReferenceCase(row, "english_cleaners2", table);
    if (result.equal) exact++;
    else differences.push(result.difference);
  }
  if (Deno.env.get("TEXT_REFERENCE_DIFF")) console.log(differences.join("\n"));
  console.log(
    `english_cleaners2: ${exact}/${CORPUS.cases.length} ids equal`,
  );
  assert.ok(CORPUS.cases.length >= 200);
  assert.ok(exact >= RECORDED, `${exact} < recorded ${RECORDED}`);
});
