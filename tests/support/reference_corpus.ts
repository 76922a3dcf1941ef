/**
 * The committed reference corpora of the text front end (the `reference_corpus` JSON files in
 * tests/fixtures/text/, written by `scripts/text_reference.py` and `scripts/english_cleaners2_reference.py` from the
 * reference projects' own Python cleaners): loading one, and running one case through our
 * cleaner and symbol table.
 *
 * @module
 */
import { runCleaner, textToSymbolIds } from "@lipstream/edge/text";

/** One sentence with what the reference pipeline made of it. */
export interface ReferenceCase {
  /** The cleaner, where a corpus holds several. */
  cleaner?: string;
  /** The input text. */
  text: string;
  /** The reference's cleaned text. */
  cleaned: string;
  /** The reference's symbol ids. */
  ids: number[];
}

/** A corpus: the symbol list (per cleaner, or one for all) and the cases. */
export interface ReferenceCorpus<S = Record<string, string[]>> {
  symbols: S;
  cases: ReferenceCase[];
}

/**
 * Reads one corpus file from tests/fixtures/text/.
 *
 * @example
 * ```ts ignore
 * const corpus = await loadReferenceCorpus("reference_corpus_korean.json");
 * ```
 */
export async function loadReferenceCorpus<S = Record<string, string[]>>(
  file: string,
): Promise<ReferenceCorpus<S>> {
  return JSON.parse(
    await Deno.readTextFile(
      new URL(`../fixtures/text/${file}`, import.meta.url),
    ),
  ) as ReferenceCorpus<S>;
}

/** Symbol → id as the reference builds it (`{s: i for i, s in enumerate(symbols)}`, first wins). */
export function symbolTable(symbols: readonly string[]): Map<string, number> {
  const table = new Map<string, number>();
  symbols.forEach((s, i) => table.has(s) || table.set(s, i));
  return table;
}

/** What our front end made of one case. */
export interface CaseResult {
  /** Our cleaned text. */
  cleaned: string;
  /** Our ids. */
  ids: number[];
  /** Whether the ids equal the reference's. */
  equal: boolean;
  /** A two-line description of a difference, for `TEXT_REFERENCE_DIFF=1`. */
  difference: string;
}

/**
 * Runs `row` through `cleaner` and `table`.
 *
 * @example
 * ```ts ignore
 * const result = await runReferenceCase(row, "korean_cleaners", symbolTable(symbols));
 * if (!result.equal) console.log(result.difference);
 * ```
 */
export async function runReferenceCase(
  row: ReferenceCase,
  cleaner: string,
  table: ReadonlyMap<string, number>,
): Promise<CaseResult> {
  const { text } = await runCleaner(cleaner, row.text);
  const { ids } = textToSymbolIds(text, table);
  return {
    cleaned: text,
    ids,
    equal: JSON.stringify(ids) === JSON.stringify(row.ids),
    difference: `${cleaner} ${
      JSON.stringify(row.text)
    }\n  want ${row.cleaned}\n  got  ${text}`,
  };
}
