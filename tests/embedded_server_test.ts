/**
 * The embedded server end to end: the real pipeline (`buildPipelineDeps`:
 * fixture voice and lip model on ONNX Runtime, the drawn demo avatar pack)
 * behind the real app on loopback HTTP. ffprobe checks the WAV parts and
 * JPEG frames independently. Needs `deno task setup` (the README's test
 * command runs it).
 */
import assert from "node:assert/strict";
import { encodeWav } from "@lipstream/shared";
import { decodeJpeg } from "@lipstream/edge/frames";
import { buildPipelineDeps } from "../edge/boot/pipeline_deps.ts";
import { warmUpPipeline } from "../edge/boot/warm_up.ts";
import { readConfig } from "@lipstream/edge/config";
import { createJsonLogger } from "@lipstream/edge/log";
import { createOrtBackend } from "@lipstream/inference/ort";
import { serveKserve } from "@lipstream/inference/server";
import { withEdgeServer } from "./support/edge_server.ts";
import { ffprobeStream } from "./support/ffprobe.ts";
import { partJson, readParts } from "./support/multipart_parts.ts";

async function withEmbeddedServer(
  run: (base: string) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  await withEdgeServer(
    { MAX_BODY_BYTES: String(8 << 20), ...env },
    (base) => run(base),
  );
}

/** The split topology: the edge talks KServe v2 HTTP to the local Triton-compatible server. */
async function withSplitServers(
  run: (base: string) => Promise<void>,
): Promise<void> {
  const backend = await createOrtBackend({ repository: "generated/models" });
  const inference = serveKserve({ backend, port: 0, hostname: "127.0.0.1" });
  try {
    await withEmbeddedServer(run, { TRITON_URL: inference.url });
  } finally {
    await inference.shutdown();
    await backend.close();
  }
}

/** Mean luma of the mouth region of a decoded frame (lower middle of the face). */
function mouthLuma(jpeg: Uint8Array): number {
  const image = decodeJpeg(jpeg);
  let sum = 0;
  let count = 0;
  const { width, height, data } = image;
  for (let y = Math.floor(height * 0.55); y < Math.floor(height * 0.75); y++) {
    for (let x = Math.floor(width * 0.35); x < Math.floor(width * 0.65); x++) {
      const i = (y * width + x) * 3;
      sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      count++;
    }
  }
  return sum / count;
}

for (
  const [mode, withServer] of [
    ["embedded", withEmbeddedServer],
    ["split over KServe HTTP", withSplitServers],
  ] as const
) {
  Deno.test(`${mode} server: speak streams valid WAV parts and exactly ceil(duration × fps) frames`, async () => {
    await withServer(async (base) => {
      const response = await fetch(`${base}/v1/speak`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          text: "Hello there. This is the fixture voice speaking. Goodbye!",
          voice: "fixture_vits",
          avatar: "demo",
          audio_format: "float32",
        }),
      });
      const parts = await readParts(response);
      const start = partJson(parts[0]!);
      assert.equal(start.type, "start");
      assert.equal(start.sample_rate, 22050);
      const end = partJson(parts.at(-1)!);
      assert.equal(end.type, "end");
      const wavs = parts.filter((p) =>
        p.headers["content-type"] === "audio/wav"
      );
      const jpegs = parts.filter((p) =>
        p.headers["content-type"] === "image/jpeg"
      );
      assert.equal(wavs.length, 3);
      let samples = 0;
      for (const wav of wavs) {
        assert.equal(Number(wav.headers["x-sample-start"]), samples);
        const stream = await ffprobeStream(
          wav.bytes,
          "stream=codec_name,sample_rate,channels,duration_ts",
        );
        assert.equal(stream.codec_name, "pcm_f32le");
        assert.equal(stream.sample_rate, "22050");
        assert.equal(stream.channels, 1);
        samples += stream.duration_ts;
      }
      assert.equal(jpegs.length, Math.ceil(samples * 25 / 22050));
      assert.equal(end.frames, jpegs.length);
      jpegs.forEach((jpeg, i) => {
        assert.equal(Number(jpeg.headers["x-frame-index"]), i);
        assert.equal(Number(jpeg.headers["x-pts-ms"]), i * 40);
      });
      const frame = await ffprobeStream(
        jpegs[0]!.bytes,
        "stream=codec_name,width,height",
      );
      assert.deepEqual([frame.codec_name, frame.width, frame.height], [
        "mjpeg",
        256,
        256,
      ]);
    });
  });
}

