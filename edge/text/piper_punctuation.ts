/**
 * Clause punctuation the way piper-phonemize writes it (rhasspy/piper-phonemize
 * `src/phonemize.cpp`, `phonemize_eSpeak`): eSpeak NG reads the text clause by
 * clause, and after each clause Piper writes one mark for eSpeak's terminator
 * (`.` `?` `!` as they are, `,` `:` `;` followed by a space) and nothing for
 * any other terminator, the next clause then following without a space.
 * Observed with piper-phonemize 1.1.0 (`edge/text/CONFORMANCE.md`):
 *
 * - a run of marks counts by its first: `?!` → `?`, `,,` → `,`;
 * - the dashes `—` and `–` end a clause as `;`; the Arabic-script `، ؛ ؟ ۔`
 *   as `, ; ? .`, the Greek question mark (U+037E) as `?`;
 * - `…` and three or more dots, and the opening `¿` `¡`, end a clause with no
 *   mark (`Hola ¿qué tal?` → `ˈolakˈe tˈal?`);
 * - two dots end no clause; quotes and brackets are no clause ends at all
 *   (eSpeak reads past them, Piper writes nothing for them), nor are `।` and
 *   `։`, which Piper reads as a space.
 *
 * @module
 */

/** Marks at which Piper's eSpeak ends a clause (not inside "3.14" or "a,b"). */
export const PIPER_PUNCTUATION_REGEXP =
  /((?<![\p{L}\p{N}])[,.;:!?¡¿—–…،؛؟۔\u037e]+|[,.;:!?¡¿—–…،؛؟۔\u037e]+(?![\p{L}\p{N}]))/u;

/** Other scripts' marks, written as the marks eSpeak reads them as. */
const SCRIPT_MARKS: Record<string, string> = {
  "\u037e": "?", // Greek question mark
  "،": ",",
  "؛": ";",
  "؟": "?",
  "۔": ".",
};

/**
 * Marks eSpeak NG 1.52 ends a clause at but Piper's eSpeak reads past as a
 * word space (Devanagari `।` `॥`, Armenian `։`).
 */
export const PIPER_WORD_SPACE_REGEXP = /[।॥։]/gu;

/** What Piper writes after a clause: a mark, then a space or not. */
export interface ClauseEnd {
  /** The mark (`""` for none). */
  mark: string;
  /** Whether the next clause follows after a space. */
  space: boolean;
}

const NO_MARK: ClauseEnd = { mark: "", space: false };

/**
 * What piper-phonemize writes after a clause that ends at a run of marks.
 *
 * @example
 * ```ts
 * import { piperClauseEnd } from "./piper_punctuation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(piperClauseEnd("?!"), { mark: "?", space: true });
 * assert.deepEqual(piperClauseEnd("—"), { mark: ";", space: true });
 * assert.deepEqual(piperClauseEnd("¿"), { mark: "", space: false });
 * assert.equal(piperClauseEnd(".."), undefined);
 * ```
 *
 * @param run The marks (one match of {@link PIPER_PUNCTUATION_REGEXP}).
 * @returns The mark and spacing, or `undefined` when eSpeak ends no clause
 * there (the clauses are then joined by a space).
 */
export function piperClauseEnd(run: string): ClauseEnd | undefined {
  if (run.startsWith("...")) return NO_MARK;
  if (run.startsWith("..")) return undefined;
  const first = SCRIPT_MARKS[run[0]!] ?? run[0];
  switch (first) {
    case ".":
    case "?":
    case "!":
    case ",":
    case ":":
    case ";":
      return { mark: first, space: true };
    case "—":
    case "–":
      return { mark: ";", space: true };
    default: // … ¿ ¡
      return NO_MARK;
  }
}

/** One clause's phonemes, or the run of marks after it. */
export type ClausePart = { phonemes: string } | { marks: string };

/**
 * Joins clauses and their marks as piper-phonemize does (sentences, which
 * Piper keeps apart, joined by a space).
 *
 * @example
 * ```ts
 * import { joinAsPiper } from "./piper_punctuation.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   joinAsPiper([
 *     { phonemes: "ˈola" }, { marks: "¿" }, { phonemes: "kˈe tˈal" },
 *     { marks: "?" }, { phonemes: "bjˈen" }, { marks: "." },
 *   ]),
 *   "ˈolakˈe tˈal? bjˈen.",
 * );
 * ```
 *
 * @param parts Clauses and runs of marks, in text order.
 * @returns The phoneme string.
 */
export function joinAsPiper(parts: ClausePart[]): string {
  let out = "";
  let separator = "";
  let afterClause = false;
  for (const part of parts) {
    if ("phonemes" in part) {
      if (part.phonemes === "") continue;
      out += separator + part.phonemes;
      separator = " ";
      afterClause = true;
      continue;
    }
    // A run right after another (", ¿") or before any clause adds nothing.
    if (!afterClause) continue;
    const end = piperClauseEnd(part.marks);
    if (end === undefined) continue;
    out += end.mark;
    separator = end.space ? " " : "";
    afterClause = false;
  }
  return out;
}
