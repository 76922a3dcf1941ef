/**
 * `deno task check:models [repository…]`: checks each Triton repository's configs against its
 * ONNX files (default: `infra/triton/models`, plus `generated/models` when it exists). Exits 1 when
 * any model has a problem; models without a model file are reported as skipped.
 *
 * @module
 */
import { checkModelRepository } from "./check_models.ts";

async function defaultRepositories(): Promise<string[]> {
  const dirs = ["infra/triton/models"];
  try {
    if ((await Deno.stat("generated/models")).isDirectory) {
      dirs.push("generated/models");
    }
  } catch {
    // Not generated yet: nothing more to check.
  }
  return dirs;
}

const repositories = Deno.args.length > 0
  ? Deno.args
  : await defaultRepositories();
let failed = false;
for (const dir of repositories) {
  for (const check of await checkModelRepository(dir)) {
    const detail = check.note ?? check.problems.join("\n    ");
    console.log(
      `${check.status.padEnd(7)} ${dir}/${check.model}${
        detail === "" ? "" : `: ${detail}`
      }`,
    );
    failed ||= check.status === "error";
  }
}
if (failed) Deno.exit(1);
