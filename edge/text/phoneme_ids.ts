/**
 * Piper phonemes → ids in piper-phonemize's C++ layout
 * `^ _ p1 _ p2 _ … pn _ $` (BOS, pad after BOS and after every phoneme, EOS),
 * the layout Piper voices are trained on.
 *
 * @see https://github.com/rhasspy/piper-phonemize (`src/phoneme_ids.cpp`)
 * @module
 */

/** Piper's special phonemes (`src/phoneme_ids.hpp`). */
export const PIPER_PAD = "_";
/** Beginning of sentence. */
export const PIPER_BOS = "^";
/** End of sentence. */
export const PIPER_EOS = "$";

/** Ids plus the phonemes that had no id. */
export interface PhonemeIdsResult {
  /** The phoneme ids. */
  ids: number[];
  /** Phonemes missing from the map → how often each was skipped. */
  missing: Map<string, number>;
}

/**
 * Maps phonemes (one codepoint each) to ids, skipping unknown phonemes; every
 * id list of a phoneme is appended whole, as in the C++ code.
 *
 * @example The C++ layout
 * ```ts
 * import { phonemesToIds } from "@lipstream/edge/text";
 * import assert from "node:assert/strict";
 *
 * const map = new Map([["_", [0]], ["^", [1]], ["$", [2]], ["a", [5]], ["b", [6]]]);
 * const result = phonemesToIds("abx", map);
 * assert.deepEqual(result.ids, [1, 0, 5, 0, 6, 0, 2]);
 * assert.deepEqual([...result.missing], [["x", 1]]);
 * ```
 *
 * @param phonemes The phoneme string.
 * @param phonemeIds Phoneme → ids (`phoneme_id_map`).
 * @returns The ids and the skipped phonemes.
 * @throws {RangeError} When the map lacks `_`, `^` or `$`.
 */
export function phonemesToIds(
  phonemes: string,
  phonemeIds: ReadonlyMap<string, readonly number[]>,
): PhonemeIdsResult {
  const special = (phoneme: string): readonly number[] => {
    const ids = phonemeIds.get(phoneme);
    if (ids === undefined) {
      throw new RangeError(
        `Cannot map phonemes to ids: phoneme_id_map has no '${phoneme}'`,
      );
    }
    return ids;
  };
  const pad = special(PIPER_PAD);
  const ids: number[] = [...special(PIPER_BOS), ...pad];
  const missing = new Map<string, number>();
  for (const phoneme of phonemes) {
    const mapped = phonemeIds.get(phoneme);
    if (mapped === undefined) {
      missing.set(phoneme, (missing.get(phoneme) ?? 0) + 1);
      continue;
    }
    ids.push(...mapped, ...pad);
  }
  ids.push(...special(PIPER_EOS));
  return { ids, missing };
}
