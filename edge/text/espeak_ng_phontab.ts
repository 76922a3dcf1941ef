/**
 * eSpeak NG's phoneme table index (`phontab`): the phoneme tables, each with
 * its phonemes in code order and the table it includes. A compiled
 * dictionary (`de_dict`) stores phonemes as these codes, so it can be read
 * with another version's phoneme data only where the codes mean the same
 * phonemes in both (layout: espeak-ng `src/libespeak-ng/synthdata.c`,
 * `LoadPhData` and `SetUpPhonemeTable`: a table count in the first of 4
 * bytes; per table the phoneme count, the included table's index plus one
 * (0: none), 2 bytes padding, a 32-byte name, then
 * 16 bytes per phoneme beginning with its 4-byte mnemonic; the code and type
 * are bytes 10 and 11).
 *
 * @module
 */

/** One phoneme table of a `phontab`. */
export interface PhonemeTable {
  /** The table's name (`de`, `en-us`, `base1`). */
  name: string;
  /** The name of the table it includes (its own name for a root table). */
  includes: string;
  /** Each phoneme as `code:mnemonic:type`, in file order. */
  phonemes: string[];
}

const NAME_BYTES = 32;
const PHONEME_BYTES = 16;

/**
 * Reads the phoneme tables of a `phontab` file.
 *
 * @example
 * ```ts
 * import { readPhonemeTables } from "./espeak_ng_phontab.ts";
 * import assert from "node:assert/strict";
 *
 * // One table "xx" of one phoneme: mnemonic "a", code 10, type 2.
 * const phontab = new Uint8Array(4 + 4 + 32 + 16);
 * phontab.set([1, 0, 0, 0, 1, 0]);
 * phontab.set([0x78, 0x78], 8);
 * phontab.set([0x61, 0, 0, 0], 40);
 * phontab.set([10, 2], 50);
 * assert.deepEqual(readPhonemeTables(phontab).get("xx"), {
 *   name: "xx",
 *   includes: "xx",
 *   phonemes: ["10:97:2"],
 * });
 * ```
 *
 * @param phontab The file's bytes.
 * @returns The tables by name.
 */
export function readPhonemeTables(
  phontab: Uint8Array,
): Map<string, PhonemeTable> {
  const view = new DataView(
    phontab.buffer,
    phontab.byteOffset,
    phontab.byteLength,
  );
  const raw: { name: string; includes: number; phonemes: string[] }[] = [];
  let offset = 4;
  for (let table = 0; table < phontab[0]!; table++) {
    const count = phontab[offset]!;
    const includes = phontab[offset + 1]!;
    offset += 4;
    const nameBytes = phontab.subarray(offset, offset + NAME_BYTES);
    const end = nameBytes.indexOf(0);
    const name = new TextDecoder().decode(
      nameBytes.subarray(0, end < 0 ? NAME_BYTES : end),
    );
    offset += NAME_BYTES;
    const phonemes: string[] = [];
    for (let i = 0; i < count; i++, offset += PHONEME_BYTES) {
      const mnemonic = view.getUint32(offset, true);
      phonemes.push(
        `${phontab[offset + 10]}:${mnemonic}:${phontab[offset + 11]}`,
      );
    }
    raw.push({ name, includes, phonemes });
  }
  return new Map(raw.map(({ name, includes, phonemes }) => [name, {
    name,
    includes: includes === 0 ? name : raw[includes - 1]?.name ?? name,
    phonemes,
  }]));
}

function sameTable(a: PhonemeTable | undefined, b: PhonemeTable): boolean {
  return a !== undefined && a.includes === b.includes &&
    a.phonemes.join() === b.phonemes.join();
}

/**
 * The tables of `current` whose phoneme codes mean something else in (or are
 * missing from) `other`: a table that `other` lacks or lists differently, or
 * one that includes such a table.
 *
 * @example
 * ```ts
 * import { renumberedTables } from "./espeak_ng_phontab.ts";
 * import assert from "node:assert/strict";
 *
 * const table = (name: string, includes: string, phonemes: string[]) => ({
 *   name, includes, phonemes,
 * });
 * const other = new Map([["base", table("base", "base", ["1:97:2"])]]);
 * const current = new Map([
 *   ["base", table("base", "base", ["1:97:2"])],
 *   ["ca", table("ca", "base", ["20:98:2"])],
 *   ["ca-va", table("ca-va", "ca", [])],
 * ]);
 * assert.deepEqual(renumberedTables(current, other), new Set(["ca", "ca-va"]));
 * ```
 *
 * @param current The tables a dictionary was compiled with.
 * @param other The tables it would be read with.
 * @returns The names of the tables of `current` that differ.
 */
export function renumberedTables(
  current: Map<string, PhonemeTable>,
  other: Map<string, PhonemeTable>,
): Set<string> {
  const renumbered = new Set<string>();
  const differs = (name: string, depth = 0): boolean => {
    const table = current.get(name);
    if (table === undefined || depth > current.size) return true;
    if (!sameTable(other.get(name), table)) return true;
    return table.includes !== name && differs(table.includes, depth + 1);
  };
  for (const name of current.keys()) if (differs(name)) renumbered.add(name);
  return renumbered;
}
