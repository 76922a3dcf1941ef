import assert from "node:assert/strict";
import { serveKserve } from "./serve.ts";
import { createArithmeticBackend } from "./_arithmetic_backend.ts";

Deno.test("serveKserve() serves the handler on a free loopback port until shut down", async () => {
  let listened: number | undefined;
  const server = serveKserve({
    backend: createArithmeticBackend(),
    port: 0,
    hostname: "127.0.0.1",
    onListen: ({ port }) => (listened = port),
  });
  assert.equal(listened, server.port);
  assert.equal(server.url, `http://127.0.0.1:${server.port}`);
  const response = await fetch(`${server.url}/v2/health/ready`);
  assert.equal(response.status, 200);
  await response.body?.cancel();
  await server.shutdown();
  await server.finished;
  await assert.rejects(fetch(`${server.url}/v2/health/live`));
});
