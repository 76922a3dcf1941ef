/**
 * The real edge on loopback for end-to-end tests: `readConfig` → `buildPipelineDeps` →
 * `createApp` → `Deno.serve` on a free port, closed (server and backend) afterwards.
 *
 * @module
 */
import { createApp } from "@lipstream/edge/app";
import { readConfig } from "@lipstream/edge/config";
import { createJsonLogger } from "@lipstream/edge/log";
import {
  buildPipelineDeps,
  type PipelineDeps,
} from "../../edge/boot/pipeline_deps.ts";

/**
 * Runs `run` against a real edge server configured by `env` (as `deno task start` reads it;
 * `PORT` is always a free one).
 *
 * @param env Environment variables for `readConfig`.
 * @param run Gets the server's base URL and its pipeline.
 */
export async function withEdgeServer(
  env: Record<string, string>,
  run: (base: string, pipeline: PipelineDeps) => Promise<void>,
): Promise<void> {
  const config = readConfig({ ...env, PORT: "0" });
  const log = createJsonLogger({ level: "error" });
  const pipeline = await buildPipelineDeps(config, log);
  const { app } = createApp({ config, log, ...pipeline });
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    app.fetch,
  );
  try {
    await run(`http://127.0.0.1:${server.addr.port}`, pipeline);
  } finally {
    await server.shutdown();
    await pipeline.close();
  }
}
