/**
 * `deno task start`: the Lipstream edge server. Reads the configuration from
 * the environment (see `config.ts`), builds the pipeline — Triton over HTTP
 * when `TRITON_URL` is set, otherwise ONNX Runtime in process on
 * `MODEL_REPOSITORY` — warms it up (one short utterance per voice and on
 * the first avatar), serves the app on `PORT` (default 8080) and prints the
 * URL. SIGINT/SIGTERM stop it gracefully.
 *
 * @module
 */

import { buildPipelineDeps } from "./boot/pipeline_deps.ts";
import { warmUpPipeline } from "./boot/warm_up.ts";
import { createApp } from "./app.ts";
import { ConfigError, readConfig } from "./config.ts";
import { createJsonLogger } from "./log.ts";

let config;
try {
  config = readConfig(Deno.env.toObject());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    Deno.exit(2);
  }
  throw error;
}
const log = createJsonLogger({ level: config.logLevel });
const pipeline = await buildPipelineDeps(config, log);
const warmUp = await warmUpPipeline(pipeline, {
  signal: AbortSignal.timeout(config.backendTimeoutMs),
});
if (warmUp.failures.length > 0) log.warn("warm-up incomplete", { ...warmUp });
else log.info("warmed up", { ...warmUp });
// Every model answers one real inference before /readyz says ready.
const readiness = await pipeline.readiness.check({
  signal: AbortSignal.timeout(config.backendTimeoutMs),
});
const failed = Object.entries(readiness.checks).filter(([, c]) => !c.ok);
if (failed.length > 0) {
  log.warn(readiness.ready ? "ready, degraded" : "not ready", {
    failed: Object.fromEntries(failed),
  });
}
const { app } = createApp({ config, log, ...pipeline });
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, () => controller.abort());
}
const server = Deno.serve({
  port: config.port,
  hostname: config.hostname,
  signal: controller.signal,
  onListen({ hostname, port }) {
    const host = hostname === "0.0.0.0" ? "localhost" : hostname;
    log.info("listening", {
      url: `http://${host}:${port}/`,
      mode: pipeline.mode,
      voices: pipeline.voiceIds,
      avatars: pipeline.avatarIds,
      wav2lip: pipeline.wav2lipModel,
    });
    console.log(`Lipstream is running at http://${host}:${port}/`);
  },
}, app.fetch);
await server.finished;
await pipeline.backend.close();
