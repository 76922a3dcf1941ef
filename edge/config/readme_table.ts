/**
 * The README's configuration table, written from the variables table: one row
 * per variable (name, default, what it accepts, meaning), aligned the way
 * `deno fmt` aligns Markdown tables, between two marker comments.
 *
 * @module
 */

import type { ConfigVariable } from "./variable.ts";

/** The comment before the generated table in README.md. */
export const TABLE_START =
  "<!-- config-table: written by `deno task docs:config` from edge/config/variables.ts -->";
/** The comment after it. */
export const TABLE_END = "<!-- /config-table -->";

const HEADER = ["variable", "default", "accepts", "meaning"];

function defaultCell(variable: ConfigVariable<unknown>): string {
  if (variable.defaultShown !== undefined) return variable.defaultShown;
  return variable.default === undefined || variable.default === ""
    ? "—"
    : `\`${variable.default}\``;
}

/** Code points, which is how `deno fmt` measures the ASCII and symbols used here. */
function width(cell: string): number {
  return [...cell].length;
}

/**
 * Renders the variables as a Markdown table.
 *
 * @param variables The rows, in order.
 * @returns The table's lines joined by `\n`, no trailing newline.
 *
 * @example
 * ```ts
 * import { renderConfigTable } from "./readme_table.ts";
 * import { variable } from "./variable.ts";
 * import { integer } from "./value_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * const port = variable("PORT", integer(0, 9), { default: "8", meaning: "port" });
 * assert.equal(
 *   renderConfigTable([port]).split("\n")[2],
 *   "| `PORT`   | `8`     | an integer from 0 to 9 | port    |",
 * );
 * ```
 */
export function renderConfigTable(
  variables: readonly ConfigVariable<unknown>[],
): string {
  const rows = variables.map((variable) => [
    `\`${variable.env}\``,
    defaultCell(variable),
    variable.accepts,
    variable.meaning,
  ]);
  for (const cell of rows.flat()) {
    if (cell.includes("|") || cell.includes("\n")) {
      throw new TypeError(
        `Cannot render the configuration table: a cell holds "|" or a newline: received ${
          JSON.stringify(cell)
        }`,
      );
    }
  }
  const widths = HEADER.map((title, column) =>
    Math.max(3, width(title), ...rows.map((row) => width(row[column]!)))
  );
  const line = (cells: readonly string[]) =>
    `| ${
      cells.map((cell, column) =>
        cell + " ".repeat(widths[column]! - width(cell))
      ).join(" | ")
    } |`;
  return [
    line(HEADER),
    `| ${widths.map((n) => "-".repeat(n)).join(" | ")} |`,
    ...rows.map(line),
  ].join("\n");
}

/**
 * Puts `table` between the markers in `readme`, replacing what was there.
 *
 * @param readme The README's text.
 * @param table The table from {@linkcode renderConfigTable}.
 * @returns The new text.
 * @throws {SyntaxError} When the markers are missing or out of order.
 *
 * @example
 * ```ts
 * import { replaceConfigTable, TABLE_END, TABLE_START } from "./readme_table.ts";
 * import assert from "node:assert/strict";
 *
 * const readme = `# Title\n\n${TABLE_START}\nold\n${TABLE_END}\n`;
 * assert.equal(
 *   replaceConfigTable(readme, "new"),
 *   `# Title\n\n${TABLE_START}\n\nnew\n\n${TABLE_END}\n`,
 * );
 * ```
 */
export function replaceConfigTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) {
    throw new SyntaxError(
      `Cannot update the configuration table: README.md needs the lines ${TABLE_START} and ${TABLE_END}, in that order`,
    );
  }
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${
    readme.slice(end)
  }`;
}
