/**
 * The edge over a real inference server (the local KServe server on ONNX
 * Runtime with the fixture models) behind a fault-injecting proxy, all on
 * loopback: the backend-error taxonomy (defect 11), `/v1/lipsync` with the
 * backend down (defect 12) and an edge that starts before its backend
 * (defect 7). Needs `deno task setup`.
 */
import assert from "node:assert/strict";
import { buildPipelineDeps } from "../../edge/boot/pipeline_deps.ts";
import { createApp } from "@lipstream/edge/app";
import { readConfig } from "@lipstream/edge/config";
import { createJsonLogger } from "@lipstream/edge/log";
import { createOrtBackend } from "@lipstream/inference/ort";
import { serveKserve } from "@lipstream/inference/server";
import { startFaultProxy } from "./fault_proxy.ts";
import { pcm16Wav, serveLoopback, tone } from "./_loopback.ts";

const SPEAK = {
  text: "Hello there. This is the fixture voice.",
  voice: "fixture_vits",
  avatar: "demo",
};

async function edgeOver(tritonUrl: string, env: Record<string, string> = {}) {
  const config = readConfig({
    TRITON_URL: tritonUrl,
    BACKEND_TIMEOUT_MS: "1500",
    MAX_BODY_BYTES: String(1 << 20),
    ...env,
  });
  const log = createJsonLogger({ level: "error", write() {} });
  const pipeline = await buildPipelineDeps(config, log);
  const { app } = createApp({ config, log, ...pipeline });
  const served = serveLoopback(app.fetch);
  return {
    base: served.base,
    async close() {
      await served.close();
      await pipeline.close();
    },
  };
}

function speak(base: string) {
  return fetch(`${base}/v1/speak`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(SPEAK),
  });
}

async function statusAndType(response: Response) {
  const body = await response.text();
  const type = response.status >= 400 ? JSON.parse(body).type : undefined;
  return {
    status: response.status,
    type,
    retryAfter: response.headers.get("retry-after"),
  };
}

Deno.test("defects 7, 11, 12: backend faults map to 503/504/502 before the stream, and an edge started first recovers", async () => {
  const backend = await createOrtBackend({ repository: "generated/models" });
  let inference: ReturnType<typeof serveKserve> | undefined;
  let inferenceUrl = "http://127.0.0.1:1";
  const proxy = startFaultProxy(() => inferenceUrl, 0, false);
  // The edge starts while nothing listens behind TRITON_URL.
  const edge = await edgeOver(proxy.url);
  try {
    // Defect 11 (unreachable) and 12: 503 + Retry-After before any stream.
    const down = await statusAndType(await speak(edge.base));
    assert.equal(down.status, 503);
    assert.ok(down.retryAfter);
    const lipsync = await fetch(`${edge.base}/v1/lipsync?avatar=demo`, {
      method: "POST",
      headers: { "Content-Type": "audio/wav" },
      body: pcm16Wav(16000, tone(16000, 0.5)),
    });
    const lipDown = await statusAndType(lipsync);
    assert.equal(lipDown.status, 503, JSON.stringify(lipDown));
    assert.ok(lipDown.retryAfter);
    assert.equal((await fetch(`${edge.base}/readyz`)).status, 503);

    // Defect 7: the backend comes up; the edge finds the fixture lip model.
    inference = serveKserve({ backend, port: 0, hostname: "127.0.0.1" });
    inferenceUrl = inference.url;
    proxy.start();
    const up = await speak(edge.base);
    assert.equal(up.status, 200);
    const text = await up.text();
    assert.match(text, /image\/jpeg/);
    assert.match(text, /"type":"end"/);
    assert.doesNotMatch(text, /"type":"error"/);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // readiness cache
    const ready = await fetch(`${edge.base}/readyz`);
    assert.equal(ready.status, 200, await ready.clone().text());
    await ready.body?.cancel();

    // Defect 11: garbage and a broken 500 are 502; slow is 504.
    for (const fault of ["garbage", "error", "cut"] as const) {
      proxy.set(fault);
      const result = await statusAndType(await speak(edge.base));
      assert.equal(result.status, 502, `${fault}: ${JSON.stringify(result)}`);
    }
    proxy.set("slow", { delayMs: 2500 });
    const slow = await statusAndType(await speak(edge.base));
    assert.equal(slow.status, 504, JSON.stringify(slow));
    proxy.set("none");
    // Restart: down, then back.
    await proxy.stop();
    assert.equal((await statusAndType(await speak(edge.base))).status, 503);
    proxy.start();
    const again = await speak(edge.base);
    assert.equal(again.status, 200);
    await again.body?.cancel();
  } finally {
    await edge.close();
    await proxy.close();
    await inference?.shutdown();
    await backend.close();
  }
});
