/**
 * Counts the edge files a request passes: the static import closure of a
 * route module (`deno info --json`), keeping the project's own main files
 * under `edge/` (no tests, no npm packages, no `shared/`, which is a library
 * of its own and counted apart). Services behind the pipeline's interfaces
 * (`SpeechService`, `LipSyncService`) are not in a route's closure: they are
 * the stages, opened when their own request option is followed.
 *
 * Usage: `deno run --allow-read --allow-run --allow-env scripts/request_path_files.ts [route ...]`
 * (default `edge/routes/speak.ts`); `--max N` exits 1 above `N` files.
 *
 * @module
 */

const args = [...Deno.args];
const maxAt = args.indexOf("--max");
const max = maxAt === -1 ? Infinity : Number(args.splice(maxAt, 2)[1]);
const entries = args.length > 0 ? args : ["edge/routes/speak.ts"];
const root = new URL("../", import.meta.url).href;

/** The local files in the static import closure of `entry`, relative to the repository. */
async function closure(entry: string): Promise<string[]> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!output.success) {
    throw new Error(
      `Cannot read the graph of ${entry}: ${
        new TextDecoder().decode(output.stderr)
      }`,
    );
  }
  const info = JSON.parse(new TextDecoder().decode(output.stdout)) as {
    modules: { specifier: string }[];
  };
  return info.modules
    .map((module) => module.specifier)
    .filter((specifier) => specifier.startsWith(root))
    .map((specifier) => specifier.slice(root.length))
    .sort();
}

let over = false;
for (const entry of entries) {
  const files = await closure(entry);
  const main = files.filter((file) => !/_test\.ts$/.test(file));
  const edge = main.filter((file) => file.startsWith("edge/"));
  const shared = main.filter((file) => file.startsWith("shared/"));
  const folders = new Set(edge.map((file) => file.replace(/\/[^/]+$/, "")));
  console.log(
    `${entry}: ${edge.length} edge files in ${folders.size} folders (+ ${shared.length} shared/ files)`,
  );
  for (const file of edge) console.log(`  ${file}`);
  if (edge.length > max) over = true;
}
if (over) {
  console.error(`more than ${max} edge files on a request path`);
  Deno.exit(1);
}
