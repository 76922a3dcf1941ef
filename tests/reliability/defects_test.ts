/**
 * One regression test per defect of the black-box reliability run (issue
 * 15), each against a real HTTP server on loopback over the fake pipeline
 * (the defects are in the HTTP layer; the backend ones are in
 * `backend_faults_test.ts`).
 */
import assert from "node:assert/strict";
import { readConfig } from "@lipstream/edge/config";
import { createTestApp } from "../support/test_app.ts";
import {
  pcm16Wav,
  rawRequest,
  readUntilClosed,
  serveLoopback,
  sleep,
  tone,
  waitFor,
} from "./_loopback.ts";

const KEY = "r".repeat(24);
const SPEAK = {
  text: "Hello there my friend.",
  voice: "tone",
  avatar: "square",
};
const JSON_HEADERS = { "Content-Type": "application/json" };

function speak(base: string, body: unknown = SPEAK, headers = {}) {
  return fetch(`${base}/v1/speak`, {
    method: "POST",
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(body),
  });
}

Deno.test("defect 1: without API keys the per-client limit applies per remote address, the global one is the ceiling", async () => {
  const edge = createTestApp({
    frameDelayMs: 50,
    config: { maxConcurrentStreams: 3, maxStreamsPerKey: 2 },
  });
  // Two loopback clients: every TCP client here comes from 127.0.0.1, so the
  // second server tells the app its peer is 127.0.0.2 (what Deno.serve
  // passes as the handler's second argument).
  const a = serveLoopback(edge.app.fetch);
  const b = serveLoopback((request, info) =>
    edge.app.fetch(request, {
      ...info,
      remoteAddr: { ...info.remoteAddr, hostname: "127.0.0.2" },
    })
  );
  const open: Response[] = [];
  try {
    open.push(await speak(a.base), await speak(a.base));
    for (const r of open) assert.equal(r.status, 200);
    const third = await speak(a.base);
    assert.equal(third.status, 429);
    const problem = await third.json();
    assert.match(problem.detail, /client address is at its limit of 2/);
    assert.doesNotMatch(problem.detail, /API key/);
    // Another client is not held back by the first one's streams…
    const other = await speak(b.base);
    assert.equal(other.status, 200);
    open.push(other);
    // …until the server's own limit.
    const full = await speak(b.base);
    assert.equal(full.status, 429);
    assert.match((await full.json()).detail, /server is at its limit of 3/);
  } finally {
    await Promise.all(open.map((r) => r.body?.cancel()));
    await a.close();
    await b.close();
  }
});

