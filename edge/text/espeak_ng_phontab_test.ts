import assert from "node:assert/strict";
import { readPhonemeTables, renumberedTables } from "./espeak_ng_phontab.ts";
import { loadPhonemizerData } from "./phonemizer_data.ts";

const PHONTAB =
  (await loadPhonemizerData()).find((file) => file.path === "phontab")!.bytes;

Deno.test("readPhonemeTables() reads eSpeak NG 1.51's tables and what each includes", () => {
  const tables = readPhonemeTables(PHONTAB);
  assert.equal(tables.size, 129);
  assert.equal(tables.get("de")?.includes, "base1");
  assert.equal(tables.get("en-us")?.includes, "en");
  assert.equal(tables.get("base1")?.includes, "base");
  assert.equal(tables.get("base")?.includes, "base");
  assert.ok(tables.get("de")!.phonemes.length > 10);
});

Deno.test("renumberedTables() finds none between a phontab and itself, and a changed table's dependants", () => {
  const tables = readPhonemeTables(PHONTAB);
  assert.equal(renumberedTables(tables, tables).size, 0);
  const changed = new Map(tables);
  const en = tables.get("en")!;
  changed.set("en", { ...en, phonemes: en.phonemes.slice(1) });
  const renumbered = renumberedTables(changed, tables);
  assert.ok(renumbered.has("en") && renumbered.has("en-us"));
  assert.ok(!renumbered.has("de"));
});
