import assert from "node:assert/strict";
import { parseMultipartStream } from "@remix-run/multipart-parser";
import { createApp } from "../app.ts";
import { createJsonLogger } from "../log.ts";
import type { SpeechRequest, SpeechService } from "../pipeline/types.ts";
import {
  createFakeStats,
  createFixedReadiness,
  createSolidLipSyncService,
  createToneSpeechService,
} from "../../tests/support/fake_pipeline.ts";
import { createTestApp, TEST_CONFIG } from "../../tests/support/test_app.ts";

Deno.test.sanitizer({ ops: true, resources: true });

/** 30 words: 1.2 s of audio, 30 frames paced over 1.2 s at 25 fps. */
const TEXT = Array.from({ length: 6 }, () => "one two three four five.").join(
  " ",
);

function mjpegUrl(base: string, extra = ""): string {
  return `${base}/v1/speak.mjpeg?text=${
    encodeURIComponent(TEXT)
  }&voice=tone&avatar=square&fps=25${extra}`;
}

async function withServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  run: (base: string) => Promise<void>,
): Promise<void> {
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    app.fetch,
  );
  try {
    await run(`http://127.0.0.1:${server.addr.port}`);
  } finally {
    await server.shutdown();
  }
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error("Timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

Deno.test("DELETE /v1/utterances/:id ends a speak.mjpeg stream promptly and frees its slot", async () => {
  const edge = createTestApp();
  await withServer(edge.app, async (base) => {
    const response = await fetch(mjpegUrl(base));
    assert.equal(response.status, 200);
    const id = response.headers.get("x-utterance-id");
    assert.ok(id, "no X-Utterance-Id header");
    const boundary = /boundary=(\w+)$/.exec(
      response.headers.get("content-type") ?? "",
    )![1]!;
    const parts = [];
    let cancelledAt = 0;
    for await (
      const part of parseMultipartStream(response.body!, { boundary })
    ) {
      parts.push(part);
      if (parts.length === 2) {
        const del: Response = await fetch(`${base}/v1/utterances/${id}`, {
          method: "DELETE",
        });
        assert.equal(del.status, 204);
        await del.body?.cancel();
        cancelledAt = performance.now();
      }
    }
    const endedAt = performance.now();
    // 30 frames paced over 1.2 s; cancelled after the second, it ends at once.
    assert.ok(parts.length < 10, `${parts.length} frames after the cancel`);
    assert.ok(
      endedAt - cancelledAt < 300,
      `ended ${Math.round(endedAt - cancelledAt)} ms after the cancel`,
    );
    // Every part is a whole JPEG (no empty last part).
    for (const part of parts) {
      assert.ok(part.size > 0);
      assert.equal(Number(part.headers["content-length"]), part.size);
    }
    await until(() => edge.slots.active === 0);
    assert.equal(edge.utterances.size, 0);
    const again = await fetch(`${base}/v1/utterances/${id}`, {
      method: "DELETE",
    });
    assert.equal(again.status, 404);
    await again.body?.cancel();
  });
});

Deno.test("GET /v1/speak.mjpeg forwards speed, noise_scale and noise_scale_w to the synthesizer", async () => {
  const stats = createFakeStats();
  const tone = createToneSpeechService(stats);
  const seen: SpeechRequest[] = [];
  const speech: SpeechService = {
    ...tone,
    synthesize(request, options) {
      seen.push(request);
      return tone.synthesize(request, options);
    },
  };
  const { app } = createApp({
    config: TEST_CONFIG,
    speech,
    lipSync: createSolidLipSyncService(stats),
    readiness: createFixedReadiness(true),
    log: createJsonLogger({ level: "error", write: () => {} }),
  });
  const response = await app.request(
    mjpegUrl("", "&speed=1.5&noise_scale=0.2&noise_scale_w=0.4&speaker=bass"),
  );
  assert.equal(response.status, 200);
  await response.arrayBuffer();
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.speed, 1.5);
  assert.equal(seen[0]!.noiseScale, 0.2);
  assert.equal(seen[0]!.noiseW, 0.4);
  assert.equal(seen[0]!.speaker, "bass");
});
