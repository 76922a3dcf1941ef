/**
 * `deno task inference`: serves a Triton-layout model repository over KServe v2 HTTP with the
 * in-process ONNX Runtime backend, like `tritonserver --model-repository`.
 *
 * Environment: `PORT` (default 8000, Triton's HTTP port), `MODEL_REPOSITORY` (default
 * `generated/models`, the fixtures `deno task setup` writes; production: `infra/triton/models`), `HOST` (default `0.0.0.0`; not `HOSTNAME`, which shells set to the machine name),
 * `ORT_WORKERS` (default 1: models run on that many worker threads, so the HTTP thread never waits
 * on a run; 0 runs them on the HTTP thread).
 *
 * @module
 */
import { loadOrtBackend } from "../ort_loader/mod.ts";
import { serveKserve } from "./serve.ts";

const port = Number(Deno.env.get("PORT") ?? "8000");
const hostname = Deno.env.get("HOST") ?? "0.0.0.0";
const repository = Deno.env.get("MODEL_REPOSITORY") ?? "generated/models";
const workers = Number(Deno.env.get("ORT_WORKERS") || "1");
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new RangeError(
    `Cannot start inference server: PORT must be 0-65535: received ${port}`,
  );
}
if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
  throw new RangeError(
    `Cannot start inference server: ORT_WORKERS must be an integer from 0 to 64: received ${
      Deno.env.get("ORT_WORKERS")
    }`,
  );
}
// Loaded lazily so the server's module graph stays free of onnxruntime-node.
const backend = await loadOrtBackend({ repository, workers });
const controller = new AbortController();
Deno.addSignalListener("SIGINT", () => controller.abort());
const server = serveKserve({
  backend,
  port,
  hostname,
  signal: controller.signal,
  onListen: ({ hostname, port }) =>
    console.log(
      `KServe v2 server for ${repository} on http://${hostname}:${port}`,
    ),
});
await server.finished;
await backend.close();
