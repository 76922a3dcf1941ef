/**
 * `deno task models:import <kind> …`: imports a Wav2Lip or voice model into the model repository
 * and the voices folder (see `import_help.ts` for the command line, `import_model.ts` for what it
 * writes). Prints a summary on success; one line `models:import: <problem>` and exit status 1 on
 * any error, with nothing written.
 *
 * @module
 */
import { parseImportArgs } from "./import_args.ts";
import { ImportError } from "./import_error.ts";
import { IMPORT_HELP } from "./import_help.ts";
import { importModel } from "./import_model.ts";
import { importSummary } from "./import_summary.ts";

try {
  const request = parseImportArgs(Deno.args, {
    MODEL_REPOSITORY: Deno.env.get("MODEL_REPOSITORY"),
    VOICES_DIR: Deno.env.get("VOICES_DIR"),
    INIT_CWD: Deno.env.get("INIT_CWD"),
  });
  if (request === undefined) {
    console.log(IMPORT_HELP);
  } else {
    const result = await importModel(request);
    console.log(importSummary(request, result));
  }
} catch (error) {
  const message = error instanceof ImportError
    ? error.message
    : `unexpected error: ${
      error instanceof Error ? error.message : String(error)
    }`;
  console.error(`models:import: ${message.replace(/\s*\n\s*/g, " ")}`);
  Deno.exit(1);
}
