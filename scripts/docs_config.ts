/**
 * `deno task docs:config`: writes README.md's configuration table from the
 * variables table (`edge/config/variables.ts`), between its marker comments.
 * `edge/config/readme_table_test.ts` fails while README.md is out of date.
 *
 * Usage: `deno task docs:config`
 *
 * @module
 */

import { CONFIG_VARIABLES } from "../edge/config/variables.ts";
import {
  renderConfigTable,
  replaceConfigTable,
} from "../edge/config/readme_table.ts";

const readmeUrl = new URL("../README.md", import.meta.url);
const readme = await Deno.readTextFile(readmeUrl);
const updated = replaceConfigTable(
  readme,
  renderConfigTable(Object.values(CONFIG_VARIABLES)),
);
if (updated === readme) {
  console.log("README.md: the configuration table is up to date");
} else {
  await Deno.writeTextFile(readmeUrl, updated);
  console.log(
    `README.md: wrote the configuration table (${
      Object.keys(CONFIG_VARIABLES).length
    } variables)`,
  );
}
