import assert from "node:assert/strict";
import { parseMultipartStream } from "@remix-run/multipart-parser";
import { InferenceError } from "@lipstream/shared";
import { createTestApp, type TestApp } from "../../tests/support/test_app.ts";

Deno.test.sanitizer({ ops: true, resources: true });

const TEXT = "One two three. Four five. Six.";
const BODY = { text: TEXT, voice: "tone", avatar: "square", fps: 25 };

async function withServer(
  edge: TestApp,
  run: (base: string) => Promise<void>,
): Promise<void> {
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    edge.app.fetch,
  );
  try {
    await run(`http://127.0.0.1:${server.addr.port}`);
  } finally {
    await server.shutdown();
  }
}

function speak(base: string, body: unknown = BODY, signal?: AbortSignal) {
  return fetch(`${base}/v1/speak`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

function boundaryOf(response: Response): string {
  const match = /^multipart\/mixed; boundary=([0-9A-Za-z]{40})$/.exec(
    response.headers.get("content-type") ?? "",
  );
  assert.ok(match, response.headers.get("content-type") ?? "");
  return match[1]!;
}

async function until(check: () => boolean, ms = 2000): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error("Timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now();
}

Deno.test("POST /v1/speak streams start, WAV then JPEG parts per sentence, end", async () => {
  const edge = createTestApp();
  await withServer(edge, async (base) => {
    const response = await speak(base);
    assert.equal(response.status, 200);
    const parts = [];
    for await (
      const part of parseMultipartStream(response.body!, {
        boundary: boundaryOf(response),
      })
    ) {
      assert.equal(part.headers["content-length"], String(part.size));
      const isJson = /json/.test(part.headers["content-type"] ?? "");
      parts.push({
        headers: part.headers,
        bytes: part.bytes,
        text: isJson ? part.text : "",
      });
    }
    const start = JSON.parse(parts[0]!.text);
    assert.equal(start.type, "start");
    assert.equal(start.utterance_id, response.headers.get("x-utterance-id"));
    assert.deepEqual([start.sample_rate, start.fps, start.width], [
      16000,
      25,
      16,
    ]);
    const end = JSON.parse(parts.at(-1)!.text);
    assert.equal(end.type, "end");
    assert.equal(end.sentences, 3);
    assert.equal(end.audio_ms, 240);
    assert.ok(end.timings.ttfa_ms <= end.timings.ttff_ms);
    const middle = parts.slice(1, -1);
    const kinds = middle.map((p) =>
      p.headers["content-type"] === "audio/wav" ? "W" : "J"
    ).join("");
    // 120 ms, 80 ms, 40 ms of audio at 25 fps: frames 0-2, 3-4, 5.
    assert.equal(kinds, "WJJJWJJWJ");
    const wavs = middle.filter((p) =>
      p.headers["content-type"] === "audio/wav"
    );
    assert.deepEqual(wavs.map((p) => p.headers["x-sample-start"]), [
      "0",
      "1920",
      "3200",
    ]);
    assert.deepEqual(wavs.map((p) => p.headers["x-start-ms"]), [
      "0",
      "120",
      "200",
    ]);
    for (const wav of wavs) {
      assert.equal(new TextDecoder().decode(wav.bytes.subarray(0, 4)), "RIFF");
    }
    const jpegs = middle.filter((p) =>
      p.headers["content-type"] === "image/jpeg"
    );
    assert.deepEqual(jpegs.map((p) => Number(p.headers["x-frame-index"])), [
      0,
      1,
      2,
      3,
      4,
      5,
    ]);
    assert.deepEqual(jpegs.map((p) => Number(p.headers["x-pts-ms"])), [
      0,
      40,
      80,
      120,
      160,
      200,
    ]);
    assert.ok(jpegs.every((p) => p.bytes[0] === 0xff && p.bytes[1] === 0xd8));
    assert.equal(edge.slots.active, 0);
  });
});

Deno.test("client disconnect aborts the pipeline within 100 ms and frees the slot", async () => {
  const edge = createTestApp({ frameDelayMs: 50 });
  await withServer(edge, async (base) => {
    const controller = new AbortController();
    const response = await speak(base, BODY, controller.signal);
    const reader = response.body!.getReader();
    await reader.read();
    assert.equal(edge.slots.active, 1);
    const abortedAt = performance.now();
    controller.abort();
    await reader.cancel().catch(() => {});
    await until(() => edge.stats.aborted > 0);
    assert.ok(
      edge.stats.lastAbortAt - abortedAt < 100,
      `abort took ${edge.stats.lastAbortAt - abortedAt} ms`,
    );
    await until(() => edge.slots.active === 0);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /^lipstream_in_flight_streams 0$/m);
    assert.equal(edge.utterances.size, 0);
  });
});

Deno.test("a slow reader holds synthesis back (backpressure)", async () => {
  const edge = createTestApp();
  const text = Array.from({ length: 40 }, (_, i) => `Sentence ${i}.`).join(" ");
  await withServer(edge, async (base) => {
    const response = await speak(base, { ...BODY, text });
    const reader = response.body!.getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Socket buffers hold some parts; a whole 40-sentence run must not happen.
    assert.ok(edge.stats.sentences < 40, `${edge.stats.sentences} synthesized`);
    await reader.cancel();
    await until(() => edge.slots.active === 0);
  });
});

Deno.test("DELETE /v1/utterances/:id ends the stream with a cancellation part", async () => {
  const edge = createTestApp({ frameDelayMs: 30 });
  await withServer(edge, async (base) => {
    const response = await speak(base);
    const id = response.headers.get("x-utterance-id")!;
    const parts = parseMultipartStream(response.body!, {
      boundary: boundaryOf(response),
    });
    const texts: string[] = [];
    let deleted = false;
    for await (const part of parts) {
      texts.push(part.headers["content-type"] ?? "");
      if (!deleted && part.headers["content-type"] === "image/jpeg") {
        deleted = true;
        const del = await fetch(`${base}/v1/utterances/${id}`, {
          method: "DELETE",
        });
        assert.equal(del.status, 204);
        await del.body?.cancel();
      }
      if (part.headers["content-type"] === "application/problem+json") {
        assert.equal(
          JSON.parse(part.text).type,
          "urn:lipstream:problem:utterance-cancelled",
        );
      }
    }
    assert.equal(texts.at(-1), "application/problem+json");
    assert.ok(edge.stats.aborted > 0);
    await until(() => edge.slots.active === 0);
  });
});

Deno.test("a failure after the stream started ends it with a problem part", async () => {
  const edge = createTestApp({
    failAt: { sentence: 1, error: new InferenceError("timeout", "slow") },
  });
  await withServer(edge, async (base) => {
    const response = await speak(base);
    assert.equal(response.status, 200);
    const types: string[] = [];
    let last = "";
    for await (
      const part of parseMultipartStream(response.body!, {
        boundary: boundaryOf(response),
      })
    ) {
      types.push(part.headers["content-type"] ?? "");
      if (/json/.test(types.at(-1)!)) last = part.text;
    }
    assert.equal(types.at(-1), "application/problem+json");
    const problem = JSON.parse(last);
    assert.equal(problem.status, 504);
    assert.equal(problem.stack, undefined);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(
      metrics,
      /lipstream_stream_errors_total\{kind="urn:lipstream:problem:backend-timeout"/,
    );
  });
});

Deno.test("too many concurrent streams → 429 with Retry-After, per key and global", async () => {
  const edge = createTestApp({
    frameDelayMs: 40,
    config: { maxConcurrentStreams: 3, maxStreamsPerKey: 2 },
  });
  await withServer(edge, async (base) => {
    const open = [await speak(base), await speak(base)];
    const third = await speak(base);
    assert.equal(third.status, 429);
    assert.equal(third.headers.get("retry-after"), "1");
    assert.equal(
      (await third.json()).type,
      "urn:lipstream:problem:too-many-streams",
    );
    for (const response of open) await response.body!.cancel();
    await until(() => edge.slots.active === 0);
  });
});

Deno.test("GET /v1/speak.mjpeg streams JPEG parts paced at fps", async () => {
  const edge = createTestApp();
  await withServer(edge, async (base) => {
    const started = performance.now();
    const response = await fetch(
      `${base}/v1/speak.mjpeg?text=${
        encodeURIComponent(TEXT)
      }&voice=tone&avatar=square&fps=25`,
    );
    const match = /^multipart\/x-mixed-replace; boundary=(\w+)$/.exec(
      response.headers.get("content-type") ?? "",
    );
    assert.ok(match);
    const jpegs = [];
    for await (
      const part of parseMultipartStream(response.body!, {
        boundary: match[1]!,
      })
    ) {
      jpegs.push(part);
    }
    // No empty part at the end; every part says its length and frame.
    assert.equal(jpegs.length, 6);
    jpegs.forEach((p, i) => {
      assert.equal(p.headers["content-type"], "image/jpeg");
      assert.ok(p.size > 0);
      assert.equal(Number(p.headers["content-length"]), p.size);
      assert.equal(Number(p.headers["x-frame-index"]), i);
      assert.equal(Number(p.headers["x-pts-ms"]), i * 40);
    });
    // Six frames at 25 fps: the last is due 200 ms after the first.
    assert.ok(performance.now() - started >= 190);
    await until(() => edge.slots.active === 0);
  });
});

Deno.test("a stream's log line comes when it ends, with its real duration; a cancelled one says so", async () => {
  const edge = createTestApp();
  await withServer(edge, async (base) => {
    const requestLines = () =>
      edge.logs.filter((line) => line.msg === "request");
    const started = performance.now();
    const response = await fetch(
      `${base}/v1/speak.mjpeg?text=${
        encodeURIComponent(TEXT)
      }&voice=tone&avatar=square&fps=25`,
    );
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    await until(() => requestLines().length === 1);
    const [ended] = requestLines();
    assert.equal(ended!.stream, "ended");
    assert.equal(ended!.route, "/v1/speak.mjpeg");
    // Six frames paced at 25 fps: at least 190 ms, far more than the headers took.
    assert.ok(Number(ended!.duration_ms) >= 190, JSON.stringify(ended));
    assert.ok(Number(ended!.duration_ms) <= elapsed + 5);
    assert.ok(Number(ended!.headers_ms) < Number(ended!.duration_ms));
    assert.ok(Number(ended!.bytes) > 0);

    const controller = new AbortController();
    const cancelled = await fetch(
      `${base}/v1/speak.mjpeg?text=${
        encodeURIComponent(TEXT)
      }&voice=tone&avatar=square&fps=25`,
      { signal: controller.signal },
    );
    const reader = cancelled.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel().catch(() => {});
    await until(() => requestLines().length === 2);
    assert.equal(requestLines()[1]!.stream, "cancelled");
    await until(() => edge.slots.active === 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // One line per stream, however its last read settles.
    assert.equal(requestLines().length, 2);
    assert.ok(!edge.logs.some((line) => line.level === "warn"));
  });
});
