/**
 * Cleaned text → VITS symbol ids, as VITS-fast-fine-tuning's
 * `text_to_sequence` does: each character is looked up in the voice's
 * `symbols`, characters not in the table are dropped (and counted here), then
 * blank id 0 is interspersed when the voice has `add_blank`.
 *
 * @see https://github.com/Plachtaa/VITS-fast-fine-tuning (`text/__init__.py`, `commons.py`)
 * @module
 */

/** Ids plus the characters that had no symbol. */
export interface SymbolIdsResult {
  /** The symbol ids. */
  ids: number[];
  /** Characters not in the symbol table → how often each was dropped. */
  dropped: Map<string, number>;
}

/**
 * Maps cleaned text to symbol ids, dropping unknown characters and
 * interspersing blank (0) when `addBlank` is set: `[0, s1, 0, …, sn, 0]`.
 *
 * @example Blank interspersed, unknown dropped
 * ```ts
 * import { textToSymbolIds } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * const table = new Map([["_", 0], ["a", 1], ["b", 2]]);
 * const result = textToSymbolIds("abz", table, { addBlank: true });
 * assert.deepEqual(result.ids, [0, 1, 0, 2, 0]);
 * assert.deepEqual([...result.dropped], [["z", 1]]);
 * ```
 *
 * @param cleaned Cleaned text (the cleaners' output).
 * @param symbolIds Symbol → id.
 * @param options `addBlank` intersperses id 0.
 * @returns The ids and the dropped characters.
 */
export function textToSymbolIds(
  cleaned: string,
  symbolIds: ReadonlyMap<string, number>,
  options: { addBlank?: boolean } = {},
): SymbolIdsResult {
  const ids: number[] = [];
  const dropped = new Map<string, number>();
  for (const char of cleaned) {
    const id = symbolIds.get(char);
    if (id === undefined) dropped.set(char, (dropped.get(char) ?? 0) + 1);
    else ids.push(id);
  }
  if (!options.addBlank) return { ids, dropped };
  const blanked = new Array<number>(ids.length * 2 + 1).fill(0);
  ids.forEach((id, index) => blanked[index * 2 + 1] = id);
  return { ids: blanked, dropped };
}
