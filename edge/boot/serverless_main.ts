/**
 * The edge alone on a serverless Deno host (Deno Deploy and similar): no models in process, every
 * inference goes to Triton at `TRITON_URL`, which this entry requires. Voices and avatar packs are
 * read from the deployed files (`VOICES_DIR`, `AVATARS_DIR`). The host picks the port; `Deno.serve`
 * without one listens where it says. `deno task check:edge-graph` proves this graph is free of
 * native addons (ONNX Runtime is never loaded in Triton mode).
 *
 * Deploy: see `infra/serverless/README.md`.
 *
 * @module
 */

import { buildPipelineDeps } from "./pipeline_deps.ts";
import { createApp } from "../app.ts";
import { ConfigError, readConfig } from "../config.ts";
import { createJsonLogger } from "../log.ts";

let config;
try {
  config = readConfig(Deno.env.toObject());
} catch (error) {
  if (error instanceof ConfigError) throw new Error(error.message);
  throw error;
}
if (config.tritonUrl === undefined) {
  throw new Error(
    "Cannot start the serverless edge: TRITON_URL must name the Triton server (it runs no models itself)",
  );
}
const log = createJsonLogger({ level: config.logLevel });
const pipeline = await buildPipelineDeps(config, log);
const { app } = createApp({ config, log, ...pipeline });
log.info("serverless edge ready", {
  triton: config.tritonUrl,
  voices: pipeline.voiceIds,
  avatars: pipeline.avatarIds,
});
Deno.serve(app.fetch);