Deno.test("embedded server: lips move with the audio of an uploaded espeak-ng recording", async () => {
  const dir = await Deno.makeTempDir();
  const wavPath = `${dir}/speech.wav`;
  const spoken = await new Deno.Command("espeak-ng", {
    args: [
      "-w",
      wavPath,
      "Lip sync needs real speech, with pauses.  And words.",
    ],
  }).output();
  assert.ok(spoken.success);
  const upload = await Deno.readFile(wavPath);
  await Deno.remove(dir, { recursive: true });
  await withEmbeddedServer(async (base) => {
    const response = await fetch(`${base}/v1/lipsync?avatar=demo&fps=25`, {
      method: "POST",
      headers: { "Content-Type": "audio/wav" },
      body: upload,
    });
    const parts = await readParts(response);
    const jpegs = parts.filter((p) =>
      p.headers["content-type"] === "image/jpeg"
    );
    const stream = await ffprobeStream(
      upload,
      "stream=duration_ts,sample_rate",
    );
    assert.equal(
      jpegs.length,
      Math.ceil(stream.duration_ts * 25 / Number(stream.sample_rate)),
    );
    const lumas = jpegs.map((p) => mouthLuma(p.bytes));
    const spread = Math.max(...lumas) - Math.min(...lumas);
    // The fixture lip model opens a dark mouth with the mel energy: speech and
    // pauses must look different.
    assert.ok(spread > 5, `mouth luma spread ${spread.toFixed(1)}`);
    // /metrics tells how every frame's mouth was made.
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const counts = Object.fromEntries(
      [...metrics.matchAll(
        /^lipstream_lip_frames_total\{kind="(\w+)"\} (\d+)$/gm,
      )]
        .map((m) => [m[1]!, Number(m[2])]),
    );
    assert.deepEqual(Object.keys(counts).sort(), [
      "held",
      "rendered",
      "silent",
    ]);
    assert.equal(
      counts.rendered! + counts.held! + counts.silent!,
      jpegs.length,
    );
    assert.ok(counts.rendered! > 0);
  });
});

Deno.test("embedded pipeline: warm-up speaks with the demo and fixture voices and renders on the demo avatar", async () => {
  const config = readConfig({ PORT: "0" });
  const pipeline = await buildPipelineDeps(
    config,
    createJsonLogger({ level: "error" }),
  );
  try {
    const report = await warmUpPipeline(pipeline, {
      signal: AbortSignal.timeout(30_000),
    });
    assert.deepEqual(report.failures, []);
    assert.deepEqual(report.voices, ["demo_espeak", "fixture_vits"]);
    assert.ok(report.frames > 10, `${report.frames} frames`);
  } finally {
    await pipeline.close();
  }
});

Deno.test("embedded server: a session's utterances continue one idle loop; idle.jpg shows where", async () => {
  // 0.2 s of silence: the silence skip serves the pack's idle JPEGs, so the
  // frames show exactly where each utterance's ping-pong stands.
  const silence = encodeWav(new Float32Array(3200), {
    sampleRateHz: 16000,
    format: "pcm16",
  });
  await withEmbeddedServer(async (base) => {
    const frames = async (session: string) => {
      const response = await fetch(
        `${base}/v1/lipsync?avatar=demo&fps=25&session=${session}`,
        {
          method: "POST",
          headers: { "Content-Type": "audio/wav" },
          body: silence,
        },
      );
      const parts = await readParts(response);
      return parts.filter((p) => p.headers["content-type"] === "image/jpeg")
        .map((p) => p.bytes);
    };
    const idle = async (query: string) =>
      new Uint8Array(
        await (await fetch(`${base}/v1/avatars/demo/idle.jpg${query}`))
          .arrayBuffer(),
      );
    const first = await frames("alice");
    assert.equal(first.length, 5);
    assert.deepEqual(first[0], await idle(""));
    const next = await idle("?session=alice");
    assert.notDeepEqual(next, first[0]);
    const second = await frames("alice");
    assert.deepEqual(second[0], next);
    // Another session starts from the first frame.
    assert.deepEqual(await idle("?session=bob"), first[0]);
    assert.deepEqual((await frames("bob"))[0], first[0]);

    // A client animating the idle loop itself: it fetches the frames, starts
    // an utterance where its animation stands, and continues from the end
    // part's next_idle_position. 40 frames: period 78.
    const frame = async (index: number) =>
      new Uint8Array(
        await (await fetch(`${base}/v1/avatars/demo/frames/${index}.jpg`))
          .arrayBuffer(),
      );
    assert.deepEqual(await frame(0), first[0]);
    const response = await fetch(
      `${base}/v1/lipsync?avatar=demo&fps=25&session=carol&idle_position=${
        78 + 76
      }`,
      {
        method: "POST",
        headers: { "Content-Type": "audio/wav" },
        body: silence,
      },
    );
    const parts = await readParts(response);
    const start = partJson(parts[0]!), end = partJson(parts.at(-1)!);
    assert.equal(start.idle_position, 76);
    assert.equal(end.next_idle_position, (76 + 5) % 78);
    const jpegs = parts.filter((p) =>
      p.headers["content-type"] === "image/jpeg"
    );
    // Positions 76, 77, 0, 1, 2 show frames 2, 1, 0, 1, 2.
    assert.deepEqual(jpegs.map((p) => p.bytes), [
      await frame(2),
      await frame(1),
      await frame(0),
      await frame(1),
      await frame(2),
    ]);
    const missing = await fetch(`${base}/v1/avatars/demo/frames/40.jpg`);
    assert.equal(missing.status, 404);
    await missing.body?.cancel();
  });
});

