/**
 * `deno task inference`: serves a Triton-layout model repository over KServe v2 HTTP with the
 * in-process ONNX Runtime backend, like `tritonserver --model-repository`.
 *
 * Environment: `PORT` (default 8000, Triton's HTTP port), `MODEL_REPOSITORY` (default
 * `generated/models`, the fixtures `deno task setup` writes; production: `infra/triton/models`), `HOST` (default `0.0.0.0`; not `HOSTNAME`, which shells set to the machine name).
 *
 * @module
 */
import { serveKserve } from "./serve.ts";
import type { KserveServerBackend } from "./backend_types.ts";

type CreateOrtBackend = (
  options: { repository: string },
) => Promise<KserveServerBackend>;

const port = Number(Deno.env.get("PORT") ?? "8000");
const hostname = Deno.env.get("HOST") ?? "0.0.0.0";
const repository = Deno.env.get("MODEL_REPOSITORY") ?? "generated/models";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new RangeError(
    `Cannot start inference server: PORT must be 0-65535: received ${port}`,
  );
}
// Imported lazily so the server module graph stays free of onnxruntime-node.
const ort = await import("../ort/mod.ts") as {
  createOrtBackend?: CreateOrtBackend;
};
if (ort.createOrtBackend === undefined) {
  throw new TypeError(
    "Cannot start inference server: inference/ort exports no createOrtBackend",
  );
}
const backend = await ort.createOrtBackend({ repository });
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