Deno.test("defect 2: a client that stops reading is evicted after the write deadline and frees its slot", async () => {
  const edge = createTestApp({
    frameJpeg: new Uint8Array(256 * 1024).fill(0xab),
    config: {
      maxConcurrentStreams: 2,
      maxStreamsPerKey: 2,
      maxTextLength: 4000,
      writeDeadlineMs: 300,
    },
  });
  const served = serveLoopback(edge.app.fetch);
  const conns: Deno.TcpConn[] = [];
  try {
    const body = JSON.stringify({
      ...SPEAK,
      text: `${"word ".repeat(600)}end.`,
    });
    for (let i = 0; i < 2; i++) {
      conns.push(
        await rawRequest(
          served.port,
          `POST /v1/speak HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        ),
      );
    }
    assert.ok(await waitFor(() => edge.slots.active === 2, 2000));
    // Nobody reads: both must be evicted well before the 600-word utterance ends.
    const waited = await waitFor(() => edge.slots.active === 0, 5000);
    assert.ok(waited !== undefined, `still ${edge.slots.active} slots held`);
    const next = await speak(served.base);
    assert.equal(next.status, 200);
    await next.body?.cancel();
    assert.ok(edge.logs.some((line) => line.msg === "slow reader evicted"));
  } finally {
    for (const conn of conns) conn.close();
    await served.close();
  }
});

Deno.test("defect 3: lip-sync sample rates the pipeline cannot take are a 400 before the stream", async () => {
  const edge = createTestApp({ config: { maxBodyBytes: 1 << 20 } });
  const served = serveLoopback(edge.app.fetch);
  try {
    for (
      const rate of [1, 2, 3, 7, 7999, 16001, 44099, 1e9, 2 ** 32 - 1]
    ) {
      const response = await fetch(`${served.base}/v1/lipsync?avatar=square`, {
        method: "POST",
        headers: { "Content-Type": "audio/wav" },
        body: pcm16Wav(rate, new Float32Array(200)),
      });
      assert.equal(response.status, 400, `rate ${rate}`);
      const problem = await response.json();
      assert.equal(problem.errors[0].path, "/audio", `rate ${rate}`);
    }
    for (const rate of [8000, 16000, 22050, 44100, 48000]) {
      const response = await fetch(`${served.base}/v1/lipsync?avatar=square`, {
        method: "POST",
        headers: { "Content-Type": "audio/wav" },
        body: pcm16Wav(rate, tone(rate, 0.2)),
      });
      assert.equal(response.status, 200, `rate ${rate}`);
      const text = await response.text();
      assert.match(text, /"type":"end"/, `rate ${rate}`);
    }
  } finally {
    await served.close();
  }
});

Deno.test("defect 4: audio per upload and per text is bounded by MAX_AUDIO_SECONDS, derived from MAX_TEXT_LENGTH", async () => {
  assert.equal(readConfig({}).maxAudioSeconds, 800);
  assert.equal(readConfig({ MAX_TEXT_LENGTH: "100" }).maxAudioSeconds, 40);
  assert.equal(readConfig({ MAX_AUDIO_SECONDS: "5" }).maxAudioSeconds, 5);
  const edge = createTestApp({
    config: { maxAudioSeconds: 2, maxBodyBytes: 1 << 20, maxTextLength: 1000 },
  });
  const served = serveLoopback(edge.app.fetch);
  try {
    const upload = await fetch(`${served.base}/v1/lipsync?avatar=square`, {
      method: "POST",
      headers: { "Content-Type": "audio/wav" },
      body: pcm16Wav(8000, tone(8000, 3)),
    });
    assert.equal(upload.status, 413);
    const problem = await upload.json();
    assert.equal(problem.type, "urn:lipstream:problem:audio-too-long");
    assert.equal(problem.errors[0].path, "/audio");
    // The tone voice speaks 40 ms a word: 60 words are 2.4 s.
    const long = await speak(served.base, {
      ...SPEAK,
      text: `${"word ".repeat(59)}end.`,
    });
    assert.equal(long.status, 413);
    assert.equal((await long.json()).errors[0].path, "/text");
    const tts = await fetch(`${served.base}/v1/tts`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify({
        text: `${"word ".repeat(59)}end.`,
        voice: "tone",
        format: "wav",
      }),
    });
    assert.equal(tts.status, 413);
    await tts.body?.cancel();
  } finally {
    await served.close();
  }
});

Deno.test("defect 8: the API key is checked before any body byte is read", async () => {
  const edge = createTestApp({
    config: { apiKeys: [KEY], maxBodyBytes: 8 << 20 },
  });
  const served = serveLoopback(edge.app.fetch);
  try {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= 8 << 20) return controller.close();
        await sleep(5);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${served.base}/v1/speak`, {
      method: "POST",
      headers: JSON_HEADERS,
      body,
    });
    const sentAtAnswer = sent;
    assert.equal(response.status, 401);
    await response.body?.cancel();
    assert.ok(
      sentAtAnswer < 2 << 20,
      `${sentAtAnswer} bytes were taken in before the 401`,
    );
  } finally {
    await served.close();
  }
});

Deno.test("defect 9: an incomplete body times out with 408; a client gone mid-body is no 500", async () => {
  const edge = createTestApp({ config: { bodyReadTimeoutMs: 300 } });
  const served = serveLoopback(edge.app.fetch);
  try {
    const conn = await rawRequest(
      served.port,
      'POST /v1/speak HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"text":',
    );
    const started = performance.now();
    const answer = await readUntilClosed(conn, 3000, /\r\n\r\n/);
    conn.close();
    assert.match(answer, /^HTTP\/1\.1 408/);
    assert.ok(performance.now() - started < 2500);
    const gone = await rawRequest(
      served.port,
      'POST /v1/speak HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"text":',
    );
    await sleep(50);
    gone.close();
    await sleep(200);
    const metrics = await (await fetch(`${served.base}/metrics`)).text();
    assert.doesNotMatch(metrics, /status="5\d\d"/);
    assert.ok(!edge.logs.some((line) => line.level === "error"));
  } finally {
    await served.close();
  }
});

Deno.test("defect 10: unknown HTTP methods share one metric label", async () => {
  const edge = createTestApp();
  const served = serveLoopback(edge.app.fetch);
  try {
    for (let i = 0; i < 50; i++) {
      const response = await fetch(`${served.base}/healthz`, {
        method: `X${i}METHOD`,
      });
      await response.body?.cancel();
    }
    const metrics = await (await fetch(`${served.base}/metrics`)).text();
    assert.doesNotMatch(metrics, /METHOD/);
    assert.match(metrics, /method="other"/);
  } finally {
    await served.close();
  }
});

Deno.test("defect 13: with API keys /readyz shows its checks only to a caller with a key", async () => {
  const edge = createTestApp({ ready: false, config: { apiKeys: [KEY] } });
  const served = serveLoopback(edge.app.fetch);
  try {
    const anonymous = await fetch(`${served.base}/readyz`);
    assert.equal(anonymous.status, 503);
    assert.deepEqual(await anonymous.json(), { status: "not ready" });
    const keyed = await fetch(`${served.base}/readyz`, {
      headers: { Authorization: `Bearer ${KEY}` },
    });
    assert.ok((await keyed.json()).checks);
  } finally {
    await served.close();
  }
});

Deno.test("defect 14: unknown voice, avatar, speaker and language problems name their field", async () => {
  const edge = createTestApp();
  const served = serveLoopback(edge.app.fetch);
  try {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...SPEAK, voice: "nobody" }, "/voice"],
      [{ ...SPEAK, avatar: "nobody" }, "/avatar"],
      [{ ...SPEAK, speaker: "tenor" }, "/speaker"],
      [{ ...SPEAK, speaker: 99 }, "/speaker"],
      [{ ...SPEAK, language: "ja" }, "/language"],
    ];
    for (const [body, path] of cases) {
      const response = await speak(served.base, body);
      assert.ok(response.status >= 400 && response.status < 500);
      const problem = await response.json();
      assert.equal(problem.errors?.[0]?.path, path, JSON.stringify(body));
    }
    const idle = await fetch(`${served.base}/v1/avatars/nobody/idle.jpg`);
    assert.equal((await idle.json()).errors[0].path, "/id");
  } finally {
    await served.close();
  }
});

Deno.test("defect 15: a wrong method on an existing route is 405 with Allow", async () => {
  const edge = createTestApp();
  const served = serveLoopback(edge.app.fetch);
  try {
    const cases: [string, string, string][] = [
      ["POST", "/healthz", "GET, HEAD"],
      ["GET", "/v1/speak", "POST"],
      ["PUT", "/v1/avatars/square/idle.jpg", "GET, HEAD"],
      ["GET", "/v1/utterances/abc", "DELETE"],
    ];
    for (const [method, path, allow] of cases) {
      const response = await fetch(`${served.base}${path}`, { method });
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal(response.headers.get("allow"), allow);
      await response.body?.cancel();
    }
    const missing = await fetch(`${served.base}/v1/nothing`);
    assert.equal(missing.status, 404);
    await missing.body?.cancel();
  } finally {
    await served.close();
  }
});