Deno.test("embedded server: /v1/tts returns a playable data URI and readiness is green", async () => {
  await withEmbeddedServer(async (base) => {
    const idle = await fetch(`${base}/v1/avatars/demo/idle.jpg`);
    assert.equal(idle.headers.get("content-type"), "image/jpeg");
    const frame = await ffprobeStream(
      new Uint8Array(await idle.arrayBuffer()),
      "stream=codec_name,width,height",
    );
    assert.deepEqual([frame.codec_name, frame.width, frame.height], [
      "mjpeg",
      256,
      256,
    ]);
    for (const id of ["nobody", "..", "demo%2F..%2F..%2Fetc"]) {
      const missing = await fetch(`${base}/v1/avatars/${id}/idle.jpg`);
      assert.equal(missing.status, 404, id);
      assert.equal(
        missing.headers.get("content-type"),
        "application/problem+json",
      );
      await missing.body?.cancel();
    }
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    const report = await ready.json();
    assert.equal(report.checks["model:fixture_wav2lip"].ok, true);
    const response = await fetch(`${base}/v1/tts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        text: "Testing one two three.",
        voice: "fixture_vits",
        format: "json",
      }),
    });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.match(body.audio, /^data:audio\/wav;base64,/);
    const bytes = Uint8Array.from(
      atob(body.audio.slice("data:audio/wav;base64,".length)),
      (c) => c.charCodeAt(0),
    );
    const stream = await ffprobeStream(bytes, "stream=sample_rate,duration");
    assert.equal(stream.sample_rate, "22050");
    assert.ok(
      Math.abs(Number(stream.duration) * 1000 - body.duration_ms) < 1,
      `${stream.duration} s vs ${body.duration_ms} ms`,
    );
  });
});

Deno.test("embedded server: ffmpeg reads speak.mjpeg without errors, every frame, no empty part", async () => {
  await withEmbeddedServer(async (base) => {
    const response = await fetch(
      `${base}/v1/speak.mjpeg?text=${
        encodeURIComponent("Hello there, this is a short one.")
      }&voice=fixture_vits&avatar=demo`,
    );
    assert.equal(response.status, 200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const path = await Deno.makeTempFile({ suffix: ".mjpeg" });
    await Deno.writeFile(path, bytes);
    const output = await new Deno.Command("ffmpeg", {
      args: ["-v", "error", "-f", "mpjpeg", "-i", path, "-f", "null", "-"],
      stderr: "piped",
    }).output();
    const probe = await new Deno.Command("ffprobe", {
      args: [
        "-v",
        "error",
        "-f",
        "mpjpeg",
        "-count_packets",
        "-show_entries",
        "stream=nb_read_packets",
        "-of",
        "csv=p=0",
        path,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    await Deno.remove(path);
    const stderr = new TextDecoder().decode(output.stderr) +
      new TextDecoder().decode(probe.stderr);
    assert.ok(output.success, stderr);
    assert.equal(stderr, "", "ffmpeg and ffprobe report nothing");
    const text = new TextDecoder("latin1").decode(bytes);
    const parts = text.split(/\r\n--\w+/).slice(0, -1);
    assert.ok(parts.length > 10);
    const packets = Number(new TextDecoder().decode(probe.stdout).trim());
    assert.equal(packets, parts.length);
  });
});

Deno.test("embedded server: the catalog marks the fixture voice and the drawn demo avatar", async () => {
  await withEmbeddedServer(async (base) => {
    const { voices } = await (await fetch(`${base}/v1/voices`)).json();
    const { avatars } = await (await fetch(`${base}/v1/avatars`)).json();
    assert.equal(
      voices.find((v: { id: string }) => v.id === "fixture_vits")?.fixture,
      true,
    );
    assert.equal(
      avatars.find((a: { id: string }) => a.id === "demo")?.demo,
      true,
    );
  });
});
