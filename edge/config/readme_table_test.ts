import assert from "node:assert/strict";
import { CONFIG_VARIABLES } from "./variables.ts";
import {
  renderConfigTable,
  replaceConfigTable,
  TABLE_END,
  TABLE_START,
} from "./readme_table.ts";
import { variable } from "./variable.ts";
import { text } from "./value_kinds.ts";

const VARIABLES = Object.values(CONFIG_VARIABLES);

Deno.test("README.md's configuration table is the one the variables table writes", async () => {
  const readme = await Deno.readTextFile(
    new URL("../../README.md", import.meta.url),
  );
  const expected = replaceConfigTable(readme, renderConfigTable(VARIABLES));
  assert.ok(
    readme === expected,
    "README.md's configuration table is out of date: run `deno task docs:config`",
  );
});

Deno.test("renderConfigTable() writes one row per variable, defaults in code, none as a dash", () => {
  const lines = renderConfigTable(VARIABLES).split("\n");
  assert.equal(lines.length, 2 + VARIABLES.length);
  assert.equal(new Set(VARIABLES.map((v) => v.env)).size, VARIABLES.length);
  const row = (env: string) =>
    lines.find((line) => line.startsWith(`| \`${env}\` `));
  assert.match(
    row("PORT")!,
    /^\| `PORT` +\| `8080` +\| an integer from 0 to 65535 +\|/,
  );
  assert.match(row("TRITON_URL")!, /^\| `TRITON_URL` +\| — +\|/);
  assert.match(row("API_KEYS")!, /^\| `API_KEYS` +\| — +\|/);
  assert.match(row("MAX_BODY_BYTES")!, /\| 16 MiB +\|/);
  assert.equal(new Set(lines.map((line) => line.length)).size, 1);
});

Deno.test("renderConfigTable() refuses a cell that would break the table", () => {
  const bad = variable("X", text("a | b"), { default: "1", meaning: "m" });
  assert.throws(() => renderConfigTable([bad]), TypeError);
});

Deno.test("replaceConfigTable() keeps what is outside the markers and needs both", () => {
  const readme = `a\n${TABLE_START}\nold\n${TABLE_END}\nb\n`;
  const once = replaceConfigTable(readme, "| t |");
  assert.equal(once, `a\n${TABLE_START}\n\n| t |\n\n${TABLE_END}\nb\n`);
  assert.equal(replaceConfigTable(once, "| t |"), once);
  assert.throws(() => replaceConfigTable("a\n", "t"), SyntaxError);
  assert.throws(
    () => replaceConfigTable(`${TABLE_END}\n${TABLE_START}\n`, "t"),
    SyntaxError,
  );
});
