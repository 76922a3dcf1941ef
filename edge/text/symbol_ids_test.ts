import assert from "node:assert/strict";
import { textToSymbolIds } from "./symbol_ids.ts";

const TABLE = new Map([..."_abc "].map((symbol, index) => [symbol, index]));

Deno.test("textToSymbolIds() maps each character through the table", () => {
  assert.deepEqual(textToSymbolIds("cab a", TABLE).ids, [3, 1, 2, 4, 1]);
});

Deno.test("textToSymbolIds() intersperses blank 0 to length 2n+1", () => {
  const { ids } = textToSymbolIds("cab", TABLE, { addBlank: true });
  assert.deepEqual(ids, [0, 3, 0, 1, 0, 2, 0]);
  assert.deepEqual(textToSymbolIds("", TABLE, { addBlank: true }).ids, [0]);
});

Deno.test("textToSymbolIds() drops and counts characters not in the table", () => {
  const { ids, dropped } = textToSymbolIds("a《b》a😀", TABLE);
  assert.deepEqual(ids, [1, 2, 1]);
  assert.deepEqual([...dropped], [["《", 1], ["》", 1], ["😀", 1]]);
});

Deno.test("textToSymbolIds() uses the first id of a repeated symbol", () => {
  const table = new Map([["_", 0], ["a", 1]]);
  assert.deepEqual(textToSymbolIds("a", table).ids, [1]);
});
