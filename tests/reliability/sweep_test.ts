/**
 * Disconnects at random points, slow readers and the security sweep (keys,
 * CORS, body limits, path traversal, response headers), over a real server
 * on loopback with the fake pipeline. Every loop is bounded.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { createTestApp } from "../support/test_app.ts";
import { serveLoopback, sleep, waitFor } from "./_loopback.ts";

const KEY = "s".repeat(32);
const SPEAK = {
  text: "One sentence here. And another one there. A third one to end.",
  voice: "tone",
  avatar: "square",
};
const SCALE = Number(Deno.env.get("RELIABILITY_SCALE") ?? "1");

Deno.test("disconnects at random points free every slot and stop the pipeline", async () => {
  const edge = createTestApp({
    frameDelayMs: 2,
    config: { maxConcurrentStreams: 64, maxStreamsPerKey: 64 },
  });
  const served = serveLoopback(edge.app.fetch);
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 20_000 }), { minLength: 1, maxLength: 8 }),
        async (cuts) => {
          await Promise.all(cuts.map(async (cutAt) => {
            const controller = new AbortController();
            const response = await fetch(`${served.base}/v1/speak`, {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify(SPEAK),
              signal: controller.signal,
            });
            const reader = response.body!.getReader();
            let seen = 0;
            try {
              while (seen < cutAt) {
                const { done, value } = await reader.read();
                if (done) break;
                seen += value.length;
              }
            } finally {
              controller.abort();
            }
          })).catch(() => {});
          const waited = await waitFor(() => edge.slots.active === 0, 2000);
          assert.ok(waited !== undefined, `${edge.slots.active} slots held`);
          assert.equal(edge.utterances.size, 0);
        },
      ),
      { numRuns: Math.round(40 * SCALE) },
    );
  } finally {
    await served.close();
  }
});

Deno.test("security sweep: keys, CORS, body limits, traversal, headers", async (t) => {
  const edge = createTestApp({
    config: {
      apiKeys: [KEY],
      corsOrigins: ["https://app.example"],
      maxBodyBytes: 2048,
    },
  });
  const served = serveLoopback(edge.app.fetch);
  const auth = { Authorization: `Bearer ${KEY}` };
  try {
    await t.step(
      "every /v1 route needs the key; wrong keys and schemes fail",
      async () => {
        const routes: [string, string][] = [
          ["GET", "/v1/voices"],
          ["GET", "/v1/avatars"],
          ["GET", "/v1/avatars/square/idle.jpg"],
          ["GET", "/v1/avatars/square/frames/0.jpg"],
          ["POST", "/v1/speak"],
          ["POST", "/v1/tts"],
          ["POST", "/v1/lipsync"],
          ["GET", "/v1/speak.mjpeg"],
          ["DELETE", "/v1/utterances/x"],
        ];
        const bad = [
          {},
          { Authorization: "Bearer" },
          { Authorization: `Bearer ${KEY}x` },
          { Authorization: `Basic ${btoa(`u:${KEY}`)}` },
          { Authorization: `Bearer ${KEY.slice(1)}` },
          { Authorization: `bearer  ${KEY.toUpperCase()}` },
        ];
        for (const [method, path] of routes) {
          for (const headers of bad) {
            const r = await fetch(`${served.base}${path}`, { method, headers });
            assert.equal(
              r.status,
              401,
              `${method} ${path} ${JSON.stringify(headers)}`,
            );
            assert.ok(r.headers.get("www-authenticate"));
            await r.body?.cancel();
          }
        }
        const ok = await fetch(`${served.base}/v1/voices`, { headers: auth });
        assert.equal(ok.status, 200);
        await ok.body?.cancel();
      },
    );
    await t.step("CORS: only the listed origin is echoed", async () => {
      for (
        const origin of [
          "https://evil.example",
          "null",
          "https://app.example.evil",
        ]
      ) {
        const r = await fetch(`${served.base}/v1/voices`, {
          headers: { ...auth, Origin: origin },
        });
        assert.notEqual(r.headers.get("access-control-allow-origin"), origin);
        assert.notEqual(r.headers.get("access-control-allow-origin"), "*");
        await r.body?.cancel();
      }
      const good = await fetch(`${served.base}/v1/voices`, {
        headers: { ...auth, Origin: "https://app.example" },
      });
      assert.equal(
        good.headers.get("access-control-allow-origin"),
        "https://app.example",
      );
      await good.body?.cancel();
    });
    await t.step(
      "body limits: declared and chunked bodies over the limit are 413",
      async () => {
        const big = "x".repeat(4096);
        const declared = await fetch(`${served.base}/v1/speak`, {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json" },
          body: big,
        });
        assert.equal(declared.status, 413);
        await declared.body?.cancel();
        const chunked = await fetch(`${served.base}/v1/speak`, {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json" },
          body: ReadableStream.from([new TextEncoder().encode(big)]),
        });
        assert.equal(chunked.status, 413);
        await chunked.body?.cancel();
      },
    );
    await t.step("path traversal never reaches a file", async () => {
      for (
        const path of [
          "/web/..%2f..%2fdeno.json",
          "/web/../deno.json",
          "/v1/avatars/..%2f..%2fdeno.json/idle.jpg",
          "/v1/avatars/square/frames/..%2f..%2fmanifest.json",
          "/v1/avatars/%2e%2e/frames/0.jpg",
          "/web/%00",
          "/..%5c..%5cdeno.json",
        ]
      ) {
        const r = await fetch(`${served.base}${path}`, { headers: auth });
        const text = await r.text();
        assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
        assert.doesNotMatch(text, /"workspace"|"imports"/);
      }
    });
    await t.step(
      "headers: request ids are sanitized, problems carry no stack",
      async () => {
        const r = await fetch(`${served.base}/v1/nothing`, {
          headers: { ...auth, "X-Request-Id": "evil\tid<script>" },
        });
        assert.match(r.headers.get("x-request-id") ?? "", /^[A-Za-z0-9._:-]+$/);
        const text = await r.text();
        assert.doesNotMatch(text, /at .*\.ts:\d+/);
        const readyz = await fetch(`${served.base}/readyz`);
        assert.deepEqual(Object.keys(await readyz.json()), ["status"]);
      },
    );
  } finally {
    await served.close();
  }
});

Deno.test("slow readers: a client reading one byte at a time still gets a well-formed stream", async () => {
  const edge = createTestApp({ config: { writeDeadlineMs: 2000 } });
  const served = serveLoopback(edge.app.fetch);
  try {
    const response = await fetch(`${served.base}/v1/speak`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...SPEAK, text: "Short one." }),
    });
    const reader = response.body!.getReader({ mode: "byob" });
    const parts: number[] = [];
    let text = "";
    while (true) {
      const { done, value } = await reader.read(new Uint8Array(512));
      if (done) break;
      parts.push(value.length);
      text += new TextDecoder("latin1").decode(value);
      await sleep(1);
    }
    assert.match(text, /"type":"end"/);
    assert.equal(edge.slots.active, 0);
  } finally {
    await served.close();
  }
});
