/**
 * Conformance: Triton's own Python client (`tritonclient[http]` 2.73.0, in `.tools/venv-triton`
 * from `scripts/triton_env.sh`) against our local KServe server hosting the fixture repository on
 * ONNX Runtime: health, metadata, config, repository index, binary and JSON infer of every
 * datatype, a batched request, gzip/deflate, errors and statistics. `tritonclient_conformance.py`
 * prints one line per check; each is a step here. Outside CI a missing environment skips the test;
 * under `CI=true` it fails.
 */
import assert from "node:assert/strict";
import { serveKserve } from "@lipstream/inference/server";
import { createOrtBackend } from "@lipstream/inference/ort";
import { DEFAULT_TRITON_ENV } from "@lipstream/inference/tritonserver";

const python = `${
  Deno.env.get("LIPSTREAM_TRITON_ENV") ?? DEFAULT_TRITON_ENV
}/bin/python`;
const available = await Deno.stat(python).then(() => true, () => false);
const ignore = !available && Deno.env.get("CI") !== "true";

Deno.test({
  name: "tritonclient (Triton's Python client) against our KServe server",
  ignore,
  async fn(t) {
    assert.ok(
      available,
      `${python} is missing: run bash scripts/triton_env.sh`,
    );
    const backend = await createOrtBackend({ repository: "generated/models" });
    const server = serveKserve({ backend, port: 0, hostname: "127.0.0.1" });
    let output;
    try {
      output = await new Deno.Command(python, {
        args: [
          new URL("./tritonclient_conformance.py", import.meta.url).pathname,
          server.url,
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
    } finally {
      await server.shutdown();
      await backend.close();
    }
    const stderr = new TextDecoder().decode(output.stderr);
    assert.ok(output.success, stderr);
    const checks = new TextDecoder().decode(output.stdout).trim().split("\n")
      .map((line) =>
        JSON.parse(line) as { check: string; ok: boolean; detail: string }
      );
    assert.ok(checks.length >= 18, `${checks.length} checks ran\n${stderr}`);
    for (const check of checks) {
      await t.step(check.check, () => assert.ok(check.ok, check.detail));
    }
  },
});
