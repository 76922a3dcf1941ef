import assert from "node:assert/strict";
import { phonemesToIds } from "./phoneme_ids.ts";

const MAP = new Map<string, number[]>([
  ["_", [0]],
  ["^", [1]],
  ["$", [2]],
  [" ", [3]],
  ["h", [20]],
  ["ə", [59]],
  ["l", [24]],
  ["ˈ", [120]],
  ["o", [27]],
  ["ʊ", [100]],
]);

Deno.test("phonemesToIds() uses the C++ layout ^ _ p1 _ … pn _ $", () => {
  // həlˈoʊ: ^ _ h _ ə _ l _ ˈ _ o _ ʊ _ $
  assert.deepEqual(phonemesToIds("həlˈoʊ", MAP).ids, [
    1,
    0,
    20,
    0,
    59,
    0,
    24,
    0,
    120,
    0,
    27,
    0,
    100,
    0,
    2,
  ]);
});

Deno.test("phonemesToIds() gives ^ _ $ for no phonemes", () => {
  assert.deepEqual(phonemesToIds("", MAP).ids, [1, 0, 2]);
});

Deno.test("phonemesToIds() skips unknown phonemes and counts them", () => {
  const { ids, missing } = phonemesToIds("hɜːh", MAP);
  assert.deepEqual(ids, [1, 0, 20, 0, 20, 0, 2]);
  assert.deepEqual([...missing], [["ɜ", 1], ["ː", 1]]);
});

Deno.test("phonemesToIds() appends every id of a multi-id phoneme", () => {
  const map = new Map(MAP).set("x", [7, 8]);
  assert.deepEqual(phonemesToIds("x", map).ids, [1, 0, 7, 8, 0, 2]);
});

Deno.test("phonemesToIds() needs the special phonemes", () => {
  assert.throws(() => phonemesToIds("h", new Map([["h", [1]]])), RangeError);
});
