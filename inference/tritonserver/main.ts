/**
 * `deno task triton`: NVIDIA's real `tritonserver` (from `.tools/venv-triton`, made by
 * `bash scripts/triton_env.sh`) serving a repository's ONNX models through Triton's Python backend
 * with ONNX Runtime inside, on CPU. Point the edge at it with `TRITON_URL`.
 *
 * Environment: `PORT` (default 8000), `HOST` (default `127.0.0.1`), `MODEL_REPOSITORY` (default
 * `generated/models`), `MODELS` (comma-separated model folders; default all three fixtures).
 *
 * @module
 */
import { startTritonServer } from "./tritonserver_process.ts";

const models = (Deno.env.get("MODELS") ??
  "fixture_vits,fixture_wav2lip,fixture_identity").split(",").map((name) =>
    name.trim()
  ).filter(Boolean);
const server = await startTritonServer({
  source: Deno.env.get("MODEL_REPOSITORY") ?? "generated/models",
  models,
  port: Number(Deno.env.get("PORT") ?? "8000"),
  host: Deno.env.get("HOST") ?? "127.0.0.1",
});
console.log(
  `tritonserver (pid ${server.pid}) serves ${
    models.join(", ")
  } on ${server.url}`,
);
const stop = () => server.close().then(() => Deno.exit(0));
Deno.addSignalListener("SIGINT", stop);
Deno.addSignalListener("SIGTERM", stop);
